package dev.mgmt.exercise.locust;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.sandbox.Sandbox;
import dev.mgmt.sandbox.SandboxConfig;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code exercise --export locust}: the file compiles, holds no token or URL, sends nothing while being
 * made, and (run by a stand-in for Locust against canned answers) sends what the scenario says and
 * judges the answers as 'mgmt exercise' does. What cannot be translated is exit 2, naming the step.
 */
class LocustExportTest {
    static Sandbox sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.defaults());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static Cli cli() {
        return Cli.cli().env("MGMT_URL", sandbox.managerUrl().toString()).env("MGMT_TOKEN", sandbox.adminToken());
    }

    Path scenario(String... lines) throws Exception {
        Path f = dir.resolve("scenario.yaml");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    /** mgmt exercise SCENARIO --export locust -p MyProject MORE..., asserting that it sent nothing. */
    static CliResult exporting(Path scenario, String... more) {
        List<String> args = new ArrayList<>(List.of("exercise", scenario.toString(), "--export", "locust", "-p", "MyProject"));
        args.addAll(List.of(more));
        int before = SandboxExtension.ownRequests(sandbox).size();
        CliResult r = cli().run(args.toArray(String[]::new));
        assertEquals(before, SandboxExtension.ownRequests(sandbox).size(), "exporting sends nothing");
        return r;
    }

    Path export(Path scenario, String... more) throws Exception {
        CliResult r = exporting(scenario, more);
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("", r.err(), r.describe());
        assertFalse(r.out().contains(sandbox.adminToken()), "the token is not in the file");
        assertFalse(r.out().contains(Integer.toString(sandbox.port())), "the manager URL is not in the file");
        Path file = dir.resolve("locustfile.py");
        Files.write(file, r.outBytes());
        Python.compiles(file);
        return file;
    }

    /** One pass of the exported user against these answers: what it sent and what it reported. */
    JsonNode pass(Path locustfile, Map<String, String> env, String... answers) throws Exception {
        return passes(locustfile, env, 1, 1, answers);
    }

    /** Each of that many users (one after another) starts, then makes that many passes. */
    JsonNode passes(Path locustfile, Map<String, String> env, int users, int passes, String... answers) throws Exception {
        Path harness = dir.resolve("fake_locust.py");
        try (InputStream in = getClass().getResourceAsStream("fake_locust.py")) {
            Files.write(harness, in.readAllBytes());
        }
        Path responses = dir.resolve("responses.json");
        Files.writeString(responses, "[" + String.join(",", answers) + "]");
        Map<String, String> all = new HashMap<>(Map.of("MGMT_TOKEN", "tok-123"));
        all.put("MGMT_URL", null);
        all.put("MGMT_PROJECT", null);
        all.put("MGMT_ENVIRONMENT", null);
        all.putAll(env);
        return Json.mapper().readTree(Python.run(dir, all, harness.toString(), locustfile.toString(), responses.toString(),
            Integer.toString(users), Integer.toString(passes)));
    }

    static String answer(int status, String body) {
        return "{\"status\": " + status + ", \"body\": " + Json.mapper().valueToTree(body) + "}";
    }

    @Test
    void should_export_both_examples_as_python_that_compiles() throws Exception {
        Path lifecycle = export(Path.of("examples/proxy-lifecycle.yaml").toAbsolutePath(), "-e", "staging");
        String text = Files.readString(lifecycle);
        assertTrue(text.contains("        finally:\n"), "the finally steps run whatever happened");
        assertTrue(text.contains("only_if=\"create the proxy\""), text);
        assertTrue(text.contains("\"apiProxyName\": \"${name}\""), "the bodyFile is in the file, its ${name} for run time");
        export(Path.of("examples/read-only.yaml").toAbsolutePath(), "-e", "production");
    }

    @Test
    void should_give_each_user_its_own_run_id_kept_through_its_passes() throws Exception {
        Path f = scenario(
            "vars: {name: \"demo-${run.id}\", literal: \"$${run.id}\"}",
            "steps:",
            "  - name: create",
            "    path: projects/${project}/apiProxies/${name}/",
            "    headers: {X-Run: \"${run.id}\", X-Literal: \"${literal} ${dollar}\"}");
        Path file = export(f, "--var", "dollar=${run.id}");
        String text = Files.readString(file);
        assertTrue(text.contains("    def on_start(self):\n        # One per user, so that users (on any worker) never create"
            + " the same names.\n        self.run_id = new_run_id()\n"), text);
        assertTrue(text.contains("\"name\": \"demo-${run.id}\""), "filled per user at run time, not at export: " + text);
        JsonNode sent = passes(file, Map.of(), 2, 2).get("sent");
        assertEquals(4, sent.size(), sent.toString());
        List<String> ids = new ArrayList<>();
        for (JsonNode s : sent) {
            String id = s.get("headers").get("X-Run").asText();
            assertTrue(id.matches("[0-9a-f]{8}"), id);
            assertEquals("http://manager.example/base/apiops/projects/MyProject/apiProxies/demo-" + id + "/",
                s.get("url").asText());
            assertEquals("${run.id} ${run.id}", s.get("headers").get("X-Literal").asText(), "$${ and --var are literal");
            ids.add(id);
        }
        assertEquals(ids.get(0), ids.get(1), "one user keeps its id from pass to pass");
        assertEquals(ids.get(2), ids.get(3), "one user keeps its id from pass to pass");
        assertFalse(ids.get(0).equals(ids.get(2)), "two users never share an id: " + ids);
        assertEquals(0, sent.get(0).get("user").asInt());
        assertEquals(1, sent.get(2).get("user").asInt());
    }

    @Test
    void should_send_awkward_text_exactly_as_written() throws Exception {
        Path f = scenario(
            "name: \"quote \\\" backslash \\\\ braces {} {{x}} unicode \\u00fc \\U0001F600\"",
            "vars: {who: \"O'Brien \\\"Bob\\\" \\\\ {0}\"}",
            "steps:",
            "  - name: \"say \\\"hi\\\" \\\\ {x} %s \\u00fc \\U0001F600\\nsecond line\"",
            "    method: POST",
            "    path: \"projects/My Project \\u00fc/apiProxies/?q=a b\"",
            "    headers: {X-Note: \"tab\\there ${who}\"}",
            "    body:",
            "      \"k\\\"ey {}\": \"${who} \\u00fc \\U0001F600 \\n \\\\ $${literal}\"",
            "      list: [1, 2.5, -3e2, true, null, \"\\t\"]",
            "      nested: {\"{}\": {\"'\": \"\\\"\"}}");
        Path file = export(f);
        JsonNode out = pass(file, Map.of(), answer(200, "{}"));
        JsonNode sent = out.get("sent").get(0);
        assertEquals("say \"hi\" \\ {x} %s ü 😀\nsecond line", sent.get("name").asText());
        assertEquals("http://manager.example/base/apiops/projects/My%20Project%20%C3%BC/apiProxies/?q=a%20b",
            sent.get("url").asText());
        assertEquals("tab\there O'Brien \"Bob\" \\ {0}", sent.get("headers").get("X-Note").asText());
        assertEquals(Json.mapper().readTree("{\"k\\\"ey {}\": \"O'Brien \\\"Bob\\\" \\\\ {0} ü 😀 \\n \\\\ ${literal}\","
                + " \"list\": [1, 2.5, -300.0, true, null, \"\\t\"], \"nested\": {\"{}\": {\"'\": \"\\\"\"}}}"),
            Json.mapper().readTree(sent.get("body").asText()));
        assertEquals("application/json", sent.get("headers").get("Content-Type").asText());
        assertEquals("Bearer tok-123", sent.get("headers").get("Authorization").asText());
        assertFalse(sent.get("allow_redirects").asBoolean(), "the token never follows a redirect elsewhere");
        assertTrue(sent.get("catch_response").asBoolean());
        assertTrue(out.get("reports").get(0).get("ok").asBoolean(), out.toString());
        assertTrue(Files.readString(file).contains("SCENARIO = \"quote \\\" backslash \\\\ braces {} {{x}} unicode \\xfc"
            + " \\U0001f600\""), "escaped as Python reads it back");
    }

    @Test
    void should_pass_captures_on_stop_at_a_failure_and_still_run_the_finally_steps() throws Exception {
        Path f = scenario(
            "steps:",
            "  - name: create",
            "    method: POST",
            "    path: projects/${project}/things/",
            "    capture: {id: $.id, apiToken: $.token, apiKey: $.key}",
            "  - name: check it",
            "    path: projects/${project}/things/${id}",
            "    expect:",
            "      status: 200",
            "      body:",
            "        - {path: \"$.items[?(@.id == '${id}')].state\", equals: [ready]}",
            "        - {path: $.owner, matches: \"^o-[0-9]+$\"}",
            "        - {path: $.t, equals: \"${id}\"}",
            "        - {path: $.k, equals: \"${id}\"}",
            "  - name: never sent",
            "    path: projects/",
            "finally:",
            "  - name: delete",
            "    if: {passed: create}",
            "    method: DELETE",
            "    path: projects/${project}/things/${id}/",
            "  - name: not created, not checked",
            "    if: {passed: check it}",
            "    path: projects/");
        Path file = export(f);
        JsonNode out = pass(file, Map.of(),
            answer(200, "{\"id\": \"t-1\", \"token\": \"s3cret-value\", \"key\": \"k3y-value\"}"),
            answer(200, "{\"items\": [{\"id\": \"t-1\", \"state\": \"busy\"}], \"owner\": \"o-12\", \"t\": \"s3cret-value\", "
                + "\"k\": \"k3y-value\"}"),
            answer(200, "{}"));
        List<String> urls = out.get("sent").findValuesAsText("url");
        assertEquals(List.of("http://manager.example/base/apiops/projects/MyProject/things/",
            "http://manager.example/base/apiops/projects/MyProject/things/t-1/",
            "http://manager.example/base/apiops/projects/MyProject/things/t-1/"), urls);
        assertEquals("DELETE", out.get("sent").get(2).get("method").asText());
        JsonNode failed = out.get("reports").get(1);
        assertFalse(failed.get("ok").asBoolean(), out.toString());
        assertEquals("line 11: $.items[?(@.id == 't-1')].state is [\"busy\"], expected [\"ready\"]; "
            + "line 13: $.t is \"***\", expected \"t-1\"; line 14: $.k is \"***\", expected \"t-1\"",
            failed.get("why").asText(), "captured secrets (apiToken, apiKey) are masked in what goes to the master");
        assertTrue(out.get("reports").get(2).get("ok").asBoolean(), out.toString());
    }

    @Test
    void should_report_status_error_codes_failures_in_a_2xx_and_latency_as_locust_does_failures() throws Exception {
        Path f = scenario(
            "steps:",
            "  - name: wrong status",
            "    path: a",
            "    expect: {status: [200, 2xx]}",
            "  - name: reported failure",
            "    path: b",
            "  - name: error code",
            "    path: c",
            "    expect: {status: 4xx, error: not_found}",
            "  - name: slow",
            "    path: d",
            "    expect: {maxLatency: 5ms}",
            "  - name: web page",
            "    path: e");
        Path file = export(f, "--keep-going");
        JsonNode out = pass(file, Map.of(),
            answer(404, "{\"error\": \"not_found\", \"error_description\": \"no such thing\"}"),
            answer(200, "{\"success\": false, \"message\": \"quota exceeded\"}"),
            answer(409, "{\"error\": \"conflict\"}"),
            "{\"status\": 200, \"body\": \"{}\", \"ms\": 12}",
            "{\"status\": 200, \"body\": \"<html><title>Sign in</title></html>\", \"headers\": {\"Content-Type\": \"text/html\"}}");
        List<String> why = out.get("reports").findValuesAsText("why");
        assertEquals(List.of("expected status 200 or 2xx, got 404 not_found: no such thing",
            "the server answered 200 but reported a failure: quota exceeded",
            "expected error not_found, got conflict",
            "took 12ms, more than the ceiling of 5ms",
            "a web page answered at http://manager.example/base/apiops/e/, not the Management API; check that MGMT_URL"
                + " or --host is the API's address"), why);
    }

    @Test
    void should_read_the_token_and_env_variables_on_the_worker_and_stop_without_them() throws Exception {
        Path f = scenario(
            "steps:",
            "  - path: projects/${project}/",
            "    headers: {X-Run: \"${env.RUN_ID}\", Authorization: \"Bearer ${env.OTHER_TOKEN}\"}");
        Path file = export(f);
        assertFalse(Files.readString(file).contains("tok-123"));
        JsonNode out = pass(file, Map.of("RUN_ID", "r-9", "OTHER_TOKEN", "o-1", "MGMT_PROJECT", "Other"),
            answer(200, "{}"));
        JsonNode sent = out.get("sent").get(0);
        assertEquals("r-9", sent.get("headers").get("X-Run").asText());
        assertEquals("Bearer o-1", sent.get("headers").get("Authorization").asText(), "the scenario's header wins");
        assertEquals("http://manager.example/base/apiops/projects/Other/", sent.get("url").asText(),
            "MGMT_PROJECT on the worker replaces -p");

        Map<String, String> none = new HashMap<>();
        none.put("MGMT_TOKEN", null);
        JsonNode stopped = pass(file, none);
        assertTrue(stopped.get("stopped").asBoolean(), stopped.toString());
        assertEquals(0, stopped.get("sent").size(), stopped.toString());
        assertEquals("not set on this worker: MGMT_TOKEN, OTHER_TOKEN, RUN_ID",
            stopped.get("reports").get(0).get("why").asText());
    }

    void rejected(Path scenario, String message, String... more) {
        CliResult r = exporting(scenario, more);
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals("", r.out(), r.describe());
        assertTrue(r.err().lines().findFirst().orElse("").contains(message), r.describe());
    }

    @Test
    void should_refuse_what_it_cannot_translate_naming_the_step_and_feature() throws Exception {
        rejected(scenario("steps:", "  - name: deep", "    path: projects/", "    expect:",
                "      body: [{path: $..name, exists: true}]"),
            ":2: step 'deep': line 5: '$..name exists true': JSONPath the deep scan '..' cannot be exported to Locust");
        rejected(scenario("steps:", "  - name: sliced", "    path: projects/", "    capture: {two: \"$.resultList[0:2]\"}"),
            "step 'sliced': line 4: capture 'two': JSONPath an array slice [a:b] cannot be exported");
        rejected(scenario("steps:", "  - path: projects/", "finally:", "  - name: letters", "    path: projects/",
                "    expect:", "      body: [{path: $.name, matches: \"\\\\p{L}+\"}]"),
            "finally step 'letters': line 7: '$.name matches \"\\p{L}+\"': the regular expression uses the escape \\p");
        rejected(scenario("steps:", "  - name: basic", "    path: projects/", "    headers: {Authorization: Basic YTpi}"),
            "step 'basic': header 'Authorization' holds a literal credential");
        rejected(scenario("steps:", "  - name: user", "    method: POST", "    path: users/",
                "    body: {user: {name: x, password: hunter2}}"),
            "step 'user': body field 'user.password' holds a literal secret");
        rejected(scenario("steps:", "  - path: projects/${apiToken}/"),
            "variable 'apiToken' looks secret", "--var", "apiToken=abc");
        rejected(scenario("steps:", "  - name: full", "    path: https://elsewhere.example/x"),
            "step 'full': PATH 'https://elsewhere.example/x' is a full URL");
        rejected(scenario("steps:", "  - name: uses it", "    path: projects/${nope}/"),
            "step 'uses it' uses undefined variable ${nope}");
    }

    @Test
    void should_reject_export_options_that_do_not_fit() throws Exception {
        Path f = scenario("steps:", "  - path: projects/");
        CliResult k6 = cli().run("exercise", f.toString(), "--export", "k6");
        assertEquals(2, k6.exitCode(), k6.describe());
        assertEquals("", k6.out(), k6.describe());
        assertTrue(k6.err().contains("unknown --export format 'k6': expected locust"), k6.describe());
        rejected(f, "--export takes a SCENARIO file and writes only the exported file (no --junit)", "--junit",
            dir.resolve("j.xml").toString());
        CliResult smoke = cli().run("exercise", "--smoke", "--export", "locust");
        assertEquals(2, smoke.exitCode(), smoke.describe());
        assertTrue(smoke.err().contains("(no --smoke)"), smoke.describe());
    }
}
