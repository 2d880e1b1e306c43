package dev.mgmt.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Listens on the sandbox's public address while a skew fault is in effect and relays each connection to the
 * JDK server on loopback, rewriting the response's {@code Date} line: the JDK server writes that header from the
 * system clock after the handler has run, so the handler cannot set it. The sandbox answers {@code Connection:
 * close} while skewed, so each relayed connection carries one final response and the relay needs no framing.
 */
final class DateRelay implements AutoCloseable {
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    /** A head longer than the JDK server ever writes is passed on untouched rather than buffered without end. */
    private static final int MAX_HEAD = 64 * 1024;
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final Supplier<Instant> clock;
    private final ExecutorService threads;
    private final Set<Socket> open = new HashSet<>();
    private boolean closed;

    DateRelay(InetSocketAddress bind, InetSocketAddress upstream, Supplier<Instant> clock) throws IOException {
        this.upstream = upstream;
        this.clock = clock;
        listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(bind, 64);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        AtomicInteger n = new AtomicInteger();
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mgmt-sandbox-relay-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        threads.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Closes the listener and every relayed connection, so no thread outlives the relay. */
    @Override
    public void close() {
        List<Socket> sockets;
        synchronized (open) {
            closed = true;
            sockets = new ArrayList<>(open);
            open.clear();
        }
        quietly(listener);
        sockets.forEach(DateRelay::quietly);
        threads.shutdownNow();
    }

    private void accept() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closedListener) {
                return;
            }
            if (!track(client)) {
                return;
            }
            try {
                threads.execute(() -> serve(client));
            } catch (RejectedExecutionException shuttingDown) {
                quietly(client);
                return;
            }
        }
    }

    /** Registers a socket for {@link #close()}; one opened after close is closed at once. */
    private boolean track(Socket s) {
        synchronized (open) {
            if (!closed) {
                open.add(s);
                return true;
            }
        }
        quietly(s);
        return false;
    }

    private void forget(Socket s) {
        synchronized (open) {
            open.remove(s);
        }
        quietly(s);
    }

    private void serve(Socket client) {
        Socket up = new Socket();
        try {
            if (!track(up)) {
                return;
            }
            up.connect(upstream);
            client.setTcpNoDelay(true);
            up.setTcpNoDelay(true);
            threads.execute(() -> forwardRequest(client, up));
            forwardResponse(up, client);
        } catch (IOException | RejectedExecutionException e) {
            // the peer went away or the relay is closing: closing both ends below tells the other side
        } finally {
            forget(up);
            forget(client);
        }
    }

    private static void forwardRequest(Socket client, Socket up) {
        try {
            client.getInputStream().transferTo(up.getOutputStream());
            up.shutdownOutput();
        } catch (IOException e) {
            // a reset from the client must reach the server too, which closing its connection does
            quietly(up);
        }
    }

    private void forwardResponse(Socket up, Socket client) throws IOException {
        InputStream in = up.getInputStream();
        OutputStream out = client.getOutputStream();
        byte[] buf = new byte[16 * 1024];
        byte[] head = new byte[MAX_HEAD];
        int headLen = 0;
        boolean inHead = true;
        int n;
        try {
            n = in.read(buf);
        } catch (IOException reset) {
            resetLater(client);
            throw reset;
        }
        while (n != -1) {
            int off = 0;
            while (inHead && off < n) {
                head[headLen++] = buf[off++];
                if (endsHead(head, headLen)) {
                    String h = new String(head, 0, headLen, StandardCharsets.ISO_8859_1);
                    out.write(rewrite(h, clock.get()).getBytes(StandardCharsets.ISO_8859_1));
                    inHead = interim(h);
                    headLen = 0;
                } else if (headLen == MAX_HEAD) {
                    out.write(head, 0, headLen);
                    inHead = false;
                    headLen = 0;
                }
            }
            out.write(buf, off, n - off);
            out.flush();
            try {
                n = in.read(buf);
            } catch (IOException reset) {
                resetLater(client);
                throw reset;
            }
        }
        out.write(head, 0, headLen);
        out.flush();
    }

    /** A server that reset its connection (a reset fault) should look the same to the client. */
    private static void resetLater(Socket client) {
        try {
            client.setSoLinger(true, 0);
        } catch (IOException alreadyClosed) {
            // nothing left to reset
        }
    }

    private static boolean endsHead(byte[] b, int len) {
        if (len < END_OF_HEAD.length) {
            return false;
        }
        for (int i = 0; i < END_OF_HEAD.length; i++) {
            if (b[len - END_OF_HEAD.length + i] != END_OF_HEAD[i]) {
                return false;
            }
        }
        return true;
    }

    /** 1xx heads (100 Continue) precede the real response, whose head is still to come. */
    private static boolean interim(String head) {
        String[] status = head.split(" ", 3);
        return status.length > 1 && status[1].length() == 3 && status[1].charAt(0) == '1';
    }

    /** The head with its Date line, or a new one after the status line, set to {@code now}. */
    static String rewrite(String head, Instant now) {
        String date = "Date: " + HTTP_DATE.format(now);
        String[] lines = head.substring(0, head.length() - END_OF_HEAD.length).split("\r\n", -1);
        StringBuilder sb = new StringBuilder(head.length() + 8).append(lines[0]).append("\r\n");
        boolean replaced = false;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].toLowerCase(Locale.ROOT).startsWith("date:")) {
                if (!replaced) {
                    sb.append(date).append("\r\n");
                }
                replaced = true;
            } else {
                sb.append(lines[i]).append("\r\n");
            }
        }
        if (!replaced && !interim(head)) {
            sb.insert(lines[0].length() + 2, date + "\r\n");
        }
        return sb.append("\r\n").toString();
    }

    private static void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort: the socket is unusable either way
        }
    }
}
