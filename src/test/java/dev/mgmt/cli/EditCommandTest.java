package dev.mgmt.cli;

import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mgmt edit with scripted editors (sh scripts that edit with sed), against the sandbox. */
class EditCommandTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    @BeforeEach
    void clean() {
        sandbox.requests().clear();
    }

    static Cli cli(Path editor) {
        return sandbox.cli().env("MGMT_PROJECT", "MyProject").env("EDITOR", editor.toString());
    }

    static List<String> writes() {
        return sandbox.requests().list().stream().filter(e -> !e.method().equals("GET"))
            .map(e -> e.method() + " " + e.path()).toList();
    }

    /** An editor: records the file's path and mode in {@code dir/seen}, then runs {@code body} on "$1". */
    static Path editor(Path dir, String body) throws Exception {
        Path script = dir.resolve("editor.sh");
        Files.writeString(script, "#!/bin/sh\nset -e\necho \"$1 $(stat -c %a \"$1\")\" >> '" + dir.resolve("seen")
            + "'\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    static void assertFileGone(Path dir) throws Exception {
        for (String line : Files.readAllLines(dir.resolve("seen"))) {
            String[] parts = line.split(" ");
            assertEquals("600", parts[1], "the temporary file is private");
            assertFalse(Files.exists(Path.of(parts[0])), "the temporary file is deleted: " + parts[0]);
        }
    }

    @Test
    void should_send_the_change_and_show_it_on_stderr(@TempDir Path dir) throws Exception {
        Path ed = editor(dir, "sed -i 's/^description: .*/description: Edited by sed/' \"$1\"");
        CliResult r = cli(ed).run("edit", "env-var", "BACKEND_BASE_URL");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("env-var/BACKEND_BASE_URL configured\n", r.out());
        assertTrue(r.err().contains("description: \"Backend base URL\" -> \"Edited by sed\""), r.err());
        assertEquals(List.of("PUT /apiops/projects/MyProject/environmentVariables/BACKEND_BASE_URL/"), writes());
        assertFileGone(dir);
    }

    @Test
    void should_cancel_when_the_file_is_saved_unchanged(@TempDir Path dir) throws Exception {
        Path ed = editor(dir, "true");
        CliResult r = cli(ed).run("edit", "connection", "notify-mail");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Edit cancelled, no changes made."), r.err());
        assertEquals(List.of(), writes());
        assertFileGone(dir);
    }

    @Test
    void should_reopen_with_the_problems_as_comments_and_apply_once_fixed(@TempDir Path dir) throws Exception {
        Path body = dir.resolve("var.yaml");
        Files.writeString(body, "name: EDIT_RETRY\ndescription: first\nglobal: true\nglobalValue: v\n");
        assertEquals(0, sandbox.cli().env("MGMT_PROJECT", "MyProject").run("create", "env-var", "-f", body.toString())
            .exitCode());
        sandbox.requests().clear();
        Path ed = editor(dir, String.join("\n",
            "if grep -q '^# The edit could not be applied' \"$1\"; then",
            "  grep '^#' \"$1\" > '" + dir.resolve("problems") + "'",
            "  echo 'name: EDIT_RETRY' >> \"$1\"",
            "else",
            "  sed -i '/^name:/d; s/^description: .*/description: second try/' \"$1\"",
            "fi"));
        CliResult r = cli(ed).run("edit", "env-var", "EDIT_RETRY");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("env-var/EDIT_RETRY configured\n", r.out());
        assertTrue(r.err().contains("description: \"first\" -> \"second try\""), r.err());
        String problems = Files.readString(dir.resolve("problems"));
        assertTrue(problems.contains("env-var has no 'name'"), problems);
        assertEquals(2, Files.readAllLines(dir.resolve("seen")).size());
        assertEquals(1, writes().size(), writes().toString());
        assertFileGone(dir);
    }

    /** The comments name the line of the bad field in the file as reopened, below them. */
    @Test
    void should_say_the_line_of_each_problem_in_the_reopened_file(@TempDir Path dir) throws Exception {
        Path ed = editor(dir, String.join("\n",
            "if grep -q '^# The edit could not be applied' \"$1\"; then",
            "  cp \"$1\" '" + dir.resolve("reopened") + "'",
            "else",
            "  sed -i 's/^global: .*/global: maybe/' \"$1\"",
            "fi"));
        CliResult r = cli(ed).run("edit", "env-var", "BACKEND_BASE_URL");
        assertEquals(2, r.exitCode(), r.describe());
        List<String> reopened = Files.readAllLines(dir.resolve("reopened"));
        String problem = reopened.stream().filter(l -> l.contains("global: must be a boolean")).findFirst()
            .orElseThrow(() -> new AssertionError(reopened.toString()));
        int line = reopened.indexOf("global: maybe") + 1;
        assertTrue(line > 0, reopened.toString());
        assertTrue(problem.startsWith("#   the edited file:" + line + ": env-var/BACKEND_BASE_URL: global: "), problem);
        assertTrue(r.err().contains("the edited file:" + line + ": env-var/BACKEND_BASE_URL: global: must be a boolean"),
            r.err());
        assertEquals(List.of(), writes());
        assertFileGone(dir);
    }

    @Test
    void should_give_up_with_exit_2_when_a_failed_edit_is_saved_unchanged(@TempDir Path dir) throws Exception {
        Path ed = editor(dir, String.join("\n",
            "if ! grep -q '^# The edit could not be applied' \"$1\"; then",
            "  sed -i '/^kind:/d' \"$1\"",
            "fi"));
        CliResult r = cli(ed).run("edit", "proxy-group", "public-apis");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("edit not applied: the file was saved unchanged after a failed check"), r.err());
        assertTrue(r.err().contains("has no 'kind'"), r.err());
        assertEquals(List.of(), writes());
        assertFileGone(dir);
    }

    @Test
    void should_refuse_to_rename_and_report_a_failing_editor(@TempDir Path dir) throws Exception {
        Path rename = editor(dir, "sed -i 's/^name: public-apis/name: renamed/' \"$1\"");
        CliResult r = cli(rename).run("edit", "proxy-group", "public-apis");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("keep its kind, name, project and proxy"), r.err());
        assertFileGone(dir);

        Path failing = editor(dir, "exit 3");
        CliResult f = cli(failing).run("edit", "proxy-group", "public-apis");
        assertEquals(2, f.exitCode(), f.describe());
        assertTrue(f.err().contains("exited with status 3; nothing was changed"), f.err());
        assertEquals(List.of(), writes());
        assertFileGone(dir);
    }

    @Test
    void should_answer_a_missing_name_and_an_unwritable_kind_without_opening_the_editor(@TempDir Path dir)
        throws Exception {
        Path ed = editor(dir, "true");
        CliResult missing = cli(ed).run("edit", "env-var", "NO_SUCH_VAR");
        assertEquals(6, missing.exitCode(), missing.describe());
        CliResult project = cli(ed).run("edit", "project", "MyProject");
        assertEquals(2, project.exitCode(), project.describe());
        assertEquals("error: projects cannot be edited in place: the API has no way to create or change projects\n",
            project.err());
        CliResult endpoint = cli(ed).run("edit", "endpoint", "/pets", "--proxy", "petstore-api");
        assertEquals(2, endpoint.exitCode(), endpoint.describe());
        assertTrue(endpoint.err().contains("named by its path and --method"), endpoint.err());
        assertFalse(Files.exists(dir.resolve("seen")), "the editor never ran");
    }

    /** Each kind edit cannot write: one line saying why and what to use, exit 2, no editor, nothing sent. */
    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "certificate#gateway-tls#certificates cannot be edited in place: they are uploaded as PEM files (multipart), "
            + "not written as JSON; upload a new one with mgmt update certificate NAME -f FILE.pem -e ENVIRONMENT",
        "jwk#gateway-jwk#jwks cannot be edited in place: a JWK is shown as derived key material, not as the source it "
            + "was created from; use mgmt update jwk NAME -f FILE",
        "policy#some-policy#policies cannot be edited in place: a proxy's policies are read as one tree but written "
            + "one at a time; use mgmt create|update policy NAME --proxy P -f FILE",
        "access#petstore-api#access cannot be edited in place: access is granted per credential; use mgmt "
            + "grant|revoke access CREDENTIAL --proxy P",
        "ip-group#AllowedIPs#ip-groups cannot be edited in place: the API cannot read them back, so there is nothing "
            + "to compare with; use mgmt create, update and set for them"})
    void should_refuse_kinds_edit_cannot_write_in_one_line_without_the_editor(String kind, String name, String why,
                                                                              @TempDir Path dir) throws Exception {
        Path ran = dir.resolve("editor-ran");
        Path ed = editor(dir, "touch '" + ran + "'; exit 1");
        CliResult r = cli(ed).run("edit", kind, name);
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals("error: " + why + "\n", r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(ran), "the editor must not be opened");
        assertEquals(List.of(), sandbox.requests().list());
    }
}
