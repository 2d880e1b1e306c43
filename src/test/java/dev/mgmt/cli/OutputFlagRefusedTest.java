package dev.mgmt.cli;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import dev.mgmt.testing.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: an -o flag a command would not honour is a usage error before anything is sent, naming
 * the command and the formats it does print; MGMT_OUTPUT stays a default that applies where it can.
 */
class OutputFlagRefusedTest extends ServerTest {
    static final String TOKEN = "tok-SECRET-123456789";

    @TempDir
    Path dir;

    private CliResult run(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", server.url(), "--token", TOKEN));
        all.addAll(List.of(args));
        return cli().config(dir.resolve("config.yaml")).run(all.toArray(String[]::new));
    }

    /** One error line; after -o json or -o yaml the contract adds the same error as one JSON object. */
    private static void assertRefused(CliResult r, String message) {
        assertExit(2, r);
        List<String> err = lines(r.err().strip());
        assertEquals("error: " + message, err.get(0), r.describe());
        if (err.size() > 1) {
            assertEquals(2, err.size(), r.describe());
            assertEquals(message, errorObject(r).path("error_description").asText(), r.describe());
        }
        assertStdoutEmpty(r);
        assertNothingSent(r);
    }

    @Test
    void should_refuse_a_format_a_change_does_not_print_and_name_those_it_does() {
        assertRefused(run("delete", "proxy", "petstore-api", "-p", "P", "-o", "wide"),
            "-o wide does not apply to 'mgmt delete': it prints table (the default), json, yaml or name");
        assertRefused(run("create", "project", "-f", "x.json", "-o", "jsonpath={.name}"),
            "-o jsonpath={.name} does not apply to 'mgmt create': it prints table (the default), json, yaml or name");
    }

    @Test
    void should_refuse_any_format_but_text_on_commands_that_print_text_only() {
        assertRefused(run("config", "use-context", "prod", "-o", "json"),
            "-o json does not apply to 'mgmt config use-context': it prints text only");
        assertRefused(run("config", "set-context", "prod", "--url", "https://x.example", "-o", "yaml"),
            "-o yaml does not apply to 'mgmt config set-context': it prints text only");
        assertRefused(run("completion", "bash", "-o", "yaml"),
            "-o yaml does not apply to 'mgmt completion': it prints text only");
        assertRefused(run("sandbox", "-o", "json"), "-o json does not apply to 'mgmt sandbox': it prints text only");
        assertRefused(run("diff", "-f", "x.yaml", "-o", "name"), "-o name does not apply to 'mgmt diff': it prints text only");
    }

    @Test
    void should_refuse_formats_reports_do_not_print() {
        assertRefused(run("exercise", "--smoke", "-p", "P", "-o", "wide"),
            "-o wide does not apply to 'mgmt exercise': it prints table (the default), json or yaml");
        assertRefused(run("login", "--username", "u", "--password-stdin", "-o", "name"),
            "-o name does not apply to 'mgmt login': it prints table (the default), json or yaml");
        assertRefused(run("auth", "status", "-o", "custom-columns=A:.a"),
            "-o custom-columns=A:.a does not apply to 'mgmt auth status': it prints table (the default), json or yaml");
    }

    @Test
    void should_depend_on_the_mode_where_only_one_mode_prints_structured_output() {
        assertRefused(run("apply", "-f", "x.yaml", "-o", "json"),
            "-o json does not apply to 'mgmt apply': it prints text only");
        assertRefused(run("exercise", "x.yaml", "--export", "locust", "-o", "json"),
            "-o json does not apply to 'mgmt exercise': it prints text only");
    }

    @Test
    void should_accept_the_formats_a_command_prints() {
        server.on("projects/", Reply.json(200, "{\"status\":\"SUCCESS\",\"resultList\":[{\"name\":\"demo\"}],\"resultCount\":1}"));
        CliResult r = run("get", "projects", "-o", "name");
        assertExit(0, r);
        assertEquals("demo", r.out().strip(), r.describe());
        CliResult text = run("completion", "bash", "-o", "table");
        assertExit(0, text);
    }

    @Test
    void should_apply_MGMT_OUTPUT_where_it_can_and_never_refuse_it() throws Exception {
        CliResult completion = cli().env("MGMT_OUTPUT", "yaml").run("completion", "bash");
        assertExit(0, completion);
        assertTrue(completion.out().contains("complete"), completion.describe());
        CliResult version = cli().env("MGMT_OUTPUT", "wide").run("version", "--client");
        assertExit(0, version);
        assertTrue(version.out().contains("Java"), version.describe());
        Files.writeString(dir.resolve("config.yaml"), "current-context: a\ncontexts:\n  a:\n    url: https://a.example\n"
            + "  b:\n    url: https://b.example\n");
        CliResult use = cli().config(dir.resolve("config.yaml")).env("MGMT_OUTPUT", "yaml").run("config", "use-context", "b");
        assertExit(0, use);
        assertTrue(Files.readString(dir.resolve("config.yaml")).contains("current-context: b"), use.describe());
    }
}
