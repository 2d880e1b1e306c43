package dev.mgmt.settings;

import dev.mgmt.testing.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token pasted where a token file belongs is refused without being printed. */
class TokenFileGivenATokenTest {
    static final String TOKEN = "tok-SECRET-abcdef123456";
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaS1ib3QiLCJleHAiOjE3OTk5OTk5OTl9.c2lnbmF0dXJlLXBhcnQtMTIzNDU2";
    static final String HEADLINE = "error: cannot read token file: no such file (the value looks like a token, not a path:"
        + " pass the token with --token or put it in a file)";
    /** Nothing listens there: the run must end before anything is sent. */
    static final String URL = "http://127.0.0.1:9";

    @TempDir
    Path dir;

    private static void assertNoToken(CliResult r, String token) {
        assertFalse(r.err().contains(token) || r.out().contains(token), "the token was printed:\n" + r.describe());
        String tail = token.substring(token.length() - 10);
        assertFalse(r.err().contains(tail), "part of the token was printed:\n" + r.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {TOKEN, JWT, "3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a", "QUJDREVGR0hJSktMTU5PUA/xyz0123456789+=="})
    void should_refuse_a_token_given_as_the_token_file_without_printing_it(String token) {
        CliResult r = cli().run("--url", URL, "--no-retry", "--token-file", token, "api", "projects");
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals(HEADLINE, r.err().lines().findFirst().orElse(""), r.describe());
        assertNoToken(r, token);
    }

    @Test
    void should_say_mgmt_token_when_the_token_came_in_mgmt_token_file() {
        CliResult r = cli().env("MGMT_TOKEN_FILE", JWT).run("--url", URL, "--no-retry", "api", "projects");
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals("error: cannot read token file (MGMT_TOKEN_FILE): no such file (the value looks like a token, not a path:"
            + " pass the token with MGMT_TOKEN or put it in a file)", r.err().lines().findFirst().orElse(""), r.describe());
        assertNoToken(r, JWT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod.token", "secrets/mgmt-token", "~/.config/mgmt/prod.token"})
    void should_still_name_a_missing_file_that_looks_like_a_path(String path) {
        CliResult r = cli().run("--url", URL, "--no-retry", "--token-file", path, "api", "projects");
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals("error: cannot read token file '" + path + "' (--token-file): no such file",
            r.err().lines().findFirst().orElse(""), r.describe());
    }

    @Test
    void should_refuse_to_store_a_token_as_a_token_file_path() {
        Path config = dir.resolve("config.yaml");
        CliResult r = cli().config(config).run("config", "set-context", "prod", "--url", "https://m.example.com",
            "--token-file", TOKEN);
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals(HEADLINE, r.err().lines().findFirst().orElse(""), r.describe());
        assertNoToken(r, TOKEN);
        assertFalse(Files.exists(config), "nothing is written");
    }

    @Test
    void should_not_print_a_token_stored_by_hand_as_a_contexts_token_file() throws IOException {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "current-context: prod\ncontexts:\n  prod:\n    url: " + URL + "\n    token-file: " + JWT + "\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        CliResult r = cli().config(config).run("--no-retry", "api", "projects");
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals("error: cannot read token file (context prod): no such file (the value looks like a token, not a path:"
            + " pass the token with 'token:' in the context or put it in a file)", r.err().lines().findFirst().orElse(""),
            r.describe());
        assertNoToken(r, JWT);
    }

    @Test
    void should_tell_tokens_from_paths() {
        for (String path : new String[]{"/run/secrets/mgmt-token", "prod.token", "./tok", "C:\\tokens\\prod",
            "/home/me/.config/mgmt/prod.token", "token file", "-"}) {
            assertFalse(TokenFiles.looksLikeToken(path), path);
        }
        for (String token : new String[]{TOKEN, JWT, "ghp_16C7e42F292c6912E7710c838347Ae178B4a"}) {
            assertTrue(TokenFiles.looksLikeToken(token), token);
        }
    }
}
