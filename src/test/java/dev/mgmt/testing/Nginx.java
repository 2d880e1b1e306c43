package dev.mgmt.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx as a child process, everything it writes (pid, logs, temp files) inside one directory,
 * listening only on loopback ports the test chose. {@link #close} stops it whatever happened; start-up
 * waits until every port accepts, with a deadline, and a failed start shows nginx's own error log.
 */
public final class Nginx implements AutoCloseable {
    private static final Duration START_DEADLINE = Duration.ofSeconds(15);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(5);

    private final Process process;
    private final Path dir;

    private Nginx(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /**
     * Starts nginx with {@code servers} (the inside of the {@code http} block: server blocks, upstreams)
     * and waits until each of {@code ports} accepts a connection.
     */
    public static Nginx start(Path dir, String servers, int... ports) throws IOException {
        Path binary = RealPrograms.require("nginx", "nginx-light");
        Files.createDirectories(dir);
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config(dir, servers), StandardCharsets.UTF_8);
        Path stderr = dir.resolve("stderr.log");
        // -e: the error log before the config is read (else nginx tries /var/log/nginx, which may not be writable).
        Process p = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", conf.toString(),
            "-e", dir.resolve("error.log").toString())
            .redirectErrorStream(true)
            .redirectOutput(stderr.toFile())
            .start();
        Nginx nginx = new Nginx(p, dir);
        try {
            nginx.awaitPorts(ports);
        } catch (IOException | RuntimeException | Error e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    /** A loopback port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String config(Path dir, String servers) {
        String d = dir.toString();
        // master_process off: one process, which runs as whoever started it (root in CI) with no user switch.
        return "daemon off;\n"
            + "master_process off;\n"
            + "worker_processes 1;\n"
            + "pid " + d + "/nginx.pid;\n"
            + "error_log " + d + "/error.log warn;\n"
            + "events { worker_connections 64; }\n"
            + "http {\n"
            + "  access_log off;\n"
            + "  client_body_temp_path " + d + "/client_body;\n"
            + "  proxy_temp_path " + d + "/proxy;\n"
            + "  fastcgi_temp_path " + d + "/fastcgi;\n"
            + "  uwsgi_temp_path " + d + "/uwsgi;\n"
            + "  scgi_temp_path " + d + "/scgi;\n"
            + servers
            + "}\n";
    }

    private void awaitPorts(int... ports) throws IOException {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        List<Integer> waiting = new ArrayList<>();
        for (int port : ports) {
            waiting.add(port);
        }
        while (!waiting.isEmpty()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + " before listening:\n" + logs());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("nginx did not listen on " + waiting + " within "
                    + START_DEADLINE.toSeconds() + "s:\n" + logs());
            }
            waiting.removeIf(Nginx::accepts);
            if (!waiting.isEmpty()) {
                // Polling, not sleeping a fixed time: a bounded wait for the process to settle.
                try {
                    process.waitFor(20, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while nginx started", e);
                }
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What nginx said: its stderr and its error log. */
    public String logs() {
        StringBuilder sb = new StringBuilder();
        for (String name : List.of("stderr.log", "error.log")) {
            Path p = dir.resolve(name);
            try {
                if (Files.exists(p)) {
                    sb.append("--- ").append(name).append(" ---\n").append(Files.readString(p));
                }
            } catch (IOException e) {
                sb.append("(cannot read ").append(name).append(": ").append(e.getMessage()).append(")\n");
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
