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

/** mgmt add|remove proxy-group NAME proxies PROXY...: one request per proxy, on the path. */
class ProxyGroupMembershipTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    @BeforeEach
    void clean() {
        sandbox.requests().clear();
    }

    static Cli cli() {
        return sandbox.cli().env("MGMT_PROJECT", "MyProject");
    }

    @Test
    void should_add_two_proxies_then_remove_one() {
        CliResult add = cli().run("add", "proxy-group", "public-apis", "proxies", "Address", "petstore-api");
        assertEquals(0, add.exitCode(), add.describe());
        assertEquals("proxy-group/public-apis proxy/Address added\nproxy-group/public-apis proxy/petstore-api added\n",
            add.out());
        List<RequestLog.Entry> sent = sandbox.ownRequests();
        assertEquals("POST /apiops/projects/MyProject/apiProxyGroups/public-apis/apiProxies/Address/",
            sent.get(0).method() + " " + sent.get(0).path());
        assertEquals("/apiops/projects/MyProject/apiProxyGroups/public-apis/apiProxies/petstore-api/", sent.get(1).path());
        assertEquals(0, sent.get(0).body().length);

        sandbox.requests().clear();
        CliResult remove = cli().run("remove", "proxy-group", "public-apis", "proxies", "Address", "--yes");
        assertEquals("proxy-group/public-apis proxy/Address removed\n", remove.out(), remove.describe());
        RequestLog.Entry last = sandbox.ownRequests().get(sandbox.ownRequests().size() - 1);
        assertEquals("DELETE /apiops/projects/MyProject/apiProxyGroups/public-apis/apiProxies/Address/",
            last.method() + " " + last.path());
    }

    @Test
    void should_name_the_missing_proxy_with_exit_6() {
        CliResult r = cli().run("add", "proxy-group", "public-apis", "proxies", "petstore-ap");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: no proxy 'petstore-ap' in project 'MyProject'; did you mean 'petstore-api'?"),
            r.err());
    }

    @Test
    void should_name_the_missing_group_with_exit_6() {
        CliResult r = cli().run("add", "proxy-group", "public-api", "proxies", "Address");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: no proxy-group 'public-api' in project 'MyProject'; did you mean 'public-apis'?"),
            r.err());
    }

    @Test
    void should_refuse_missing_names_and_unconfirmed_removal_sending_nothing() {
        assertUsage(cli().run("add", "proxy-group", "public-apis", "proxies"),
            "error: proxies needs at least one name after it");
        assertUsage(cli().run("remove", "proxy-group", "public-apis", "proxies", "Address"),
            "error: refusing to remove proxies Address from proxy-group 'public-apis' in project 'MyProject'");
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_check_the_group_exists_before_asking() {
        CliResult r = cli().stdin("y\n").stdinTerminal(true).run("remove", "proxy-group", "nope", "proxies", "Address");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(!r.err().contains("[y/N]"), r.err());
        assertTrue(sandbox.ownRequests().stream().noneMatch(e -> e.method().equals("DELETE")));
    }
}
