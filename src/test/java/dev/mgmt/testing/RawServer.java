package dev.mgmt.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback socket server for what an HTTP server library will not do on purpose: reset the
 * connection, or promise a body and close half-way. It reads each request head, then misbehaves.
 */
public final class RawServer implements AutoCloseable {

    /** How to misbehave once the request head has arrived. */
    public enum Mode {
        /** Close with SO_LINGER 0, so the client sees a TCP reset and no response. */
        RESET,
        /** Send a status line and Content-Length: 100, then only a few bytes, then close. */
        TRUNCATE,
        /** Close cleanly without sending a single byte. */
        CLOSE_SILENTLY
    }

    private final ServerSocket socket;
    private final Mode mode;
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    public RawServer(Mode mode) throws IOException {
        this.mode = mode;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "raw-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** How many request heads arrived. */
    public int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                readHead(s.getInputStream());
                requests.incrementAndGet();
                OutputStream out = s.getOutputStream();
                switch (mode) {
                    case RESET:
                        s.setSoLinger(true, 0);
                        break;
                    case TRUNCATE:
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                            + "{\"status\":").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        break;
                    default:
                        break;
                }
            } catch (IOException e) {
                // Closed by close(), or the client went away: either way, next.
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String h = head.toString(StandardCharsets.ISO_8859_1);
            if (h.endsWith("\r\n\r\n")) {
                return;
            }
        }
    }

    /** A port on 127.0.0.1 that nothing listens on (bound, then released). */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
