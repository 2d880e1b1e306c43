package dev.mgmt.cli;

import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policy list answers the proxy with its pipelines: get shows the policies in them, by name. */
class PolicyCommandsTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    static Cli cli() {
        return sandbox.cli().env("MGMT_PROJECT", "MyProject");
    }

    @Test
    void should_print_policy_names_not_the_proxy_name() {
        CliResult r = cli().run("get", "policies", "--proxy", "petstore-api", "-o", "name");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("throttle-100\nonly-office\n", r.out());
    }

    @Test
    void should_show_where_each_policy_sits_in_the_table() {
        CliResult r = cli().run("get", "policies", "--proxy", "petstore-api");
        assertEquals(0, r.exitCode(), r.describe());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("NAME +TYPE +PIPELINE +ENDPOINT +ACTIVE"), lines[0]);
        assertTrue(lines[1].matches("throttle-100 +policy-api-based-throttling +REQUEST +- +true"), lines[1]);
        assertTrue(lines[2].matches("only-office +policy-white-ip +REQUEST +/pets +true"), lines[2]);
    }

    @Test
    void should_get_one_policy_by_name_with_its_place() {
        CliResult r = cli().run("get", "policy", "only-office", "--proxy", "petstore-api", "-o", "json");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("\"name\": \"only-office\""), r.out());
        assertTrue(r.out().contains("\"targetScope\": \"ENDPOINT\""), r.out());
        assertTrue(r.out().contains("\"targetEndpoint\": \"/pets\""), r.out());
        assertTrue(r.out().contains("\"targetEndpointHTTPMethod\": \"POST\""), r.out());
    }

    @Test
    void should_answer_a_typo_with_exit_6_and_the_list_command_with_its_proxy() {
        CliResult r = cli().run("get", "policy", "throttle-10", "--proxy", "petstore-api");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: no policy 'throttle-10' in proxy 'petstore-api' of project 'MyProject'; "
            + "did you mean 'throttle-100'?"), r.err());
        assertTrue(r.err().contains("mgmt get policies -p MyProject --proxy petstore-api"), r.err());
    }

    @Test
    void should_find_for_delete_the_policy_that_get_finds() {
        String add = "operationMetadata:\n  targetScope: ALL\n  targetPipeline: RESPONSE\n  deploy: false\n"
            + "policy:\n  type: policy-script\n  description: temp\n";
        CliResult created = cli().stdin(add).run("create", "policy", "tmp-script", "--proxy", "petstore-api", "-f", "-",
            "--no-validate");
        assertEquals(0, created.exitCode(), created.describe());
        assertEquals("tmp-script\n", cli().run("get", "policy", "tmp-script", "--proxy", "petstore-api", "-o", "name").out());
        CliResult d = cli().run("delete", "policy", "tmp-script", "--proxy", "petstore-api", "--yes");
        assertEquals("policy/tmp-script deleted\n", d.out(), d.describe());
        CliResult gone = cli().run("delete", "policy", "tmp-script", "--proxy", "petstore-api", "--yes");
        assertEquals(6, gone.exitCode(), gone.describe());
    }

    @Test
    void should_say_so_when_a_proxy_has_no_policies() {
        CliResult r = cli().run("get", "policies", "--proxy", "Address");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("", r.out());
        assertTrue(r.err().contains("No policies found in proxy 'Address' of project 'MyProject'."), r.err());
    }
}
