package dev.mgmt.real;

import dev.mgmt.testing.CliResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on one run of mgmt whose failure message shows both streams. */
final class Expect {
    private Expect() {
    }

    static void exit(CliResult r, int code) {
        assertEquals(code, r.exitCode(), r::describe);
    }

    static void contains(String text, CliResult r, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), () -> "expected '" + p + "' in\n" + r.describe());
        }
    }

    static void lacks(String text, CliResult r, String... parts) {
        for (String p : parts) {
            assertTrue(!text.contains(p), () -> "did not expect '" + p + "' in\n" + r.describe());
        }
    }

    /** The first line of stderr, which is the headline. */
    static String headline(CliResult r) {
        int nl = r.err().indexOf('\n');
        return nl < 0 ? r.err() : r.err().substring(0, nl);
    }
}
