package dev.mgmt.cli;

import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mgmt diff: diff(1)'s exit codes, field lines, masking, colour only on a terminal. */
class DiffCommandTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    @BeforeEach
    void clean() {
        sandbox.requests().clear();
    }

    static Cli cli() {
        return sandbox.cli().env("MGMT_PROJECT", "MyProject");
    }

    static Path dump(Path dir, String kind, String name) throws Exception {
        CliResult got = cli().run("get", kind, name, "-o", "yaml");
        assertEquals(0, got.exitCode(), got.describe());
        Path f = dir.resolve(kind + ".yaml");
        Files.write(f, got.outBytes());
        return f;
    }

    @Test
    void should_exit_0_and_print_nothing_when_the_manager_matches(@TempDir Path dir) throws Exception {
        Path f = dump(dir, "connection", "notify-mail");
        CliResult r = cli().run("diff", "-f", f.toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("", r.out());
    }

    @Test
    void should_exit_1_with_field_lines_and_secrets_masked_on_both_sides(@TempDir Path dir) throws Exception {
        Path f = dump(dir, "connection", "notify-mail");
        Files.writeString(f, Files.readString(f).replace("password: mail-secret", "password: new-secret-value")
            .replace("port: 587", "port: 2525"));
        CliResult r = cli().run("diff", "-f", f.toString());
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.out().startsWith("~ connection/notify-mail (" + f + ":1)\n"), r.out());
        assertTrue(r.out().contains("    port: 587 -> 2525\n"), r.out());
        assertTrue(r.out().contains("    password: **** -> ****\n"), r.out());
        assertFalse(r.out().contains("mail-secret") || r.out().contains("new-secret-value"), r.out());
        assertFalse(r.out().contains("\u001b["), "no colour off a terminal");
        assertFalse(sandbox.requests().list().stream().anyMatch(e -> !e.method().equals("GET")));
    }

    @Test
    void should_mask_secrets_inside_a_new_object(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("new.yaml");
        Files.writeString(f, "kind: credential\nusername: new-app\nemail: a@b.test\nfullName: A\n"
            + "password: hunter2-long\n");
        CliResult r = cli().run("diff", "-f", f.toString());
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.out().startsWith("+ credential/new-app (" + f + ":1)\n"), r.out());
        assertTrue(r.out().contains("    password: ****\n"), r.out());
        assertFalse(r.out().contains("hunter2"), r.out());
    }

    @Test
    void should_colour_only_on_a_terminal_and_honour_no_color(@TempDir Path dir) throws Exception {
        Path f = dump(dir, "env-var", "BACKEND_BASE_URL");
        Files.writeString(f, Files.readString(f).replace("description: Backend base URL", "description: other"));
        CliResult tty = cli().terminal(true, true).run("diff", "-f", f.toString());
        assertEquals(1, tty.exitCode(), tty.describe());
        assertTrue(tty.out().contains("\u001b[33m~ env-var/BACKEND_BASE_URL"), tty.out());
        CliResult noColor = cli().terminal(true, true).env("NO_COLOR", "1").run("diff", "-f", f.toString());
        assertEquals(1, noColor.exitCode(), noColor.describe());
        assertFalse(noColor.out().contains("\u001b["), noColor.out());
        CliResult never = cli().terminal(true, true).run("--color", "never", "diff", "-f", f.toString());
        assertFalse(never.out().contains("\u001b["), never.out());
    }

    @Test
    void should_show_prune_deletions_without_deleting(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("one.yaml");
        Files.writeString(f, "kind: proxy-group\nname: public-apis\n");
        Files.writeString(f, Files.readString(f) + "---\nkind: proxy-group\nname: internal-apis\n"
            + "clientRoute: {relativePathList: [/internal]}\n");
        CliResult r = cli().run("diff", "-f", f.toString(), "--prune");
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.out().contains("+ proxy-group/internal-apis"), r.out());
        assertFalse(r.out().contains("- proxy-group/public-apis"), r.out());
        assertEquals(List.of(), sandbox.requests().list().stream().filter(e -> !e.method().equals("GET")).toList());
    }

    @Test
    void should_exit_2_or_more_on_errors(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\n");
        CliResult usage = cli().run("diff", "-f", bad.toString());
        assertEquals(2, usage.exitCode(), usage.describe());
        assertTrue(usage.err().contains("has no 'kind'"), usage.err());

        Path elsewhere = dir.resolve("elsewhere.yaml");
        Files.writeString(elsewhere, "kind: proxy\nproject: NoSuchProject\nname: x\n");
        CliResult missing = cli().run("diff", "-f", elsewhere.toString(), "--prune");
        assertTrue(missing.exitCode() >= 2, missing.describe());
        assertEquals("", missing.out());

        CliResult noToken = Cli.cli().env("MGMT_URL", sandbox.url()).run("diff", "-f", elsewhere.toString());
        assertEquals(4, noToken.exitCode(), noToken.describe());
    }

    @Test
    void should_show_a_proxy_change_that_apply_would_still_need_fields_for(@TempDir Path dir) throws Exception {
        CliResult got = cli().run("get", "proxy", "petstore-api", "-o", "yaml");
        assertEquals(0, got.exitCode(), got.describe());
        Path f = dir.resolve("p.yaml");
        // No settings PATCH takes an address's health check: only the re-parse PUT, which needs the spec, writes it.
        Files.writeString(f, got.out().replaceFirst("healthCheckEnabled: true", "healthCheckEnabled: false"));

        CliResult r = cli().run("diff", "-f", f.toString());
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.out().contains("~ proxy/petstore-api"), r.out());
        assertTrue(r.out().contains("routing.routingAddressList[0].healthCheckEnabled: true -> false"), r.out());
        CliResult apply = cli().run("apply", "-f", f.toString());
        assertEquals(2, apply.exitCode(), apply.describe());
        assertTrue(apply.err().contains("apiProxyCreationType: is required"), apply.err());
    }
}
