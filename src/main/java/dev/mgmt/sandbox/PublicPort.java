package dev.mgmt.sandbox;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The sandbox's address, served by the JDK server directly, or, while a skew fault is in effect, by a
 * {@link DateRelay} in front of a second JDK server on loopback, because only a relay can make the {@code Date}
 * header follow the skewed clock. Without skew there is no extra hop. The port stays the same across switches,
 * since clients were given the URL; connections open at a switch are closed, as a restarting server would.
 */
final class PublicPort implements AutoCloseable {
    private static final java.time.Duration REBIND_WAIT = java.time.Duration.ofSeconds(2);
    private final HttpHandler handler;
    private final Executor executor;
    private final Supplier<Instant> clock;
    private InetSocketAddress address;
    private HttpServer direct;
    private HttpServer inner;
    private DateRelay relay;
    private boolean closed;

    PublicPort(String host, int port, HttpHandler handler, Executor executor, Supplier<Instant> clock) {
        this.address = new InetSocketAddress(host, port);
        this.handler = handler;
        this.executor = executor;
        this.clock = clock;
    }

    synchronized InetSocketAddress address() {
        return address;
    }

    /** Serves the address directly or through the relay, switching only when {@code skewed} changes. */
    synchronized void serve(boolean skewed) throws IOException {
        if (closed) {
            return;
        }
        if (skewed && relay == null) {
            if (direct != null) {
                direct.stop(0);
                direct = null;
            }
            inner = server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try {
                InetSocketAddress upstream = inner.getAddress();
                relay = rebinding(() -> new DateRelay(address, upstream, clock));
            } catch (IOException e) {
                inner.stop(0);
                inner = null;
                throw e;
            }
            address = new InetSocketAddress(address.getAddress(), relay.port());
        } else if (!skewed && direct == null) {
            stopRelay();
            direct = rebinding(() -> server(address));
            address = new InetSocketAddress(address.getAddress(), direct.getAddress().getPort());
        }
    }

    /** Something that binds a socket. */
    @FunctionalInterface
    private interface Binding<T> {
        T bind() throws IOException;
    }

    /**
     * Binds the port just given up: the socket the old server held is released by its dispatcher
     * thread shortly after stop() returns, so a bind at once can still find it in use. Retried
     * briefly, then the failure stands.
     */
    private static <T> T rebinding(Binding<T> binding) throws IOException {
        long deadline = System.nanoTime() + REBIND_WAIT.toNanos();
        while (true) {
            try {
                return binding.bind();
            } catch (java.net.BindException inUse) {
                if (System.nanoTime() > deadline) {
                    throw inUse;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
            }
        }
    }

    private HttpServer server(InetSocketAddress at) throws IOException {
        HttpServer s = HttpServer.create(at, 64);
        s.setExecutor(executor);
        s.createContext("/", handler);
        s.start();
        return s;
    }

    private void stopRelay() {
        if (relay != null) {
            relay.close();
            relay = null;
        }
        if (inner != null) {
            inner.stop(0);
            inner = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        stopRelay();
        if (direct != null) {
            direct.stop(0);
            direct = null;
        }
    }
}
