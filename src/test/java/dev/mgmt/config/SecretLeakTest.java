package dev.mgmt.config;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command this feature adds (and get, api), with a recognisable token in every channel
 * (context, flag, environment), at -vvv, with --curl and with -o json, on success and error
 * paths: the token must never appear on stdout or stderr.
 */
class SecretLeakTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    static final String CANARY = "LEAKCANARY-e1f2a3b4c5d6";
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension(c -> c.withClock(CLOCK));

    @TempDir
    Path dir;

    private Path config() {
        return dir.resolve("config.yaml");
    }

    private void resetConfig() throws IOException {
        Files.writeString(config(), "current-context: good\ncontexts:\n"
            + "  good:\n    url: " + sandbox.sandbox().managerUrl() + "\n    token: " + sandbox.adminToken() + "\n"
            + "  bad:\n    url: " + sandbox.sandbox().managerUrl() + "\n    token: " + CANARY + "\n"
            + "  gone:\n    url: http://127.0.0.1:1\n    token: " + CANARY + "\n");
        Files.setPosixFilePermissions(config(), PosixFilePermissions.fromString("rw-------"));
    }

    private static final List<List<String>> COMMANDS = List.of(
        List.of("config", "view"),
        List.of("config", "get-contexts"),
        List.of("config", "current-context"),
        List.of("config", "use-context", "bad"),
        List.of("config", "set-context", "new", "--token", CANARY),
        List.of("config", "set-context", "bad", "-p", "x"),
        List.of("config", "delete-context", "bad"),
        List.of("auth", "status"),
        List.of("auth", "logout"),
        List.of("get", "projects"),
        List.of("get", "project", "no-such-project"),
        List.of("api", "projects/"),
        List.of("api", "POST", "projects/", "-d", "{\"name\":\"leak-" + "x\"}"),
        List.of("login", "-u", "admin", "--password-stdin"));

    private static final List<List<String>> MODES = List.of(List.of("-vvv"), List.of("--curl"), List.of("-o", "json"),
        List.of("-vvv", "--curl", "-o", "yaml"));

    @Test
    void should_never_print_a_token_or_password_whatever_the_command_mode_or_outcome() throws IOException {
        Set<Integer> exitCodes = new TreeSet<>();
        List<String> secrets = List.of(CANARY, sandbox.adminToken(), sandbox.sandbox().adminPassword());
        int runs = 0;
        for (String channel : List.of("context-good", "context-bad", "context-unreachable", "flag", "env")) {
            for (List<String> mode : MODES) {
                for (List<String> command : COMMANDS) {
                    resetConfig();
                    Cli c = cli().config(config()).clock(CLOCK).stdin(sandbox.sandbox().adminPassword() + "\n");
                    List<String> args = new ArrayList<>(mode);
                    switch (channel) {
                        case "context-bad": args.addAll(List.of("--context", "bad")); break;
                        case "context-unreachable": args.addAll(List.of("--context", "gone", "--retries", "0")); break;
                        case "flag": args.addAll(List.of("--context", "bad", "--token", CANARY)); break;
                        case "env": c.env("MGMT_TOKEN", CANARY).env("MGMT_CONTEXT", "bad"); break;
                        default:
                    }
                    args.addAll(command);
                    CliResult r = c.run(args.toArray(String[]::new));
                    runs++;
                    exitCodes.add(r.exitCode());
                    List<String> all = new ArrayList<>(secrets);
                    String issued = issuedToken();
                    if (issued != null) {
                        all.add(issued);
                    }
                    for (String secret : all) {
                        assertFalse(r.out().contains(secret), "stdout leaks a secret: " + args + "\n" + r.describe());
                        assertFalse(r.err().contains(secret), "stderr leaks a secret: " + args + "\n" + r.describe());
                    }
                    assertFalse(r.err().contains("internal error"), args + "\n" + r.describe());
                    assertFalse(r.err().contains("client_secret=****" + "dmin"), "no part of a password: " + r.describe());
                }
            }
        }
        assertEquals(5 * MODES.size() * COMMANDS.size(), runs);
        // Both outcomes were exercised: success, usage, unauthorized, not found, network.
        assertTrue(exitCodes.containsAll(Set.of(0, 4, 6, 10)), "exit codes seen: " + exitCodes);
    }

    /** The token login stored in the config, if it replaced one of ours. */
    private String issuedToken() throws IOException {
        for (String line : Files.readString(config()).split("\n")) {
            String l = line.strip();
            if (l.startsWith("token: ")) {
                String t = l.substring(7);
                if (!t.equals(CANARY) && !t.equals(sandbox.adminToken())) {
                    return t;
                }
            }
        }
        return null;
    }
}
