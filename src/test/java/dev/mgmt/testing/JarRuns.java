package dev.mgmt.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar (or any program) run as a child process, with none of this process's MGMT_ or
 * proxy variables; started and awaited separately, so several can run at once.
 */
public final class JarRuns {
    public static final Path ROOT = Path.of("").toAbsolutePath();
    public static final Path JAR = ROOT.resolve("target/mgmt.jar");

    private JarRuns() {
    }

    /** A finished process: its exit code and both streams. */
    public record Run(int exit, String out, String err) {
        public String describe() {
            return "exit " + exit + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    /** A started process whose streams are being drained. */
    public record Started(List<String> command, Process process, CompletableFuture<String> out,
                          CompletableFuture<String> err) {
        /** Waits at most {@code limit}; a process still running then is killed and the test fails. */
        public Run await(Duration limit) throws InterruptedException, ExecutionException {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out after " + limit + ": " + command);
            }
            return new Run(process.exitValue(), out.get(), err.get());
        }
    }

    /** {@code java -jar target/mgmt.jar ARGS}. */
    public static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
            JAR.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts {@code command} in the repository root; stdin is {@code stdin}, or /dev/null when null. */
    public static Started start(List<String> command, File stdin) throws IOException {
        return start(command, stdin, Map.of());
    }

    /** The same with these variables set on top (MGMT_JVM_CACHE included). */
    public static Started start(List<String> command, File stdin, Map<String, String> vars) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("MGMT_") || k.equalsIgnoreCase("HTTPS_PROXY") || k.equalsIgnoreCase("HTTP_PROXY"));
        env.put("NO_COLOR", "1");
        // No detached cache-training JVM left running after the build.
        env.put("MGMT_JVM_CACHE", "off");
        env.putAll(vars);
        pb.redirectInput(ProcessBuilder.Redirect.from(stdin == null ? new File("/dev/null") : stdin));
        Process p = pb.start();
        return new Started(command, p, drain(p.getInputStream()), drain(p.getErrorStream()));
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        });
    }
}
