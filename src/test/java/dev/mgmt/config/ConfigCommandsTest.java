package dev.mgmt.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigCommandsTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("mgmt").resolve("config.yaml");
    }

    private Cli mgmt() {
        return cli().config(file());
    }

    private CliResult ok(Cli cli, String... args) {
        CliResult r = cli.run(args);
        assertEquals(0, r.exitCode(), r.describe());
        return r;
    }

    private String read() throws IOException {
        return Files.readString(file(), StandardCharsets.UTF_8);
    }

    private void write(String yaml) throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), yaml, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void should_create_context_file_0600_in_a_0700_directory_and_make_the_first_context_current() throws IOException {
        Path tokenFile = dir.resolve("prod.token");
        Files.writeString(tokenFile, "tok-abcdefgh1234\n");
        CliResult r = ok(mgmt(), "config", "set-context", "prod", "--url", "https://mgr.example.com",
            "--token-file", tokenFile.toString(), "-p", "payments", "-e", "live");
        assertEquals("", r.out());
        assertTrue(r.err().contains("Context \"prod\" created"), r.describe());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())));
        String yaml = read();
        assertTrue(yaml.contains("current-context: prod"), yaml);
        assertTrue(yaml.contains("url: https://mgr.example.com"), yaml);
        assertTrue(yaml.contains("token-file: " + tokenFile), yaml);
        assertTrue(yaml.contains("project: payments"), yaml);
        assertTrue(yaml.contains("environment: live"), yaml);
        assertFalse(yaml.contains("tok-abcdefgh1234"), "a token file's content is not copied: " + yaml);
    }

    @Test
    void should_read_back_a_context_whose_name_and_values_look_like_numbers() throws IOException {
        ok(mgmt(), "config", "set-context", "2026", "--url", "https://m.example.com", "-p", "1.5", "-e", "010");
        CliResult r = ok(mgmt(), "config", "get-contexts", "-o", "json");
        assertTrue(r.out().contains("\"2026\""), r.describe());
        String yaml = read();
        assertTrue(yaml.contains("current-context: \"2026\""), yaml);
        assertTrue(yaml.contains("project: \"1.5\"") && yaml.contains("environment: \"010\""), yaml);
    }

    @Test
    void should_read_a_numeric_current_context_written_unquoted_by_older_versions() throws IOException {
        write("current-context: 2026\ncontexts:\n  \"2026\":\n    url: https://m.example.com\n");
        assertEquals("2026\n", ok(mgmt(), "config", "current-context").out());
    }

    @Test
    void should_store_only_options_from_the_command_line_not_from_the_environment() throws IOException {
        ok(mgmt().env("MGMT_URL", "https://from-env.example.com").env("MGMT_PROJECT", "envproj"),
            "config", "set-context", "a", "-p", "flagproj");
        String yaml = read();
        assertFalse(yaml.contains("from-env"), yaml);
        assertFalse(yaml.contains("envproj"), yaml);
        assertTrue(yaml.contains("project: flagproj"), yaml);
    }

    @Test
    void should_warn_about_shell_history_when_storing_a_token_given_with_token() throws IOException {
        CliResult r = ok(mgmt(), "config", "set-context", "x", "--url", "https://h", "--token", "secret-token-WXYZ");
        assertTrue(r.err().contains("warning: --token leaves the token in your shell history"), r.describe());
        assertFalse(r.err().contains("secret-token-WXYZ"), r.describe());
        assertTrue(read().contains("token: secret-token-WXYZ"));
    }

    @Test
    void should_store_a_token_read_from_stdin_with_token_file_dash() throws IOException {
        CliResult r = ok(mgmt().stdin("stdin-token-1234\n"), "config", "set-context", "x", "--token-file", "-");
        assertFalse(r.err().contains("warning"), r.describe());
        assertTrue(read().contains("token: stdin-token-1234"), read());
    }

    @Test
    void should_list_contexts_with_the_current_one_marked_and_tokens_masked() throws IOException {
        write("current-context: b\ncontexts:\n  a:\n    url: https://a.example.com\n    token: aaaa-secret-1111\n"
            + "  b:\n    url: https://b.example.com\n    project: pb\n");
        CliResult r = ok(mgmt(), "config", "get-contexts");
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("CURRENT"), r.describe());
        assertTrue(lines.get(1).matches("\\s+a\\s+https://a.example.com.*\\*\\*\\*\\*1111"), r.describe());
        assertTrue(lines.get(2).matches("\\*\\s+b\\s+https://b.example.com\\s+pb.*"), r.describe());
        assertFalse(r.out().contains("aaaa-secret-1111"), r.describe());

        JsonNode json = Json.tryParse(ok(mgmt(), "config", "get-contexts", "-o", "json").outBytes());
        assertEquals(2, json.size());
        assertEquals("a", json.get(0).path("name").asText());
        assertFalse(json.get(0).path("current").asBoolean());
        assertTrue(json.get(1).path("current").asBoolean());
        assertEquals("****1111", json.get(0).path("token").asText());

        assertEquals("a\nb\n", ok(mgmt(), "config", "get-contexts", "-o", "name").out());
    }

    @Test
    void should_switch_show_and_delete_the_current_context() throws IOException {
        write("contexts:\n  a:\n    url: https://a\n  b:\n    url: https://b\n");
        CliResult none = mgmt().run("config", "current-context");
        assertEquals(2, none.exitCode(), none.describe());
        assertTrue(none.err().contains("no current context"), none.describe());

        ok(mgmt(), "config", "use-context", "b");
        assertEquals("b\n", ok(mgmt(), "config", "current-context").out());
        assertEquals("a\n", ok(mgmt(), "--context", "a", "config", "current-context").out());
        assertEquals("a\n", ok(mgmt().env("MGMT_CONTEXT", "a"), "config", "current-context").out());

        CliResult del = ok(mgmt(), "config", "delete-context", "b");
        assertTrue(del.err().contains("It was the current context"), del.describe());
        String yaml = read();
        assertFalse(yaml.contains("current-context"), yaml);
        assertFalse(yaml.contains("https://b"), yaml);
        assertTrue(yaml.contains("https://a"), yaml);
    }

    @Test
    void should_reject_unknown_contexts_with_exit_2_listing_the_known_ones() throws IOException {
        write("current-context: a\ncontexts:\n  a:\n    url: https://a\n  b:\n    url: https://b\n");
        for (Cli c : List.of(mgmt(), mgmt().env("MGMT_CONTEXT", "nope"))) {
            String[] args = c == null ? null : new String[]{"--context", "nope", "get", "projects"};
            CliResult r = c.run(args);
            assertEquals(2, r.exitCode(), r.describe());
            assertTrue(r.err().contains("unknown context 'nope'"), r.describe());
            assertTrue(r.err().contains("known contexts: a, b"), r.describe());
        }
        CliResult r = mgmt().env("MGMT_CONTEXT", "nope").run("config", "view");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("(from MGMT_CONTEXT)"), r.describe());
        assertEquals(2, mgmt().run("config", "use-context", "nope").exitCode());
        assertEquals(2, mgmt().run("config", "delete-context", "nope").exitCode());
    }

    @Test
    void should_name_the_line_of_a_malformed_file_exit_2_and_leave_it_untouched() throws IOException {
        String[] broken = {
            "contexts:\n  prod:\n    url: https://a\n    urll: https://b\n",
            "contexts:\n  prod:\n    url: https://a\n   project: [x\n",
            "contexts:\n  - prod\n",
            "current-context: a\ncontexts:\n  a:\n    insecure: maybe\n",
            "contexts:\n  a:\n    url: https://a\n  a:\n    url: https://b\n",
        };
        int[] lines = {4, 4, 2, 4, 4};
        for (int i = 0; i < broken.length; i++) {
            write(broken[i]);
            for (String[] args : List.of(new String[]{"config", "set-context", "prod", "--url", "https://c"},
                new String[]{"config", "get-contexts"}, new String[]{"get", "projects"},
                new String[]{"config", "use-context", "prod"}, new String[]{"auth", "logout"})) {
                CliResult r = mgmt().run(args);
                assertEquals(2, r.exitCode(), r.describe());
                assertTrue(r.err().contains("invalid config file " + file() + ", line " + lines[i] + ":"),
                    "case " + i + ": " + r.describe());
                assertFalse(r.err().contains("Exception"), r.describe());
                assertFalse(r.err().contains("\tat "), r.describe());
                assertEquals(broken[i], read(), "the file must not be rewritten");
            }
        }
        write("contexts:\n  prod:\n    urll: x\n");
        CliResult r = mgmt().run("config", "view");
        assertTrue(r.err().contains("unknown key 'urll' in context 'prod'; expected one of url, token"), r.describe());
        write("contexts:\n  prod:\n    url: https://a\n   project: [x\n");
        r = mgmt().run("config", "view");
        assertTrue(r.err().contains("line 4: not valid YAML: expected <block end>"), r.describe());
        assertTrue(r.err().contains("check the indentation"), r.describe());
        write("contexts:\n  a:\n\tx: 1\n");
        r = mgmt().run("config", "view");
        assertTrue(r.err().contains("line 3: not valid YAML: found character"), r.describe());
        write("contexts:\n  a:\n    insecure: maybe\n");
        r = mgmt().run("config", "view");
        assertTrue(r.err().contains("'insecure' in context 'a' must be true or false"), r.describe());
    }

    /** The output format is spelled as -o takes it (and as doctor prints it), not as the enum is named. */
    @Test
    void should_show_the_output_format_as_o_spells_it() throws IOException {
        write("contexts:\n  prod:\n    url: https://a\n");
        CliResult r = mgmt().env("MGMT_OUTPUT", "custom-columns=N:.name").run("config", "view");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("output") && l.contains("custom-columns")), r.describe());
        assertFalse(r.out().contains("custom_columns"), r.describe());
    }

    @Test
    void should_not_read_the_config_for_commands_that_need_no_settings() throws IOException {
        write("this: is: not: yaml: [\n");
        assertEquals(0, mgmt().run("--version").exitCode());
        assertEquals(0, mgmt().run("config", "--help").exitCode());
        assertEquals(0, mgmt().run("help", "login").exitCode());
        CliResult r = mgmt().run("--help");
        assertEquals(0, r.exitCode(), r.describe());
        assertFalse(r.err().contains("config"), r.describe());
    }

    @Test
    void should_warn_on_every_run_when_the_file_is_readable_by_others() throws IOException {
        write("current-context: a\ncontexts:\n  a:\n    url: https://a\n");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        for (int i = 0; i < 2; i++) {
            CliResult r = ok(mgmt(), "config", "current-context");
            assertTrue(r.err().contains("warning: config file " + file() + " is accessible by others (mode rw-r--r--)"),
                r.describe());
            assertTrue(r.err().contains("chmod 600"), r.describe());
        }
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r-----"));
        assertTrue(ok(mgmt(), "config", "current-context").err().contains("accessible by its group"));
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
        assertEquals("", ok(mgmt(), "config", "current-context").err());
    }

    @Test
    void should_write_atomically_leaving_no_temporary_files_and_tightening_the_mode() throws IOException {
        write("current-context: a\ncontexts:\n  a:\n    url: https://a\n");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-rw-r--"));
        Object inodeBefore = Files.getAttribute(file(), "unix:ino");
        ok(mgmt(), "config", "set-context", "a", "-p", "p1");
        Object inodeAfter = Files.getAttribute(file(), "unix:ino");
        assertFalse(inodeBefore.equals(inodeAfter), "written through a new file renamed into place");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        try (Stream<Path> files = Files.list(file().getParent())) {
            // The writers' lock file stays (see ConfigLockTest); no temporary file does.
            assertEquals(List.of(file(), file().resolveSibling("config.yaml.lock")), files.sorted().toList());
        }
        assertTrue(read().contains("project: p1"));
        assertTrue(read().contains("url: https://a"));
    }

    @Test
    void should_follow_a_symbolic_link_to_the_real_file() throws IOException {
        Path real = dir.resolve("dotfiles").resolve("mgmt.yaml");
        Files.createDirectories(real.getParent());
        Files.writeString(real, "contexts:\n  a:\n    url: https://a\n");
        Files.createDirectories(file().getParent());
        Files.createSymbolicLink(file(), real);
        ok(mgmt(), "config", "use-context", "a");
        assertTrue(Files.isSymbolicLink(file()));
        assertTrue(Files.readString(real).contains("current-context: a"));
    }

    @Test
    void should_unset_keys_and_switch_with_current() throws IOException {
        write("current-context: a\ncontexts:\n  a:\n    url: https://a\n    project: p\n");
        ok(mgmt(), "config", "set-context", "b", "--url", "https://b", "--current");
        ok(mgmt(), "config", "set-context", "a", "--unset", "project");
        String yaml = read();
        assertTrue(yaml.contains("current-context: b"), yaml);
        assertFalse(yaml.contains("project"), yaml);
        CliResult bad = mgmt().run("config", "set-context", "a", "--unset", "nope");
        assertEquals(2, bad.exitCode(), bad.describe());
        CliResult badUrl = mgmt().run("config", "set-context", "a", "--url", "ftp://x");
        assertEquals(2, badUrl.exitCode(), badUrl.describe());
        assertEquals(yaml, read());
    }

    @Test
    void should_find_the_default_file_under_xdg_config_home_then_home() throws IOException {
        Path xdg = dir.resolve("xdg");
        ok(cli().env("XDG_CONFIG_HOME", xdg.toString()).env("HOME", dir.resolve("home").toString()),
            "config", "set-context", "a", "--url", "https://a");
        assertTrue(Files.exists(xdg.resolve("mgmt/config.yaml")));
        ok(cli().env("HOME", dir.resolve("home").toString()), "config", "set-context", "b", "--url", "https://b");
        assertTrue(Files.exists(dir.resolve("home/.config/mgmt/config.yaml")));
        Path flag = dir.resolve("flag.yaml");
        ok(cli().env("HOME", dir.resolve("home").toString()).config(file()),
            "--config", flag.toString(), "config", "set-context", "c");
        assertTrue(Files.exists(flag));
        assertFalse(Files.exists(file()));
    }

    @Test
    void should_show_merged_settings_with_their_sources() throws IOException {
        write("current-context: a\ncontexts:\n  a:\n    url: https://ctx.example.com\n    token: ctx-token-ABCD\n"
            + "    project: ctxproj\n    timeout: 12\n");
        CliResult r = ok(mgmt().env("MGMT_PROJECT", "envproj"), "config", "view", "-e", "flagenv");
        String out = r.out();
        assertTrue(out.contains("context:     a   (from current-context)"), r.describe());
        assertTrue(out.lines().anyMatch(l -> l.matches("url\\s+https://ctx.example.com\\s+context a")), r.describe());
        assertTrue(out.lines().anyMatch(l -> l.matches("token\\s+\\*\\*\\*\\*ABCD\\s+context a")), r.describe());
        assertTrue(out.lines().anyMatch(l -> l.matches("project\\s+envproj\\s+MGMT_PROJECT")), r.describe());
        assertTrue(out.lines().anyMatch(l -> l.matches("environment\\s+flagenv\\s+--environment")), r.describe());
        assertTrue(out.lines().anyMatch(l -> l.matches("timeout\\s+12\\s+context a")), r.describe());
        assertTrue(out.lines().anyMatch(l -> l.matches("retries\\s+3\\s+default")), r.describe());
        assertFalse(out.contains("ctx-token-ABCD"));

        JsonNode json = Json.tryParse(ok(mgmt(), "config", "view", "-o", "json").outBytes());
        assertEquals("a", json.path("context").path("name").asText());
        assertEquals("****ABCD", json.path("settings").path("token").path("value").asText());
        assertEquals("context", json.path("settings").path("token").path("source").asText());
        assertEquals(file().toString(), json.path("config").path("path").asText());
        String yaml = ok(mgmt(), "config", "view", "-o", "yaml").out();
        assertTrue(yaml.contains("value: https://ctx.example.com"), yaml);
    }
}
