package dev.mgmt.cli;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import dev.mgmt.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Answers are bounded by what streams, not by Jackson's 20 MB cap on one string. */
class LargeAnswerTest extends ServerTest {
    private static final int MB = 1_000_000;

    /** One 60 MB string value, sent in 1 MB chunks so the server never holds the whole answer. */
    private static void sixtyMegabyteDescription(com.sun.net.httpserver.HttpExchange ex) throws java.io.IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[MB];
        Arrays.fill(chunk, (byte) 'x');
        try (OutputStream os = ex.getResponseBody()) {
            os.write("{\"status\":\"SUCCESS\",\"resultList\":[{\"name\":\"big\",\"description\":\""
                .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 60; i++) {
                os.write(chunk);
            }
            os.write("\"}],\"resultCount\":1}".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void a_valid_sixty_megabyte_answer_is_accepted() {
        server.on("projects/", LargeAnswerTest::sixtyMegabyteDescription);
        CliResult r = cli().env("MGMT_URL", server.url()).env("MGMT_TOKEN", "t0ken").run("get", "projects", "-o", "name");
        assertExit(0, r);
        assertEquals("big\n", r.out(), r.describe());
    }

    @Test
    void an_answer_nested_too_deep_is_named_in_the_users_words() {
        String deep = "{\"status\":\"SUCCESS\",\"resultList\":[" + "[".repeat(3000) + "]".repeat(3000) + "],\"resultCount\":1}";
        server.on("projects/", TestServer.Reply.json(200, deep));
        CliResult r = cli().env("MGMT_URL", server.url()).env("MGMT_TOKEN", "t0ken").run("get", "projects", "-o", "name");
        assertExit(12, r);
        assertEquals("error: 200 OK — the server's answer is not the JSON mgmt expected: it is nested deeper than 1000 levels",
            lines(r.err()).get(0), r.describe());
        assertErrLacks(r, "StreamReadConstraints");
    }
}
