package dev.mgmt.cli;

import dev.mgmt.sandbox.RequestLog;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IP groups: create / update / delete, and add / set / remove of their IPs, against the sandbox. */
class IpGroupCommandsTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    static final String IPS = "{\"ipList\": [\"10.0.0.1\", \"192.168.0.0/16\"]}";

    @BeforeEach
    void clean() {
        sandbox.requests().clear();
    }

    static Cli cli() {
        return sandbox.cli().env("MGMT_PROJECT", "MyProject");
    }

    static void create(String name) {
        CliResult r = cli().stdin("description: test\n").run("create", "ip-group", name, "-f", "-");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("ip-group/" + name + " created\n", r.out());
    }

    @Test
    void should_create_an_ip_group_posting_the_documented_body() {
        create("ipg-create");
        RequestLog.Entry post = sandbox.ownRequests().get(0);
        assertEquals("POST", post.method());
        assertEquals("/apiops/projects/MyProject/ipGroups/", post.path());
        assertEquals("application/json", post.header("Content-Type"));
        assertEquals("{\"description\":\"test\",\"name\":\"ipg-create\"}", post.bodyText());
    }

    @Test
    void should_add_replace_and_remove_ips_each_on_its_documented_method() {
        create("ipg-ips");
        sandbox.requests().clear();
        assertEquals("ip-group/ipg-ips ips added\n", cli().stdin(IPS).run("add", "ip-group", "ipg-ips", "ips", "-f", "-").out());
        assertEquals("ip-group/ipg-ips ips updated\n", cli().stdin(IPS).run("set", "ip-group", "ipg-ips", "ips", "-f", "-").out());
        CliResult r = cli().stdin(IPS).run("remove", "ip-group", "ipg-ips", "ips", "-f", "-", "--yes");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("ip-group/ipg-ips ips removed\n", r.out());
        List<RequestLog.Entry> sent = sandbox.ownRequests();
        assertEquals(List.of("POST", "PUT", "DELETE"), sent.stream().map(RequestLog.Entry::method).toList());
        for (RequestLog.Entry e : sent) {
            assertEquals("/apiops/projects/MyProject/ipGroups/ipg-ips/ips/", e.path());
            assertEquals("{\"ipList\":[\"10.0.0.1\",\"192.168.0.0/16\"]}", e.bodyText());
        }
    }

    @Test
    void should_update_and_delete_an_ip_group() {
        create("ipg-upd");
        CliResult u = cli().stdin("description: changed\n").run("update", "ip-group", "ipg-upd", "-f", "-");
        assertEquals("ip-group/ipg-upd updated\n", u.out(), u.describe());
        CliResult d = cli().run("delete", "ip-group", "ipg-upd", "--yes");
        assertEquals("ip-group/ipg-upd deleted\n", d.out(), d.describe());
        List<RequestLog.Entry> sent = sandbox.ownRequests();
        assertEquals("PUT /apiops/projects/MyProject/ipGroups/ipg-upd/", sent.get(1).method() + " " + sent.get(1).path());
        assertEquals("DELETE /apiops/projects/MyProject/ipGroups/ipg-upd/", sent.get(2).method() + " " + sent.get(2).path());
    }

    @Test
    void should_say_that_the_api_cannot_list_ip_groups_and_send_nothing() {
        CliResult r = cli().run("get", "ip-groups");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("the API has no way to list or show ip-groups"), r.err());
        assertTrue(r.err().contains("mgmt add ip-group NAME ips"), r.err());
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_answer_a_missing_group_with_exit_6() {
        CliResult r = cli().stdin(IPS).run("add", "ip-group", "no-such-group", "ips", "-f", "-");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: no ip-group 'no-such-group' in project 'MyProject'\n"), r.err());
        assertTrue(!r.err().contains("List them with"), "the API cannot list them: " + r.err());
    }

    @Test
    void should_refuse_a_body_that_fails_the_schema_and_send_nothing() {
        CliResult r = cli().stdin("{\"ips\": [\"10.0.0.1\"]}").run("add", "ip-group", "any", "ips", "-f", "-");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("does not match the ip-group.add-ips schema"), r.err());
        assertTrue(r.err().contains("ipList"), r.err());
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_send_a_failing_body_with_no_validate() {
        create("ipg-noval");
        sandbox.requests().clear();
        CliResult r = cli().stdin("{\"ips\": [\"10.0.0.1\"]}").run("add", "ip-group", "ipg-noval", "ips", "-f", "-",
            "--no-validate");
        assertEquals(3, r.exitCode(), r.describe());
        assertTrue(r.err().contains("ipList value can not be empty!"), r.err());
        assertEquals("{\"ips\":[\"10.0.0.1\"]}", sandbox.ownRequests().get(0).bodyText());
    }

    @Test
    void should_refuse_bad_parts_and_inputs_with_exit_2_sending_nothing() {
        assertUsage(cli().stdin(IPS).run("add", "ip-group", "g", "ip", "-f", "-"),
            "error: no part 'ip' of ip-groups for mgmt add; did you mean 'ips'?");
        assertUsage(cli().run("add", "ip-group", "g", "ips"), "error: ips is given as a file: pass -f FILE");
        assertUsage(cli().run("add", "ip-group", "g"), "error: missing PART after ip-group g");
        assertUsage(cli().stdin(IPS).run("add", "ip-group", "g", "ips", "extra", "-f", "-"),
            "error: unexpected 'extra' after ips");
        assertUsage(cli().stdin(IPS).run("add", "ip-group", "g", "ips", "-f", "-", "--method", "GET"),
            "error: --method applies only to endpoints");
        assertUsage(cli().run("add", "environment", "production", "x"), "error: mgmt add does not apply to environments");
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_ask_before_removing_ips_and_send_nothing_without_yes() {
        CliResult r = cli().stdin(IPS).run("remove", "ip-group", "g", "ips", "-f", "-");
        assertUsage(r, "error: refusing to remove ips from ip-group 'g' in project 'MyProject' without confirmation");
        CliResult no = cli().stdin("n\n").stdinTerminal(true).run("remove", "ip-group", "g", "ips", "-f",
            "src/test/resources/bodies/ips.json");
        assertEquals(2, no.exitCode(), no.describe());
        assertTrue(no.err().contains("Remove ips from ip-group 'g' in project 'MyProject'? [y/N] "), no.err());
        assertTrue(no.err().contains("not confirmed; nothing was changed"), no.err());
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_print_the_request_as_curl() {
        create("ipg-curl");
        CliResult r = cli().stdin(IPS).run("set", "ip-group", "ipg-curl", "ips", "-f", "-", "--curl");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.err().contains("curl -sS -X PUT '" + sandbox.url() + "apiops/projects/MyProject/ipGroups/ipg-curl/ips/'"),
            r.err());
        assertTrue(r.err().contains("--data-binary '{\"ipList\":[\"10.0.0.1\",\"192.168.0.0/16\"]}'"), r.err());
    }

    static void assertUsage(CliResult r, String errStart) {
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith(errStart), r.err());
    }
}
