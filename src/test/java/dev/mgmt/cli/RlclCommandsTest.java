package dev.mgmt.cli;

import dev.mgmt.sandbox.RequestLog;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.mgmt.cli.IpGroupCommandsTest.assertUsage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rate-limit control lists: the kind, and their credentials, endpoints and condition. */
class RlclCommandsTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    @BeforeEach
    void clean() {
        sandbox.requests().clear();
    }

    static Cli cli() {
        return sandbox.cli().env("MGMT_PROJECT", "MyProject");
    }

    static void create(String name) {
        CliResult r = cli().stdin("description: tier\nenabled: true\n").run("create", "rlcl", name, "-f", "-");
        assertEquals("rlcl/" + name + " created\n", r.out(), r.describe());
        sandbox.requests().clear();
    }

    @Test
    void should_add_and_replace_credentials_and_remove_the_condition() {
        create("gold-a");
        String creds = "{\"credentialNameList\": [\"partner-app\"]}";
        assertEquals("rlcl/gold-a credentials added\n",
            cli().stdin(creds).run("add", "rlcl", "gold-a", "credentials", "-f", "-").out());
        assertEquals("rlcl/gold-a credentials updated\n",
            cli().stdin(creds).run("set", "rlcl", "gold-a", "credentials", "-f", "-").out());
        CliResult r = cli().run("remove", "rlcl", "gold-a", "condition", "--yes");
        assertEquals("rlcl/gold-a condition removed\n", r.out(), r.describe());
        List<RequestLog.Entry> sent = sandbox.ownRequests();
        assertEquals("POST /apiops/projects/MyProject/rlcl/gold-a/credentials/", sent.get(0).method() + " " + sent.get(0).path());
        assertEquals("PUT /apiops/projects/MyProject/rlcl/gold-a/credentials/", sent.get(1).method() + " " + sent.get(1).path());
        assertEquals("DELETE /apiops/projects/MyProject/rlcl/gold-a/condition/", sent.get(2).method() + " " + sent.get(2).path());
        assertEquals(0, sent.get(2).body().length, "the condition's delete has no body");
    }

    @Test
    void should_name_the_server_error_for_an_unknown_credential() {
        create("gold-b");
        CliResult r = cli().stdin("{\"credentialNameList\": [\"nobody\"]}")
            .run("add", "rlcl", "gold-b", "credentials", "-f", "-");
        assertEquals(3, r.exitCode(), r.describe());
        assertTrue(r.err().contains("Credential with name (nobody) is not found in project!"), r.err());
    }

    @Test
    void should_refuse_input_the_condition_removal_does_not_take() {
        assertUsage(cli().stdin("{}").run("remove", "rlcl", "g", "condition", "-f", "-", "--yes"),
            "error: -f does not apply to condition");
        assertUsage(cli().stdin("{}").run("set", "rlcl", "g", "condition", "-f", "-"),
            "error: stdin does not match the rlcl.update-condition schema (1 problem)");
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_delete_an_rlcl_without_a_listing_to_check_against() {
        create("gold-c");
        CliResult r = cli().run("delete", "rlcl", "gold-c", "--yes");
        assertEquals("rlcl/gold-c deleted\n", r.out(), r.describe());
        assertEquals(1, sandbox.ownRequests().size(), "no list was asked for: the API has none");
        CliResult again = cli().run("delete", "rlcl", "gold-c", "--yes");
        assertEquals(6, again.exitCode(), again.describe());
        assertTrue(again.err().startsWith("error: no rlcl 'gold-c' in project 'MyProject'"), again.err());
    }
}
