package dev.mgmt.cli;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Input that once ended in a Java exception (exit 1) is the user's mistake: exit 2 and one line. */
class BadInputIsUsageTest extends ServerTest {

    private static void assertUsage(CliResult r, String headline) {
        assertExit(2, r);
        assertStdoutEmpty(r);
        assertEquals("error: " + headline, lines(r.err()).get(0), r.describe());
        assertEquals(1, lines(r.err()).size(), r.describe());
    }

    /** Refused before anything is sent, the expression shortened in the message. */
    private static void assertQueryRefused(String query, String problem) {
        CliResult r = cli().env("MGMT_URL", server.url()).env("MGMT_TOKEN", "t0ken").run("-q", query, "get", "projects");
        assertUsage(r, "invalid -q expression '" + query.substring(0, 57) + "...': " + problem);
        assertNothingSent(r);
    }

    @Test
    void a_query_of_ten_thousand_segments_is_refused_before_sending() {
        assertQueryRefused("$" + ".a".repeat(10_000), "it is longer than 1000 characters");
    }

    @Test
    void a_query_of_many_short_steps_is_refused_before_sending() {
        assertQueryRefused("$" + "[0]".repeat(200), "it has more than 100 steps");
    }

    @Test
    void importing_the_root_directory_is_refused() {
        CliResult r = cli().env("MGMT_URL", server.url()).env("MGMT_TOKEN", "t0ken")
            .run("import", "proxy", "-p", "p", "-f", "/");
        assertUsage(r, "'/' is not a .zip file; the API imports only the ZIP archives export makes");
        assertNothingSent(r);
    }

    @Test
    void a_bind_address_out_of_range_is_refused() {
        assertUsage(cli().run("sandbox", "--once", "--bind", "999.1.1.1"),
            "invalid --bind '999.1.1.1': an IPv4 address is four numbers from 0 to 255, e.g. 127.0.0.1");
        assertUsage(cli().run("sandbox", "--once", "--bind", "1.2.3"),
            "invalid --bind '1.2.3': an IPv4 address is four numbers from 0 to 255, e.g. 127.0.0.1");
    }

    @Test
    void sandbox_data_nested_100k_deep_is_refused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("deep.yaml");
        Files.writeString(f, "projects: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        assertUsage(cli().run("sandbox", "--once", "--data", f.toString()),
            "invalid sandbox data file " + f + ": it is nested deeper than 1000 levels");
        Path block = dir.resolve("deep-block.yaml");
        Files.writeString(block, "- ".repeat(100_000) + "x\n");
        assertUsage(cli().run("sandbox", "--once", "--data", block.toString()),
            "invalid sandbox data file " + block + ": it is nested deeper than 1000 levels");
    }

    @Test
    void a_deep_body_is_refused_in_the_users_words(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("deep.json");
        Files.writeString(f, "[".repeat(5000) + "]".repeat(5000));
        CliResult r = cli().env("MGMT_URL", server.url()).env("MGMT_TOKEN", "t0ken")
            .run("api", "POST", "projects/", "-d", "@" + f);
        assertExit(2, r);
        assertNothingSent(r);
        assertEquals("error: invalid JSON in file '" + f + "': it is nested deeper than 1000 levels",
            lines(r.err()).get(0), r.describe());
        assertErrLacks(r, "StreamReadConstraints", "Exception");
    }
}
