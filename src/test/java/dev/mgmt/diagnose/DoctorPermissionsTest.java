package dev.mgmt.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import dev.mgmt.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mgmt doctor's permission layer: one line per kind, from list reads and the harmless write probes. */
class DoctorPermissionsTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    static CliResult doctor(String token, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--url";
        all[1] = sandbox.url();
        all[2] = "doctor";
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.cli().clock(Clock.systemUTC()).env("MGMT_TOKEN", token).run(all);
    }

    @Test
    void should_show_writes_allowed_for_admin_and_denied_for_the_viewer() {
        CliResult admin = doctor(sandbox.adminToken(), "-p", "MyProject");
        assertEquals(0, admin.exitCode(), admin.describe());
        assertTrue(admin.out().contains("[ok] permissions on proxies: read allowed (GET projects/MyProject/apiProxies/ "
            + "-> 200); write allowed (POST projects/MyProject/apiProxies/url/ -> 400)"), admin.describe());
        assertTrue(admin.out().contains("[ok] permissions on projects: read allowed (GET projects/ -> 200); write not "
            + "checked (the Management API has no endpoint that creates or changes projects)"), admin.describe());

        CliResult viewer = doctor(sandbox.readOnlyToken(), "-p", "MyProject");
        assertEquals(0, viewer.exitCode(), "a denied write is a fact, not a broken setup\n" + viewer.describe());
        assertTrue(viewer.out().contains("[ok] permissions on jwks: read allowed (GET projects/MyProject/jwks/ -> 200); "
            + "write denied (POST projects/MyProject/jwks/ -> 403)"), viewer.describe());
        assertFalse(viewer.out().contains("write allowed"), viewer.describe());
    }

    @Test
    void should_say_once_what_it_could_not_check() {
        CliResult r = doctor(sandbox.adminToken(), "-p", "demo");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("[ok] permissions on endpoints, policies: not checked: no API proxy in demo to "
            + "check them on (--proxy)"), r.describe());
        assertTrue(r.out().contains("[ok] permissions on access: not checked: no credential in demo"), r.describe());
        CliResult none = doctor(sandbox.adminToken());
        assertEquals(0, none.exitCode(), none.describe());
        assertTrue(none.out().contains("[ok] permissions per kind (list reads, harmless write probes): not checked: no "
            + "project (pass -p/--project)"), none.describe());
        assertFalse(none.out().contains("permissions on "), none.describe());
    }

    @Test
    void should_skip_the_layer_when_the_token_is_refused_or_the_project_is_missing() {
        CliResult expired = doctor(sandbox.expiredToken(), "-p", "MyProject");
        assertEquals(4, expired.exitCode(), expired.describe());
        assertTrue(expired.out().contains("[?] permissions per kind (list reads, harmless write probes): skipped: the "
            + "token was not accepted (above)"), expired.describe());
        CliResult missing = doctor(sandbox.adminToken(), "-p", "NoSuchProject");
        assertEquals(6, missing.exitCode(), missing.describe());
        assertTrue(missing.out().contains("skipped: project 'NoSuchProject' did not pass (above)"), missing.describe());
    }

    @Test
    void should_check_endpoints_and_policies_on_the_proxy_named_by_proxy() {
        CliResult r = doctor(sandbox.adminToken(), "-p", "MyProject", "--proxy", "Address");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("[ok] API proxy 'Address' (--proxy) exists in project 'MyProject': found in "
            + "projects/MyProject/apiProxies/"), r.describe());
        assertTrue(r.out().contains("[ok] permissions on endpoints: read allowed (GET projects/MyProject/apiProxies/"
            + "Address/endpoints/ -> 200); write allowed (POST projects/MyProject/apiProxies/Address/endpoints/ -> 400)"),
            r.describe());
        assertTrue(r.out().contains("[ok] permissions on policies: read allowed (GET projects/MyProject/apiProxies/"
            + "Address/policies/ -> 200)"), r.describe());
        assertFalse(r.out().contains("apiProxies/petstore-api/"), "not the first proxy listed\n" + r.describe());
    }

    @Test
    void should_report_an_unknown_proxy_as_not_found_with_the_closest_name() {
        CliResult r = doctor(sandbox.adminToken(), "-p", "MyProject", "--proxy", "petstore-ap");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(r.out().contains("[FAIL] API proxy 'petstore-ap' (--proxy) exists in project 'MyProject': no API "
            + "proxy named 'petstore-ap'; did you mean 'petstore-api'?"), r.describe());
        assertTrue(r.out().contains("[?] permissions per kind (list reads, harmless write probes): skipped: API proxy "
            + "'petstore-ap' did not pass (above)"), r.describe());
        assertTrue(r.out().contains("start with the first: API proxy 'petstore-ap' (--proxy) exists in project "
            + "'MyProject' (exit 6)"), r.describe());
    }

    @Test
    void should_refuse_an_empty_proxy_or_one_without_a_project_before_sending_anything() {
        int from = sandbox.requests().count();
        CliResult empty = doctor(sandbox.adminToken(), "-p", "MyProject", "--proxy", "");
        assertEquals(2, empty.exitCode(), empty.describe());
        assertEquals("error: --proxy is empty: give an API proxy name (mgmt get proxies -p PROJECT)\n", empty.err(),
            empty.describe());
        CliResult noProject = doctor(sandbox.adminToken(), "--proxy", "petstore-api");
        assertEquals(2, noProject.exitCode(), noProject.describe());
        assertEquals("error: --proxy needs -p/--project (an API proxy belongs to a project)\n", noProject.err(),
            noProject.describe());
        assertEquals("", empty.out() + noProject.out());
        assertEquals(from, sandbox.requests().count(), "nothing was sent");
    }

    @Test
    void should_list_the_permission_steps_in_json() {
        CliResult r = doctor(sandbox.readOnlyToken(), "-p", "MyProject", "-o", "json");
        assertEquals(0, r.exitCode(), r.describe());
        int lines = 0;
        for (JsonNode c : Json.tryParse(r.outBytes()).get("checks")) {
            if (c.get("check").asText().startsWith("permissions on ")) {
                lines++;
                assertEquals("pass", c.get("result").asText(), c.toString());
            }
        }
        assertEquals(14, lines, r.describe());
    }

    @Test
    void should_fail_loudly_when_a_probe_is_accepted() throws Exception {
        try (TestServer server = new TestServer()) {
            server.on("test/healthcheck/", TestServer.Reply.of(200, "text/plain", "OK"))
                .on("test/hello/mgmt/", TestServer.Reply.of(200, "text/plain", "Hello mgmt"))
                .on("projects/", TestServer.Reply.json(200, "{\"resultList\":[{\"name\":\"P\"}]}"))
                .on("projects/P/apiProxies/", TestServer.Reply.json(200, "{\"resultList\":[]}"))
                .on("projects/P/apiProxies/url/", TestServer.Reply.json(201, "{\"success\":true}"));
            CliResult r = Cli.cli().clock(Clock.systemUTC()).env("MGMT_TOKEN", "t0ken")
                .run("--url", server.url(), "doctor", "-p", "P");
            assertTrue(r.out().contains("[FAIL] permissions on proxies: read allowed (GET projects/P/apiProxies/ -> 200); "
                + "write unknown (POST projects/P/apiProxies/url/ -> 201: the manager accepted a body it documents as "
                + "invalid). WARNING: POST projects/P/apiProxies/url/ answered 201: it may have created or changed "
                + "proxies in project 'P'"), r.describe());
            assertEquals(12, r.exitCode(), r.describe());
        }
    }

    @Test
    void should_change_nothing() {
        int from = sandbox.requests().count();
        doctor(sandbox.adminToken(), "-p", "MyProject");
        long writes = sandbox.requests().list().subList(from, sandbox.requests().count()).stream()
            .filter(e -> !e.method().equals("GET")).count();
        assertEquals(12, writes, "the twelve write probes, nothing else");
        CliResult get = sandbox.cli().run("get", "env-vars", "-p", "MyProject", "-o", "name");
        assertEquals("BACKEND_BASE_URL\nPARTNER_API_KEY\n", get.out(), get.describe());
    }
}
