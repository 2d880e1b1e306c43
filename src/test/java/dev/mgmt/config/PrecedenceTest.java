package dev.mgmt.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.TestServer.Reply;
import dev.mgmt.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flag > environment variable > context > default, for url, token, project and output. */
class PrecedenceTest {
    static TestServer server;

    @TempDir
    Path dir;
    Path config;

    @BeforeAll
    static void start() throws IOException {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void setUp() throws IOException {
        server.reset();
        server.on("projects/", Reply.json(200, "{\"status\":\"SUCCESS\",\"resultList\":[{\"name\":\"demo\",\"description\":\"d\"}],\"resultCount\":1}"));
        config = dir.resolve("config.yaml");
        Files.writeString(config, "current-context: c\ncontexts:\n  c:\n    url: CTX_URL\n    token: ctx-token-0003\n"
            + "    project: ctx-project\n    output: json\n  other:\n    retries: 1\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    }

    private void contextUrl(String url) throws IOException {
        Files.writeString(config, Files.readString(config).replace("CTX_URL", url));
    }

    /** layers: which of flag/env/context are set; expected: the winning source. */
    @ParameterizedTest(name = "{0}: flag={1} env={2} context={3} -> {4}")
    @CsvSource({
        "url,     true,  true,  true,  flag",
        "url,     false, true,  true,  environment",
        "url,     false, false, true,  context",
        "url,     false, false, false, not set",
        "token,   true,  true,  true,  flag",
        "token,   false, true,  true,  environment",
        "token,   false, false, true,  context",
        "token,   false, false, false, not set",
        "project, true,  true,  true,  flag",
        "project, false, true,  true,  environment",
        "project, false, false, true,  context",
        "project, false, false, false, not set",
        "output,  false, true,  true,  environment",
        "output,  false, false, true,  context",
        "output,  false, false, false, default",
    })
    void should_apply_flag_over_env_over_context_over_default(String key, boolean flag, boolean env, boolean context,
                                                              String expected) throws IOException {
        contextUrl("https://ctx.example.com");
        Cli c = cli().config(config);
        List<String> args = new ArrayList<>();
        if (!context) {
            args.add("--context");
            args.add("other");
        }
        String flagName = "--" + key;
        String envName = "MGMT_" + key.toUpperCase();
        String flagValue = key.equals("url") ? "https://flag.example.com" : key.equals("token") ? "flag-token-0001" : "flag-" + key;
        String envValue = key.equals("url") ? "https://env.example.com" : key.equals("token") ? "env-token-0002"
            : key.equals("output") ? "yaml" : "env-" + key;
        if (flag) {
            args.add(flagName);
            args.add(flagValue);
        }
        if (env) {
            c.env(envName, envValue);
        }
        args.add("config");
        args.add("view");
        if (!key.equals("output")) {
            args.add("-o");
            args.add("json");
        }
        CliResult r = c.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.describe());
        if (key.equals("output")) {
            // config view prints itself in the resolved format.
            if (expected.equals("environment")) {
                assertTrue(r.out().contains("source: environment"), r.describe());
                assertTrue(r.out().contains("value: yaml"), r.describe());
            } else if (expected.equals("context")) {
                assertEquals("context c", Json.tryParse(r.outBytes()).path("settings").path("output").path("origin").asText());
            } else {
                assertTrue(r.out().lines().anyMatch(l -> l.matches("output\\s+table\\s+default")), r.describe());
            }
            return;
        }
        JsonNode s = Json.tryParse(r.outBytes()).path("settings").path(key);
        assertEquals(expected, s.path("source").asText(), r.describe());
        String shown = s.path("value").isNull() ? null : s.path("value").asText();
        String want;
        switch (expected) {
            case "flag": want = flagValue; break;
            case "environment": want = envValue; break;
            case "context": want = key.equals("url") ? "https://ctx.example.com"
                : key.equals("token") ? "ctx-token-0003" : "ctx-project"; break;
            default: want = null;
        }
        if (key.equals("token") && want != null) {
            want = "****" + want.substring(want.length() - 4);
        }
        assertEquals(want, shown, r.describe());
    }

    @Test
    void should_send_to_the_winning_url_with_the_winning_token() throws IOException {
        contextUrl(server.url());
        String dead = "http://127.0.0.1:1";
        CliResult fromContext = cli().config(config).run("get", "projects", "-o", "name");
        assertEquals(0, fromContext.exitCode(), fromContext.describe());
        assertEquals("Bearer ctx-token-0003", server.last().headers().getFirst("Authorization"));

        CliResult fromEnv = cli().config(config).env("MGMT_TOKEN", "env-token-0002").run("get", "projects", "-o", "name");
        assertEquals(0, fromEnv.exitCode(), fromEnv.describe());
        assertEquals("Bearer env-token-0002", server.last().headers().getFirst("Authorization"));

        CliResult fromFlag = cli().config(config).env("MGMT_TOKEN", "env-token-0002").env("MGMT_URL", dead)
            .run("--url", server.url(), "--token", "flag-token-0001", "get", "projects", "-o", "name");
        assertEquals(0, fromFlag.exitCode(), fromFlag.describe());
        assertEquals("Bearer flag-token-0001", server.last().headers().getFirst("Authorization"));

        CliResult envUrl = cli().config(config).env("MGMT_URL", dead).run("get", "projects", "--retries", "0");
        assertEquals(10, envUrl.exitCode(), "MGMT_URL beats the context: " + envUrl.describe());
    }

    @Test
    void should_print_in_the_winning_output_format() throws IOException {
        contextUrl(server.url());
        CliResult ctx = cli().config(config).run("get", "projects");
        assertEquals(0, ctx.exitCode(), ctx.describe());
        assertTrue(ctx.out().startsWith("["), "context says json: " + ctx.describe());
        CliResult env = cli().config(config).env("MGMT_OUTPUT", "name").run("get", "projects");
        assertEquals("demo\n", env.out(), env.describe());
        CliResult flag = cli().config(config).env("MGMT_OUTPUT", "name").run("get", "projects", "-o", "yaml");
        assertTrue(flag.out().contains("- name: demo"), flag.describe());
    }

    @Test
    void should_read_a_context_token_file_relative_to_the_config_directory() throws IOException {
        contextUrl(server.url());
        Files.writeString(dir.resolve("t.token"), "  file-token-0004\n");
        Files.writeString(config, "current-context: f\ncontexts:\n  f:\n    url: " + server.url() + "\n    token-file: t.token\n");
        CliResult r = cli().config(config).run("get", "projects", "-o", "name");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("Bearer file-token-0004", server.last().headers().getFirst("Authorization"));
    }
}
