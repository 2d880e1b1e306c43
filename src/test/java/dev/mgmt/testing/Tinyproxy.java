package dev.mgmt.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real tinyproxy (Debian's) on a free loopback port, in the foreground with a generated config:
 * with {@code BasicAuth} when a user is given, CONNECT allowed to the given port. Ready once it logs
 * that it accepts connections (waited for with a deadline); {@link #close} kills it.
 */
public final class Tinyproxy implements AutoCloseable {
    private static final long START_SECONDS = 15;

    private final Process process;
    private final int port;
    private final StringBuffer log = new StringBuffer();

    private Tinyproxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param user null for a proxy without authentication */
    public static Tinyproxy start(Path dir, String user, String password, int connectPort) throws Exception {
        Path program = RealPrograms.require("tinyproxy", "tinyproxy");
        int port = freePort();
        Path conf = dir.resolve("tinyproxy-" + port + ".conf");
        Files.writeString(conf, "Port " + port + "\nListen 127.0.0.1\nTimeout 30\nAllow 127.0.0.1\n"
            + "ConnectPort " + connectPort + "\nLogLevel Info\nMaxClients 20\n"
            + (user == null ? "" : "BasicAuth " + user + " " + password + "\n"));
        Process p = new ProcessBuilder(program.toString(), "-d", "-c", conf.toString()).redirectErrorStream(true).start();
        Tinyproxy proxy = new Tinyproxy(p, port);
        try {
            proxy.awaitReady();
        } catch (Exception | AssertionError e) {
            proxy.close();
            throw e;
        }
        return proxy;
    }

    public int port() {
        return port;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    /** What tinyproxy logged so far, for failure messages. */
    public String log() {
        return log.toString();
    }

    private void awaitReady() throws Exception {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    log.append(line).append('\n');
                    if (line.contains("Accepting connections")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // The process ended.
            }
            ready.complete(false);
        }, "tinyproxy-log");
        reader.setDaemon(true);
        reader.start();
        boolean up;
        try {
            up = ready.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            up = false;
        }
        if (!up) {
            throw new AssertionError("tinyproxy did not start within " + START_SECONDS + "s:\n" + log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
