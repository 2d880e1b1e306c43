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
import java.nio.file.attribute.PosixFilePermissions;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A key given twice is refused wherever the user's JSON or YAML is read, naming its line: the
 * config file always did, bodies used to keep the last value silently and send it.
 */
class DuplicateKeysTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    static final String YAML = String.join("\n",
        "apiProxyName: orders-dup",
        "apiProxyDescription: Orders",
        "apiProxyCreationType: OPEN_API",
        "specUrl: https://example.test/openapi.json",
        "apiProxyName: someone-else",
        "deploy: false", "");

    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        sandbox.requests().clear();
    }

    private static Cli mgmt() {
        return sandbox.cli().env("MGMT_PROJECT", "MyProject");
    }

    private static String headline(CliResult r) {
        return r.err().lines().findFirst().orElse("");
    }

    /** Exit 2, this one line first, and no request at all. */
    private static void assertRefused(String expectedHeadline, CliResult r) {
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals(expectedHeadline, headline(r), r.describe());
        assertEquals(0, sandbox.ownRequests().size(), "nothing is sent");
    }

    @Test
    void should_refuse_a_yaml_file_with_a_key_twice_for_create_naming_the_line() throws Exception {
        Path f = dir.resolve("proxy.yaml");
        Files.writeString(f, YAML);
        CliResult r = mgmt().run("create", "proxy", "-f", f.toString());
        assertRefused("error: invalid YAML in file '" + f + "': line 5, column 13: duplicate key 'apiProxyName'", r);
    }

    @Test
    void should_refuse_yaml_from_stdin_with_a_key_twice() {
        CliResult r = mgmt().stdin(YAML).run("create", "proxy", "-f", "-");
        assertRefused("error: invalid YAML in stdin: line 5, column 13: duplicate key 'apiProxyName'", r);
    }

    @Test
    void should_refuse_a_json_body_with_a_key_twice_for_update_naming_the_line() throws Exception {
        Path f = dir.resolve("proxy.json");
        Files.writeString(f, "{\n  \"apiProxyName\": \"orders-dup\",\n  \"deploy\": false,\n  \"deploy\": true\n}\n");
        CliResult r = mgmt().run("update", "proxy", "-f", f.toString());
        assertRefused("error: invalid JSON in file '" + f + "': line 4, column 11: duplicate key 'deploy'", r);
    }

    @Test
    void should_refuse_a_json_data_argument_with_a_key_twice_nested_too() {
        CliResult r = mgmt().run("api", "POST", "projects/", "-d", "{\"a\": {\"b\": 1, \"b\": 2}}");
        assertRefused("error: invalid JSON in the -d argument: line 1, column 19: duplicate key 'b'", r);
    }

    @Test
    void should_still_refuse_a_config_file_with_a_key_twice_naming_the_line() throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "contexts:\n  a:\n    url: https://a.example.com\n    url: https://b.example.com\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        CliResult r = cli().config(config).run("config", "get-contexts");
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals("error: invalid config file " + config + ", line 4: not valid YAML: duplicate key 'url'", headline(r),
            r.describe());
    }
}
