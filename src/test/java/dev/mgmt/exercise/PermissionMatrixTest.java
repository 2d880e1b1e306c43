package dev.mgmt.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.WriteProbes;
import dev.mgmt.sandbox.RequestLog;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import dev.mgmt.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** exercise --smoke's permission matrix: admin and viewer against the sandbox, JSON, --require, harmlessness. */
class PermissionMatrixTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    /** Kinds whose writes the API offers, i.e. every kind with a probe. */
    static final List<String> WRITABLE = List.of("proxies", "endpoints", "policies", "connections", "credentials",
        "access", "env-vars", "proxy-groups", "certificates", "keystores", "keys", "jwks");

    static Cli cli(String token) {
        return sandbox.cli().env("MGMT_TOKEN", token);
    }

    /** The matrix row of one kind in the text output: "proxies  allowed  denied  POST ... -> 403". */
    static String row(CliResult r, String plural) {
        for (String line : r.out().split("\n")) {
            if (line.startsWith(plural + " ") && (line.contains(" allowed ") || line.contains(" denied ")
                || line.contains(" not checked ") || line.contains(" unknown "))) {
                return line.replaceAll(" {2,}", "  ");
            }
        }
        throw new AssertionError("no matrix row for " + plural + "\n" + r.describe());
    }

    @Test
    void should_have_a_probe_or_a_reason_for_every_kind() {
        for (Kind k : Kinds.all()) {
            boolean probe = WriteProbes.forKind(k) != null;
            boolean none = WriteProbes.noWrite(k) != null;
            assertTrue(probe != none, k.plural() + ": exactly one of a probe or a reason there is none");
            assertEquals(probe, WRITABLE.contains(k.plural()), k.plural());
        }
    }

    @Test
    void should_show_every_write_allowed_for_the_admin_token() {
        CliResult r = cli(sandbox.adminToken()).run("exercise", "--smoke", "-p", "MyProject");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().matches("(?s).*\nKIND +READ +WRITE +WRITE PROBE\n.*"), r.describe());
        for (String k : WRITABLE) {
            assertTrue(row(r, k).startsWith(k + "  allowed  allowed  "), row(r, k));
            assertTrue(row(r, k).endsWith(" -> 400"), row(r, k));
        }
        assertTrue(row(r, "projects").startsWith("projects  allowed  not checked  - (the Management API has no endpoint"),
            row(r, "projects"));
        assertTrue(row(r, "environments").contains("not checked"), row(r, "environments"));
        assertTrue(r.out().contains("14 kinds: read 14 allowed; write 12 allowed, 2 not checked\n"), r.describe());
        assertFalse(r.out().contains("writes were not tried"), r.describe());
        assertEquals("", r.err(), r.describe());
    }

    @Test
    void should_show_every_write_denied_for_the_viewer_token_and_keep_exit_0_without_require() {
        CliResult r = cli(sandbox.readOnlyToken()).run("exercise", "--smoke", "-p", "MyProject");
        assertEquals(0, r.exitCode(), r.describe());
        for (String k : WRITABLE) {
            assertTrue(row(r, k).startsWith(k + "  allowed  denied  "), row(r, k));
            assertTrue(row(r, k).endsWith(" -> 403"), row(r, k));
        }
        assertTrue(row(r, "proxies").contains("POST projects/MyProject/apiProxies/url/ -> 403"), row(r, "proxies"));
        assertTrue(row(r, "access").contains("PUT projects/MyProject/credentials/partner-app/access/"), row(r, "access"));
        assertTrue(r.out().contains("14 kinds: read 14 allowed; write 12 denied, 2 not checked\n"), r.describe());
        assertEquals("", r.err(), r.describe());
    }

    @Test
    void should_give_each_kind_read_write_probe_and_status_in_json() {
        JsonNode admin = json(cli(sandbox.adminToken()).run("exercise", "--smoke", "-p", "MyProject", "-o", "json"));
        JsonNode viewer = json(cli(sandbox.readOnlyToken()).run("exercise", "--smoke", "-p", "MyProject", "-o", "json"));
        JsonNode kinds = admin.get("permissions").get("kinds");
        assertEquals(14, kinds.size(), kinds.toString());
        for (int i = 0; i < kinds.size(); i++) {
            JsonNode a = kinds.get(i);
            JsonNode v = viewer.get("permissions").get("kinds").get(i);
            assertEquals(a.get("kind"), v.get("kind"));
            assertEquals("allowed", a.get("read").get("result").asText(), a.toString());
            assertEquals(200, a.get("read").get("status").asInt(), a.toString());
            assertTrue(a.get("read").get("probe").asText().startsWith("GET "), a.toString());
            Kind k = Kinds.find(a.get("kind").asText());
            if (WriteProbes.noWrite(k) != null) {
                assertEquals("not checked", a.get("write").get("result").asText(), a.toString());
                assertTrue(a.get("write").get("probe").isNull(), a.toString());
                assertTrue(a.get("write").get("status").isNull(), a.toString());
                assertEquals(WriteProbes.noWrite(k), a.get("write").get("detail").asText());
                continue;
            }
            assertEquals("allowed", a.get("write").get("result").asText(), a.toString());
            assertEquals(400, a.get("write").get("status").asInt(), a.toString());
            assertEquals(WriteProbes.forKind(k).why(), a.get("write").get("why_harmless").asText());
            assertEquals("denied", v.get("write").get("result").asText(), v.toString());
            assertEquals(403, v.get("write").get("status").asInt(), v.toString());
            assertEquals(a.get("write").get("probe"), v.get("write").get("probe"));
            assertTrue(v.get("write").get("detail").asText().startsWith("forbidden: "), v.toString());
        }
        assertEquals(0, admin.get("permissions").get("warnings").size());
        assertEquals("14 kinds: read 14 allowed; write 12 denied, 2 not checked",
            viewer.get("permissions").get("summary").asText());
        assertEquals(0, viewer.get("exit_code").asInt());
    }

    static JsonNode json(CliResult r) {
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode j = Json.tryParse(r.outBytes());
        assertNotNull(j, r.describe());
        return j;
    }

    @Test
    void should_exit_0_when_what_is_required_is_allowed() {
        CliResult admin = cli(sandbox.adminToken()).run("exercise", "--smoke", "-p", "MyProject", "--require", "read,write");
        assertEquals(0, admin.exitCode(), admin.describe());
        assertEquals("", admin.err(), admin.describe());
        CliResult viewer = cli(sandbox.readOnlyToken()).run("exercise", "--smoke", "-p", "MyProject", "--require", "read");
        assertEquals(0, viewer.exitCode(), viewer.describe());
        assertEquals("", viewer.err(), viewer.describe());
    }

    @Test
    void should_exit_5_and_name_each_denied_permission() {
        CliResult r = cli(sandbox.readOnlyToken()).run("exercise", "--smoke", "-p", "MyProject", "--require", "read",
            "--require", "proxy:write,jwks:write");
        assertEquals(5, r.exitCode(), r.describe());
        assertEquals("error: --require proxy:write: proxies write is denied (HTTP 403): forbidden: You do not have "
            + "permission to perform this action\n"
            + "error: --require jwk:write: jwks write is denied (HTTP 403): forbidden: You do not have permission to "
            + "perform this action\n", r.err(), r.describe());
        assertTrue(row(r, "proxies").contains("denied"), r.describe());

        CliResult all = cli(sandbox.readOnlyToken()).run("exercise", "--smoke", "-p", "MyProject", "--require", "write");
        assertEquals(5, all.exitCode(), all.describe());
        assertEquals(WRITABLE.size(), all.err().lines().count(), all.describe());
        assertFalse(all.err().contains("projects"), "projects have no writes to require\n" + all.describe());
    }

    @Test
    void should_exit_4_when_the_token_is_refused() {
        CliResult r = cli(sandbox.expiredToken()).run("exercise", "--smoke", "-p", "MyProject", "--require", "projects:read");
        assertEquals(4, r.exitCode(), r.describe());
        assertTrue(r.err().contains("error: --require project:read: projects read is denied (HTTP 401)"), r.describe());
    }

    @Test
    void should_exit_13_when_a_required_permission_was_not_checked() {
        CliResult r = cli(sandbox.adminToken()).run("exercise", "--smoke", "-p", "demo", "--require", "endpoint:write");
        assertEquals(13, r.exitCode(), r.describe());
        assertEquals("error: --require endpoint:write: endpoints write is not checked: no API proxy in demo to check "
            + "them on (--proxy)\n", r.err(), r.describe());
        assertTrue(row(r, "endpoints").startsWith("endpoints  not checked  not checked"), r.describe());

        CliResult noProject = cli(sandbox.adminToken()).run("exercise", "--smoke", "--require", "write");
        assertEquals(13, noProject.exitCode(), noProject.describe());
        assertTrue(noProject.err().contains("proxies write is not checked: no project: pass -p/--project"),
            noProject.describe());
    }

    /** Kinds the API cannot list have no row in the matrix: they were once met by having nothing to fail (exit 0). */
    @Test
    void should_refuse_to_require_what_the_sweep_never_checks() {
        for (String need : List.of("ip-group:read", "rlcls:write", "geolocation:read")) {
            int before = sandbox.requests().count();
            CliResult r = cli(sandbox.adminToken()).run("exercise", "--smoke", "-p", "MyProject", "--require", need);
            assertEquals(2, r.exitCode(), r.describe());
            String plural = Kinds.find(need.substring(0, need.indexOf(':'))).plural();
            assertEquals("error: --require " + need + ": the sweep does not check " + plural
                + " (the API cannot list them)\n", r.err(), r.describe());
            assertEquals("", r.out(), r.describe());
            assertEquals(before, sandbox.requests().count(), "nothing is sent for " + need);
        }
    }

    @Test
    void should_not_meet_a_need_that_no_row_answers() {
        PermissionRequirements.Verdict v = PermissionRequirements.parse(List.of("read", "proxy:write")).check(List.of());
        assertEquals(13, v.exit());
        assertEquals(List.of("--require read: not checked: the sweep has no such permission",
            "--require proxy:write: not checked: the sweep has no such permission"), v.lines());
    }

    @Test
    void should_exit_13_when_the_answer_is_unknown() {
        CliResult r = cli(sandbox.adminToken()).run("exercise", "--smoke", "-p", "NoSuchProject", "--require", "proxy:write");
        assertEquals(13, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: --require proxy:write: proxies write is unknown (HTTP 404): "), r.describe());
        assertTrue(row(r, "proxies").startsWith("proxies  unknown  unknown  POST projects/NoSuchProject/apiProxies/url/ -> 404"),
            r.describe());
    }

    @Test
    void should_exit_10_when_the_manager_cannot_be_reached() {
        CliResult r = Cli.cli().env("MGMT_URL", "http://127.0.0.1:1/").env("MGMT_TOKEN", "t-123456789")
            .run("exercise", "--smoke", "-p", "MyProject", "--require", "proxy:write");
        assertEquals(10, r.exitCode(), "as the sweep without --require: nothing answered\n" + r.describe());
        assertTrue(r.err().startsWith("error: --require proxy:write: proxies write is unknown: cannot connect to "
            + "127.0.0.1:1"), r.describe());
    }

    @Test
    void should_not_take_a_400_for_allowed_where_the_list_answered_404() {
        // The sandbox, like a manager may, refuses a bad certificate body before it looks for the project.
        CliResult r = cli(sandbox.adminToken()).run("exercise", "--smoke", "-p", "NoSuchProject", "--require",
            "certificate:write");
        assertEquals(13, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: --require certificate:write: certificates write is unknown (HTTP 400): "
            + "the list answered 404"), r.describe());
        for (String kind : WRITABLE) {
            if (!kind.equals("endpoints") && !kind.equals("policies") && !kind.equals("access")) {
                assertTrue(row(r, kind).startsWith(kind + "  unknown  unknown  "), r.describe());
            }
        }
    }

    @Test
    void should_refuse_a_bad_require_before_sending_anything() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("execute", "error: invalid --require item 'execute': expected read, write, KIND:read or KIND:write");
        cases.put("read,", "error: invalid --require 'read,': an empty item");
        cases.put("project:write", "error: --require project:write: the Management API has no endpoint that creates or "
            + "changes projects");
        cases.put("prox:write", "error: unknown resource kind 'prox'");
        cases.put("reports:read", "error: --require reports:read: reports are for administrators");
        cases.put("proxy:delete", "error: invalid --require item 'proxy:delete'");
        for (var c : cases.entrySet()) {
            int before = sandbox.requests().count();
            CliResult r = cli(sandbox.adminToken()).run("exercise", "--smoke", "-p", "MyProject", "--require", c.getKey());
            assertEquals(2, r.exitCode(), r.describe());
            assertTrue(r.err().startsWith(c.getValue()), c.getKey() + "\n" + r.describe());
            assertEquals("", r.out(), r.describe());
            assertEquals(before, sandbox.requests().count(), "nothing is sent for " + c.getKey());
        }
        int before = sandbox.requests().count();
        CliResult r = cli(sandbox.adminToken()).run("exercise", "examples/read-only.yaml", "--require", "read");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: --require applies to --smoke only"), r.describe());
        assertEquals(before, sandbox.requests().count());
    }

    @Test
    void should_change_nothing_and_send_only_the_documented_probes() {
        Map<String, String> before = snapshot();
        int from = sandbox.requests().count();
        assertEquals(0, cli(sandbox.adminToken()).run("exercise", "--smoke", "-p", "MyProject").exitCode());
        List<RequestLog.Entry> sent = sandbox.requests().list().subList(from, sandbox.requests().count());
        List<String> writes = new ArrayList<>();
        for (RequestLog.Entry e : sent) {
            if (!e.method().equals("GET")) {
                writes.add(e.method() + " " + e.path());
                assertTrue(e.bodyText().equals("{}") || e.bodyText().equals("{\"credentialAccessList\":[{}]}")
                    || e.bodyText().equals("--mgmt-permission-probe--\r\n"), e.bodyText());
            }
        }
        assertEquals(WRITABLE.size(), writes.size(), String.join("\n", writes));
        assertEquals(before, snapshot(), "the sandbox's data is unchanged");
    }

    /** Every kind's list, as the admin sees it. */
    static Map<String, String> snapshot() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Kind k : Kinds.all()) {
            List<String> args = new ArrayList<>(List.of("get", k.plural(), "-o", "json"));
            switch (k.scope()) {
                case GLOBAL -> { }
                case PROXY -> args.addAll(List.of("-p", "MyProject", "--proxy", "Address"));
                case CREDENTIAL -> args.addAll(List.of("-p", "MyProject", "--credential", "partner-app"));
                default -> args.addAll(List.of("-p", "MyProject"));
            }
            CliResult r = cli(sandbox.adminToken()).run(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.describe());
            out.put(k.plural(), r.out());
        }
        return out;
    }

    @Test
    void should_warn_loudly_when_a_probe_is_accepted() throws Exception {
        try (TestServer server = new TestServer()) {
            server.on("projects/", TestServer.Reply.json(200, "{\"resultList\":[{\"name\":\"P\"}]}"))
                .on("projects/P/apiProxies/", TestServer.Reply.json(200, "{\"resultList\":[]}"))
                .on("projects/P/apiProxies/url/", TestServer.Reply.json(200, "{\"success\":true}"));
            CliResult r = Cli.cli().env("MGMT_URL", server.url()).env("MGMT_TOKEN", "t0ken")
                .run("exercise", "--smoke", "-p", "P", "--require", "proxy:write", "-o", "json");
            assertEquals(13, r.exitCode(), r.describe());
            String warning = "warning: POST projects/P/apiProxies/url/ answered 200: it may have created or changed "
                + "proxies in project 'P' (look for 'mgmt-permission-probe' or an unnamed one) and remove it";
            assertTrue(r.err().startsWith(warning + "\n"), r.describe());
            assertTrue(r.err().contains("error: --require proxy:write: proxies write is unknown (HTTP 200)"), r.describe());
            JsonNode j = Json.tryParse(r.outBytes());
            assertEquals(warning, j.get("permissions").get("warnings").get(0).asText());
            JsonNode proxies = j.get("permissions").get("kinds").get(2);
            assertEquals("proxy", proxies.get("kind").asText());
            assertEquals("unknown", proxies.get("write").get("result").asText());
            assertEquals(200, proxies.get("write").get("status").asInt());
            assertEquals(13, j.get("exit_code").asInt());
        }
    }

    @Test
    void should_not_mistake_a_sign_in_page_or_a_reported_failure_for_a_created_object() throws Exception {
        try (TestServer server = new TestServer()) {
            server.on("projects/", TestServer.Reply.json(200, "{\"resultList\":[{\"name\":\"P\"}]}"))
                .on("projects/P/apiProxies/", TestServer.Reply.json(200, "{\"resultList\":[]}"))
                .on("projects/P/apiProxies/url/", TestServer.Reply.html(200,
                    "<html><head><title>Sign in</title></head><body><form action=\"/login\"></form></body></html>"))
                .on("projects/P/jwks/", TestServer.Reply.json(200, "{\"status\":\"FAILURE\",\"errorMessage\":\"nope\"}"));
            CliResult r = Cli.cli().env("MGMT_URL", server.url()).env("MGMT_TOKEN", "t0ken")
                .run("exercise", "--smoke", "-p", "P", "--require", "proxy:write,jwk:write");
            assertEquals(13, r.exitCode(), r.describe());
            assertFalse(r.err().contains("warning:"), r.describe());
            assertTrue(r.err().contains("error: --require proxy:write: proxies write is unknown (HTTP 200): "), r.describe());
            assertTrue(r.err().contains("error: --require jwk:write: jwks write is unknown (HTTP 200): "), r.describe());
            assertTrue(row(r, "proxies").startsWith("proxies  allowed  unknown  "), r.describe());
        }
    }
}
