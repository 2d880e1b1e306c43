package dev.mgmt.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginAuthTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension(c -> c.withClock(CLOCK));

    @TempDir
    Path dir;

    private Path config() {
        return dir.resolve("config.yaml");
    }

    private Cli mgmt() {
        return cli().config(config()).clock(CLOCK);
    }

    private String url() {
        return sandbox.url();
    }

    private void write(String yaml) throws IOException {
        Files.writeString(config(), yaml);
        Files.setPosixFilePermissions(config(), PosixFilePermissions.fromString("rw-------"));
    }

    private String storedToken() throws IOException {
        for (String line : Files.readString(config()).split("\n")) {
            if (line.strip().startsWith("token: ")) {
                return line.strip().substring("token: ".length());
            }
        }
        return null;
    }

    @Test
    void should_log_in_with_password_stdin_and_store_token_and_expiry_in_a_new_context() throws IOException {
        CliResult r = mgmt().stdin(sandbox.sandbox().adminPassword() + "\n")
            .run("login", "--url", url(), "--username", "admin", "--password-stdin");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Logged in to " + url() + "apiops/ as admin; token saved in context \"default\""), r.describe());
        assertTrue(r.err().contains("expires 2026-11-25T11:00:00Z, in 1h"), r.describe());
        String yaml = Files.readString(config());
        assertTrue(yaml.contains("current-context: default"), yaml);
        assertTrue(yaml.contains("url: " + url()), yaml);
        assertTrue(yaml.contains("token-expires: 2026-11-25T11:00:00Z"), yaml);
        String token = storedToken();
        assertNotNull(token, yaml);
        assertFalse(r.err().contains(token), r.describe());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config())));

        CliResult projects = mgmt().run("get", "projects", "-o", "name");
        assertEquals(0, projects.exitCode(), "the stored token works: " + projects.describe());
    }

    @Test
    void should_log_in_into_the_named_context_keeping_its_other_settings() throws IOException {
        write("current-context: a\ncontexts:\n  a:\n    url: https://a.example.com\n  sb:\n    url: " + url()
            + "\n    project: p1\n    token-file: /nonexistent\n");
        CliResult r = mgmt().env("MGMT_USERNAME", "admin").stdin(sandbox.sandbox().adminPassword())
            .run("--context", "sb", "login", "--password-stdin");
        assertEquals(0, r.exitCode(), r.describe());
        String yaml = Files.readString(config());
        assertTrue(yaml.contains("current-context: a"), yaml);
        assertTrue(yaml.contains("project: p1"), yaml);
        assertFalse(yaml.contains("token-file"), yaml);
        assertEquals(0, mgmt().run("--context", "sb", "get", "projects").exitCode());
    }

    @Test
    void should_exit_4_with_the_servers_message_on_bad_credentials_and_not_touch_the_config() throws IOException {
        write("contexts:\n  a:\n    url: https://a.example.com\n");
        String before = Files.readString(config());
        CliResult r = mgmt().stdin("wrong-password-123\n")
            .run("login", "--url", url(), "--username", "admin", "--password-stdin");
        assertEquals(4, r.exitCode(), r.describe());
        assertTrue(r.err().contains("401 unauthorized_client — Bad credentials"), r.describe());
        assertFalse(r.err().contains("wrong-password-123"), r.describe());
        assertEquals(before, Files.readString(config()));
    }

    @Test
    void should_show_the_sign_in_checklist_not_the_token_one_on_a_wrong_password() {
        CliResult r = mgmt().stdin("wrong-password-123\n")
            .run("login", "--url", url(), "--username", "admin", "--password-stdin");
        assertEquals(4, r.exitCode(), r.describe());
        assertTrue(r.err().contains("[ok] the credentials sent: user 'admin' (client_id) and a password (client_secret)"),
            r.describe());
        assertTrue(r.err().contains("[FAIL] what the token endpoint said: the manager refused this user name and password"
            + " (401 unauthorized_client — Bad credentials)"), r.describe());
        assertTrue(r.err().contains("next: Type the user name and password again"), r.describe());
        assertFalse(r.err().contains("a token was sent"), r.describe());
        assertFalse(r.err().contains("wrong-password-123"), r.describe());
    }

    @Test
    void should_refuse_to_prompt_when_stdin_is_not_a_terminal() {
        CliResult r = mgmt().run("login", "--url", url(), "--username", "admin");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("stdin is not a terminal"), r.describe());
        assertTrue(r.err().contains("--password-stdin"), r.describe());
        assertFalse(Files.exists(config()));
    }

    @Test
    void should_report_a_valid_token_with_its_expiry_and_the_live_check() throws IOException {
        write("current-context: sb\ncontexts:\n  sb:\n    url: " + url() + "\n    token: " + sandbox.adminToken() + "\n");
        CliResult r = mgmt().run("auth", "status");
        assertEquals(0, r.exitCode(), r.describe());
        String t = sandbox.adminToken();
        assertTrue(r.out().contains("Context:  sb   (from current-context)"), r.describe());
        assertTrue(r.out().contains("Token:    ****" + t.substring(t.length() - 4) + "   (context sb)"), r.describe());
        assertTrue(r.out().contains("Expires:  2036-11-2"), r.describe());
        assertTrue(r.out().contains("Server:   token accepted"), r.describe());
        assertFalse(r.out().contains(t));
        assertFalse(r.err().contains("warning"), r.describe());

        JsonNode json = Json.tryParse(mgmt().run("auth", "status", "-o", "json").outBytes());
        assertEquals("valid", json.path("status").asText());
        assertEquals("context", json.path("token").path("source").asText());
        assertEquals("accepted", json.path("check").path("result").asText());
    }

    @Test
    void should_warn_only_when_little_of_the_tokens_life_is_left() throws IOException {
        CliResult login = mgmt().stdin(sandbox.sandbox().adminPassword())
            .run("login", "--url", url(), "-u", "admin", "--password-stdin");
        assertEquals(0, login.exitCode(), login.describe());
        CliResult fresh = mgmt().run("auth", "status");
        assertEquals(0, fresh.exitCode(), fresh.describe());
        assertFalse(fresh.err().contains("warning"), "a fresh one-hour token is not about to expire\n" + fresh.describe());

        CliResult nearEnd = mgmt().clock(Clock.fixed(NOW.plusSeconds(55 * 60), ZoneOffset.UTC))
            .run("auth", "status", "--offline");
        assertEquals(0, nearEnd.exitCode(), nearEnd.describe());
        assertTrue(nearEnd.err().contains("warning: the token expires in 5m; run 'mgmt login' to renew it"),
            nearEnd.describe());

        CliResult later = mgmt().clock(Clock.fixed(NOW.plusSeconds(7200), ZoneOffset.UTC)).run("auth", "status", "--offline");
        assertEquals(4, later.exitCode(), later.describe());
        assertTrue(later.err().contains("expired 1h ago"), later.describe());
    }

    @Test
    void should_exit_4_for_an_expired_token() {
        CliResult r = mgmt().env("MGMT_TOKEN", sandbox.expiredToken()).run("--url", url(), "auth", "status");
        assertEquals(4, r.exitCode(), r.describe());
        assertTrue(r.out().contains("(expired 1h ago)"), r.describe());
        assertTrue(r.out().contains("(env MGMT_TOKEN)"), r.describe());
        assertTrue(r.err().contains("error: the token expired 1h ago"), r.describe());
    }

    @Test
    void should_exit_4_for_a_token_the_server_rejects() {
        CliResult r = mgmt().run("--url", url(), "--token", "garbage-token-XYZW", "auth", "status");
        assertEquals(4, r.exitCode(), r.describe());
        assertTrue(r.out().contains("Server:   token rejected: Token is invalid or expired"), r.describe());
        assertTrue(r.out().contains("Expires:  unknown"), r.describe());
        assertTrue(r.err().contains("the server rejected the token: 401 invalid_token"), r.describe());
        assertFalse(r.err().contains("garbage-token-XYZW") || r.out().contains("garbage-token-XYZW"), r.describe());
    }

    @Test
    void should_exit_4_when_there_is_no_token() {
        CliResult r = mgmt().run("--url", url(), "auth", "status");
        assertEquals(4, r.exitCode(), r.describe());
        assertTrue(r.out().contains("Token:    none"), r.describe());
        assertTrue(r.err().contains("no token: run 'mgmt login'"), r.describe());
        CliResult json = mgmt().run("--url", url(), "auth", "status", "-o", "json");
        assertEquals("missing", Json.tryParse(json.outBytes()).path("status").asText());
    }

    @Test
    void should_label_a_token_file_as_file() throws IOException {
        Path f = dir.resolve("t");
        Files.writeString(f, sandbox.adminToken());
        CliResult r = mgmt().run("--url", url(), "--token-file", f.toString(), "auth", "status", "-o", "json");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("file", Json.tryParse(r.outBytes()).path("token").path("source").asText());
    }

    @Test
    void should_log_out_by_removing_the_token_from_the_context() throws IOException {
        write("current-context: sb\ncontexts:\n  sb:\n    url: " + url() + "\n    token: " + sandbox.adminToken()
            + "\n    token-expires: 2036-01-01T00:00:00Z\n");
        CliResult r = mgmt().run("auth", "logout");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.err().contains("Removed the token from context \"sb\""), r.describe());
        String yaml = Files.readString(config());
        assertFalse(yaml.contains("token:"), yaml);
        assertFalse(yaml.contains("token-expires"), yaml);
        assertTrue(yaml.contains("url: " + url()), yaml);
        assertEquals(4, mgmt().run("auth", "status").exitCode());
        CliResult again = mgmt().run("auth", "logout");
        assertEquals(0, again.exitCode(), again.describe());
        assertTrue(again.err().contains("has no stored token"), again.describe());
    }
}
