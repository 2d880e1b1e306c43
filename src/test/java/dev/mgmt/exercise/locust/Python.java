package dev.mgmt.exercise.locust;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs python3 on a script; where there is none the calling test is skipped, saying so (in CI it fails). */
final class Python {
    private Python() {
    }

    static Path python3() {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin" : path + ":/usr/bin").split(":")) {
            Path p = Path.of(dir, "python3");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String message = "python3 is not installed: the exported Locust files are not compiled or run"
            + " (apt-get install -y python3; .ci/run installs it with python3-locust)";
        if (System.getenv("CI") != null) {
            throw new AssertionError(message);
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        return null;
    }

    /** python3 with these arguments: its stdout, after asserting exit 0 (stderr in the message). */
    static String run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, java.util.Map.of(), args);
    }

    /** As {@link #run(Path, String...)}, with these environment variables set (null: removed). */
    static String run(Path dir, java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(python3().toString());
        command.addAll(List.of(args));
        Path err = dir.resolve("python-stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile());
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, p.exitValue(), () -> "python3 " + args[0] + " failed:\n" + readQuietly(err));
        return new String(out, StandardCharsets.UTF_8);
    }

    /** python3 -m py_compile FILE: a syntax error fails the test with Python's message. */
    static void compiles(Path file) throws IOException, InterruptedException {
        run(file.getParent(), "-m", "py_compile", file.toString());
    }

    private static String readQuietly(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return "(no stderr)";
        }
    }
}
