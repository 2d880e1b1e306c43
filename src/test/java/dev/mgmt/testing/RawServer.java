package dev.mgmt.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * A loopback socket server for what an HTTP server library will not do on purpose: reset the
 * connection, promise a body and close half-way, or send headers and then nothing. It reads each
 * request head, then misbehaves; {@link #recoverAfter} makes it answer properly after some faults,
 * so retries can be seen to work. Stalled connections are held until the client gives up (or the
 * server closes), never by sleeping.
 */
public final class RawServer implements AutoCloseable {

    /** How to misbehave once the request head has arrived. */
    public enum Mode {
        /** Close with SO_LINGER 0, so the client sees a TCP reset and no response. */
        RESET,
        /** Send a status line and Content-Length: 100, then only a few bytes, then close. */
        TRUNCATE,
        /** Close cleanly without sending a single byte. */
        CLOSE_SILENTLY,
        /** Send the headers of a 200 with Content-Length, then nothing until the client goes away. */
        STALL_AFTER_HEADERS,
        /** Send the headers and the first part of the {@link #body}, then nothing. */
        STALL_MID_BODY,
        /** Send the headers and most of the {@link #body} (well past the table's first rows), then reset. */
        RESET_LATE,
        /** Send nothing at all, holding the connection until the client goes away: a manager that hangs. */
        NO_ANSWER
    }

    private final ServerSocket socket;
    private final Mode mode;
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile byte[] body = ("{\"status\":\"SUCCESS\",\"resultList\":[],\"resultCount\":0}")
        .getBytes(StandardCharsets.UTF_8);
    /** Whether request number n (from 1), with this request line, gets the {@link Mode} rather than a proper answer. */
    private volatile BiPredicate<Integer, String> faulty = (n, line) -> true;

    public RawServer(Mode mode) throws IOException {
        this.mode = mode;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "raw-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** The JSON body that the partial modes cut short, and that a recovered server sends whole. */
    public RawServer body(String json) {
        this.body = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Misbehave on the first {@code n} requests only, then answer 200 with the whole {@link #body}. */
    public RawServer recoverAfter(int n) {
        this.faulty = (i, line) -> i <= n;
        return this;
    }

    /** Answer the first {@code n} requests properly, then misbehave on every one after: a manager that stops. */
    public RawServer answerFirst(int n) {
        this.faulty = (i, line) -> i > n;
        return this;
    }

    /** Misbehave only on requests whose line ("GET /apiops/... HTTP/1.1") contains {@code part}: one bad endpoint. */
    public RawServer misbehaveOn(String part) {
        this.faulty = (i, line) -> line.contains(part);
        return this;
    }

    /** A list body of {@code n} proxies, big enough that a cut late in it would show in any format. */
    public static String proxies(int n) {
        StringBuilder sb = new StringBuilder("{\"status\":\"SUCCESS\",\"resultList\":[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"name\":\"proxy-").append(i).append("\",\"type\":\"REST\"}");
        }
        return sb.append("],\"resultCount\":").append(n).append('}').toString();
    }

    /** How many request heads arrived. */
    public int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "raw-server-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // Closed by close(): done.
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            String line = readHead(in);
            lines.add(line);
            int n = requests.incrementAndGet();
            OutputStream out = s.getOutputStream();
            byte[] b = body;
            if (!faulty.test(n, line)) {
                out.write(head(b.length));
                out.write(b);
                out.flush();
                return;
            }
            switch (mode) {
                case RESET:
                    s.setSoLinger(true, 0);
                    break;
                case TRUNCATE:
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                        + "{\"status\":").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    break;
                case STALL_AFTER_HEADERS:
                    out.write(head(b.length));
                    out.flush();
                    holdUntilClientLeaves(in);
                    break;
                case STALL_MID_BODY:
                    out.write(head(b.length));
                    out.write(b, 0, b.length / 2);
                    out.flush();
                    holdUntilClientLeaves(in);
                    break;
                case RESET_LATE:
                    out.write(head(b.length));
                    out.write(b, 0, b.length * 9 / 10);
                    out.flush();
                    s.setSoLinger(true, 0);
                    break;
                case NO_ANSWER:
                    holdUntilClientLeaves(in);
                    break;
                default:
                    break;
            }
        } catch (IOException e) {
            // The client went away or close() closed the socket: either way, done.
        } finally {
            open.remove(s);
        }
    }

    private static byte[] head(int length) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    }

    /** Blocks until the client closes its end (or close() closes ours): a stall without a sleep. */
    private static void holdUntilClientLeaves(InputStream in) throws IOException {
        while (in.read() >= 0) {
            // Discard anything the client still sends.
        }
    }

    /** The request lines seen ("POST /apiops/projects/ HTTP/1.1"), checklist probes included. */
    public List<String> requestLines() {
        return List.copyOf(lines);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String h = head.toString(StandardCharsets.ISO_8859_1);
            if (h.endsWith("\r\n\r\n")) {
                return h.substring(0, h.indexOf("\r\n"));
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
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
        for (Socket s : open) {
            s.close();
        }
    }
}
