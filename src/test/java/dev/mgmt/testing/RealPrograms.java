package dev.mgmt.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the real programs (nginx, tinyproxy, openssl) that the real-component suite runs. CI
 * installs them ({@code .ci/run}), so there a missing one fails the test; on a developer's machine
 * the test is skipped with a message naming the package to install, never passed silently.
 */
public final class RealPrograms {
    private static final List<String> DIRS = List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin",
        "/sbin", "/bin");

    private RealPrograms() {
    }

    /** The program's path; fails (CI) or skips (elsewhere) the calling test when it is not installed. */
    public static Path require(String program, String debianPackage) {
        Path found = find(program);
        if (found != null) {
            return found;
        }
        String message = program + " is not installed: the real-component tests need it"
            + " (apt-get install -y " + debianPackage + "; .ci/run does this in CI)";
        if (System.getenv("CI") != null) {
            throw new AssertionError(message);
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        return null;
    }

    static Path find(String program) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                Path p = Path.of(dir, program);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        for (String dir : DIRS) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
