package dev.mgmt.cli;

import dev.mgmt.sandbox.RequestLog;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import dev.mgmt.testing.TestServer;
import dev.mgmt.testing.TestServer.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static dev.mgmt.cli.IpGroupCommandsTest.assertUsage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mgmt grant|revoke access CREDENTIAL, and the same through add|remove credential NAME access. */
class AccessGrantTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    @BeforeEach
    void clean() {
        sandbox.requests().clear();
    }

    static Cli cli() {
        return sandbox.cli().env("MGMT_PROJECT", "MyProject");
    }

    static String access() {
        return cli().run("get", "access", "--credential", "partner-app", "-o", "name").out();
    }

    @Test
    void should_grant_proxies_and_groups_from_flags_then_revoke_one() {
        CliResult g = cli().run("grant", "access", "partner-app", "--proxy", "Address", "--proxy-group", "public-apis");
        assertEquals(0, g.exitCode(), g.describe());
        assertEquals("credential/partner-app access granted: proxy/Address, proxy-group/public-apis\n", g.out());
        RequestLog.Entry put = sandbox.ownRequests().get(0);
        assertEquals("PUT /apiops/projects/MyProject/credentials/partner-app/access/", put.method() + " " + put.path());
        assertEquals("application/json", put.header("Content-Type"));
        assertEquals("{\"credentialAccessList\":[{\"name\":\"Address\",\"type\":\"API_PROXY\"},"
            + "{\"name\":\"public-apis\",\"type\":\"API_PROXY_GROUP\"}]}", put.bodyText());
        assertTrue(access().contains("Address\n"), access());

        CliResult r = cli().run("revoke", "access", "partner-app", "--proxy", "Address", "--proxy-group", "public-apis",
            "--yes");
        assertEquals("credential/partner-app access revoked: proxy/Address, proxy-group/public-apis\n", r.out(),
            r.describe());
        RequestLog.Entry delete = sandbox.ownRequests().get(sandbox.ownRequests().size() - 1);
        assertEquals("DELETE /apiops/projects/MyProject/credentials/partner-app/access/", delete.method() + " " + delete.path());
        assertEquals("{\"credentialAccessList\":[{\"name\":\"Address\",\"type\":\"API_PROXY\"},"
            + "{\"name\":\"public-apis\",\"type\":\"API_PROXY_GROUP\"}]}", delete.bodyText());
        assertTrue(!access().contains("Address\n"), access());
    }

    @Test
    void should_take_the_documented_body_from_a_file_and_check_it() {
        String body = "credentialAccessList:\n- {name: Contact Application API, type: API_PROXY}\n";
        CliResult ok = cli().stdin(body).run("grant", "access", "partner-app", "-f", "-");
        assertEquals(0, ok.exitCode(), ok.describe());
        assertTrue(access().contains("Contact Application API\n"), access());
        assertEquals(0, cli().stdin(body).run("revoke", "access", "partner-app", "-f", "-", "--yes").exitCode());
        sandbox.requests().clear();
        CliResult bad = cli().stdin("credentialAccessList:\n- {name: Address, type: PROXY}\n")
            .run("grant", "access", "partner-app", "-f", "-");
        assertUsage(bad, "error: stdin does not match the access.grant schema (1 problem)");
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_refuse_bad_input_sending_nothing() {
        assertUsage(cli().run("grant", "access", "partner-app"), "error: nothing to grant: pass --proxy NAME");
        assertUsage(cli().run("grant", "acces", "partner-app", "--proxy", "Address"),
            "error: expected 'access' after grant, not 'acces'");
        assertUsage(cli().stdin("{}").run("grant", "access", "partner-app", "--proxy", "Address", "-f", "-"),
            "error: give the proxies and groups as flags or in -f FILE, not both");
        assertUsage(cli().run("revoke", "access", "partner-app", "--proxy", "Address"),
            "error: refusing to revoke access of credential 'partner-app' in project 'MyProject' without confirmation");
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_not_ask_about_a_credential_that_is_not_there() {
        CliResult r = cli().stdin("y\n").stdinTerminal(true).run("revoke", "access", "partner-ap", "--proxy", "Address");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: no credential 'partner-ap' in project 'MyProject'; did you mean 'partner-app'?"),
            r.err());
        assertTrue(!r.err().contains("[y/N]"), r.err());
        assertTrue(sandbox.ownRequests().stream().noneMatch(e -> e.method().equals("DELETE")));
    }

    @Test
    void should_answer_an_unknown_credential_with_exit_6() {
        CliResult r = cli().run("grant", "access", "nobody", "--proxy", "Address");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: no credential 'nobody' in project 'MyProject'"), r.err());
    }

    @Test
    void should_name_a_proxy_that_is_not_there() {
        CliResult r = cli().run("grant", "access", "partner-app", "--proxy", "Adress");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: no proxy 'Adress' in project 'MyProject'; did you mean 'Address'?"),
            r.err());
        CliResult group = cli().run("grant", "access", "partner-app", "--proxy-group", "public-api");
        assertEquals(6, group.exitCode(), group.describe());
        assertTrue(group.err().startsWith("error: no proxy-group 'public-api' in project 'MyProject'"), group.err());
    }

    @Test
    void should_reach_the_same_part_through_add_credential_access() {
        String body = "{\"credentialAccessList\": [{\"name\": \"Address\", \"type\": \"API_PROXY\"}]}";
        CliResult r = cli().stdin(body).run("add", "credential", "partner-app", "access", "-f", "-");
        assertEquals("credential/partner-app access added\n", r.out(), r.describe());
        assertEquals("PUT", sandbox.ownRequests().get(0).method());
        CliResult back = cli().stdin(body).run("remove", "credential", "partner-app", "access", "-f", "-", "--yes");
        assertEquals("credential/partner-app access removed\n", back.out(), back.describe());
    }

    /** A grant of what the credential has: the sandbox answers 409; mgmt says what is there and that nothing changed. */
    @Test
    void should_say_what_is_already_granted_and_that_nothing_changed() {
        String before = access();
        assertTrue(before.contains("petstore-api\n"), before);
        CliResult r = cli().run("grant", "access", "partner-app", "--proxy", "petstore-api");
        assertAlreadyGranted(r);

        CliResult two = cli().run("grant", "access", "partner-app", "--proxy", "Address", "--proxy", "petstore-api",
            "-o", "json");
        assertEquals(7, two.exitCode(), two.describe());
        assertTrue(two.err().contains("Not granted either: proxy/Address; grant it without the ones it has."),
            two.err());
        assertTrue(two.err().contains("\"error\":\"conflict\""), two.err());
        assertTrue(two.err().contains("\"exit_code\":7"), two.err());
        assertEquals(before, access());
    }

    /** partner-app's proxy/petstore-api said as already there, nothing changed, exit 7, nothing on stdout. */
    static void assertAlreadyGranted(CliResult r) {
        assertEquals(7, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: credential 'partner-app' already has access to proxy/petstore-api; "
            + "nothing was changed\n"), r.err());
        assertTrue(r.err().contains("See its access: mgmt get access -p MyProject --credential partner-app\n"), r.err());
        assertFalse(r.err().contains("update"), r.err());
        assertEquals("", r.out());
    }

    /** add credential NAME access -f FILE sends what grant sends, so a refusal reads the same. */
    @Test
    void should_say_the_same_when_add_credential_access_finds_it_granted() {
        String before = access();
        CliResult r = cli().stdin("credentialAccessList:\n- name: petstore-api\n  type: API_PROXY\n")
            .run("add", "credential", "partner-app", "access", "-f", "-");
        assertAlreadyGranted(r);
        assertEquals(before, access());
    }

    static final String ALREADY = "{\"error\":\"%s\",\"error_description\":\"Credential (username:api-user) "
        + "has already access to API Proxy (name:MyAPI)!\"}";

    /** grant access api-user against a manager that answers the access list with {@code read} and the grant with {@code write}. */
    static CliResult grantOn(Reply read, Reply write, String... proxies) throws Exception {
        try (TestServer server = new TestServer()) {
            server.on("projects/MyProject/credentials/api-user/access/",
                ex -> TestServer.send(ex, ex.getRequestMethod().equals("GET") ? read : write));
            List<String> args = new ArrayList<>(List.of("--url", server.url(), "--token", "tok-123456789", "-p",
                "MyProject", "--retries", "0", "grant", "access", "api-user"));
            for (String proxy : proxies) {
                args.addAll(List.of("--proxy", proxy));
            }
            return Cli.cli().run(args.toArray(String[]::new));
        }
    }

    /** The reference documents the same refusal as a 400 bad_request: the same plain answer, exit 7. */
    @Test
    void should_read_the_documented_400_as_the_same_conflict() throws Exception {
        CliResult r = grantOn(Reply.json(200, "{\"resultList\":[{\"name\":\"MyAPI\",\"type\":\"API_PROXY\"}]}"),
            Reply.json(400, String.format(ALREADY, "bad_request")), "MyAPI");
        assertEquals(7, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: credential 'api-user' already has access to proxy/MyAPI; nothing was "
            + "changed\n"), r.err());
        assertTrue(r.err().contains("The manager answered 400 to PUT projects/MyProject/credentials/api-user/access/"),
            r.err());
    }

    /** When the access cannot be read back, only what the server named is claimed. */
    @Test
    void should_not_claim_nothing_changed_when_it_cannot_tell() throws Exception {
        CliResult r = grantOn(Reply.json(500, "{\"error\":\"internal_error\",\"error_description\":\"down\"}"),
            Reply.json(409, String.format(ALREADY, "conflict")), "Other", "MyAPI");
        assertEquals(7, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: credential 'api-user' already has access to proxy/MyAPI\n"), r.err());
        assertTrue(r.err().contains("Asked for as well: proxy/Other; check what the credential has now."), r.err());
    }
}
