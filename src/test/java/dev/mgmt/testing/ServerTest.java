package dev.mgmt.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Base for CLI tests against one shared {@link TestServer}, reset before each test. */
public abstract class ServerTest {
    protected static TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetServer() {
        server.reset();
    }

    /** The stderr lines, without the trailing empty one. */
    protected static List<String> lines(String text) {
        return Arrays.asList(text.split("\r?\n"));
    }

    protected static void assertExit(int expected, CliResult r) {
        assertEquals(expected, r.exitCode(), r.describe());
    }

    protected static void assertStdoutEmpty(CliResult r) {
        assertEquals(0, r.outBytes().length, "stdout should be empty\n" + r.describe());
    }

    protected static void assertErrContains(CliResult r, String... parts) {
        for (String p : parts) {
            assertTrue(r.err().contains(p), "stderr should contain '" + p + "'\n" + r.describe());
        }
    }

    protected static void assertErrLacks(CliResult r, String... parts) {
        for (String p : parts) {
            assertFalse(r.err().contains(p), "stderr should not contain '" + p + "'\n" + r.describe());
        }
    }

    /** The JSON error object: the last stderr line, which must parse as a JSON object. */
    protected static JsonNode errorObject(CliResult r) {
        return r.errorObject();
    }

    protected static void assertNothingSent(CliResult r) {
        assertEquals(0, server.requests().size(), "the server should have seen no request\n" + r.describe());
    }
}
