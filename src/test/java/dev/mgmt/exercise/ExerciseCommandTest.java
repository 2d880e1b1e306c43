package dev.mgmt.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.mgmt.json.Json;
import dev.mgmt.sandbox.RequestLog;
import dev.mgmt.sandbox.Sandbox;
import dev.mgmt.sandbox.SandboxConfig;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import dev.mgmt.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExerciseCommandTest {
    static final Path EXAMPLES = Path.of("examples");

    Sandbox sandbox;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        // a fresh sandbox per test: scenarios create and delete things
        sandbox = Sandbox.start(SandboxConfig.defaults());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    Cli cli() {
        return Cli.cli().env("MGMT_URL", sandbox.managerUrl().toString()).env("MGMT_TOKEN", sandbox.adminToken());
    }

    Path scenario(String yaml) throws Exception {
        Path f = dir.resolve("scenario.yaml");
        Files.writeString(f, yaml);
        return f;
    }


    @Test
    void should_pass_the_read_only_example() {
        CliResult r = cli().run("exercise", EXAMPLES.resolve("read-only.yaml").toString(), "-p", "MyProject", "-e", "production");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("[ok]   proxy details match the list"), r.describe());
        assertTrue(r.out().contains("PASSED: 7 passed, 0 failed, 0 skipped"), r.describe());
        assertEquals("", r.err(), r.describe());
    }

    @Test
    void should_pass_the_proxy_lifecycle_example_and_leave_nothing_behind() {
        CliResult r = cli().run("exercise", EXAMPLES.resolve("proxy-lifecycle.yaml").toString(), "-p", "MyProject",
            "-e", "staging");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("deploy to staging"), r.describe());
        assertTrue(r.out().contains("PASSED: 9 passed"), r.describe());
        assertTrue(SandboxExtension.ownRequests(sandbox).stream().anyMatch(e -> e.method().equals("POST") && e.path().endsWith("/apiProxies/url/")
                && e.bodyText().matches("(?s).*\"apiProxyName\":\"mgmt-exercise-[0-9a-f]{8}\".*")),
            "the body file's ${name} was expanded, with the run's ${run.id}");
        CliResult after = cli().run("get", "proxies", "-p", "MyProject", "-o", "name");
        assertFalse(after.out().contains("mgmt-exercise-"), after.describe());
    }

    /** The ids a run shows in its step lines ("id 1a2b3c4d"), in order. */
    static List<String> ids(CliResult r) {
        return java.util.regex.Pattern.compile("id ([^ \n]+)").matcher(r.out()).results().map(m -> m.group(1)).toList();
    }

    @Test
    void should_give_each_run_its_own_run_id_the_same_in_every_step() throws Exception {
        Path f = scenario(
            "vars: {tag: \"t-${run.id}\"}",
            "steps:",
            "  - name: first id ${run.id}",
            "    path: projects/",
            "    headers: {X-Run: \"${tag}\"}",
            "  - name: second id ${run.id}",
            "    path: projects/",
            "finally:",
            "  - name: cleanup id ${run.id}",
            "    path: projects/");
        CliResult one = cli().run("exercise", f.toString());
        assertEquals(0, one.exitCode(), one.describe());
        List<String> first = ids(one);
        assertEquals(3, first.size(), one.describe());
        assertTrue(first.get(0).matches("[0-9a-f]{8}"), one.describe());
        assertEquals(List.of(first.get(0), first.get(0), first.get(0)), first, "one id all through the run");
        assertEquals("t-" + first.get(0), SandboxExtension.ownRequests(sandbox).stream().filter(e -> e.header("X-Run") != null)
            .findFirst().orElseThrow().header("X-Run"), "a vars: value may use it");
        CliResult two = cli().run("exercise", f.toString());
        assertEquals(0, two.exitCode(), two.describe());
        assertFalse(ids(two).get(0).equals(first.get(0)), "another run, another id: " + first + " " + ids(two));
    }

    @Test
    void should_refuse_to_let_a_scenario_or_var_set_run_id_or_env() throws Exception {
        String builtIn = "'run.id' is built in (a random id fixed for each run) and cannot be set; use another name";
        CliResult inVars = cli().run("exercise", scenario("vars: {run.id: x}", "steps:", "  - path: projects/").toString());
        assertEquals(2, inVars.exitCode(), inVars.describe());
        assertTrue(inVars.err().contains("scenario.yaml:1: variable " + builtIn), inVars.describe());
        CliResult captured = cli().run("exercise", scenario("steps:", "  - path: projects/", "    capture:",
            "      run.id: $.resultCount").toString());
        assertEquals(2, captured.exitCode(), captured.describe());
        assertTrue(captured.err().contains("scenario.yaml:4: variable " + builtIn), captured.describe());
        CliResult option = cli().run("exercise", scenario("steps:", "  - path: projects/${run.id}/").toString(),
            "--var", "run.id=x");
        assertEquals(2, option.exitCode(), option.describe());
        assertTrue(option.err().contains("invalid --var 'run.id=x': " + builtIn), option.describe());
        String fromEnv = "'env.HOME' reads the environment variable HOME and cannot be set; export it, or use another name";
        CliResult envVar = cli().run("exercise", scenario("steps:", "  - path: projects/").toString(),
            "--var", "env.HOME=/x");
        assertEquals(2, envVar.exitCode(), envVar.describe());
        assertTrue(envVar.err().contains("invalid --var 'env.HOME=/x': " + fromEnv), envVar.describe());
        CliResult envInVars = cli().run("exercise", scenario("vars: {env.HOME: /x}", "steps:", "  - path: projects/")
            .toString());
        assertEquals(2, envInVars.exitCode(), envInVars.describe());
        assertTrue(envInVars.err().contains("scenario.yaml:1: variable " + fromEnv), envInVars.describe());
        CliResult other = cli().run("exercise", scenario("vars: {name: \"${project}-x\"}", "steps:", "  - path: projects/")
            .toString(), "-p", "MyProject");
        assertEquals(2, other.exitCode(), other.describe());
        assertTrue(other.err().contains("scenario.yaml:1: variable 'name' uses ${project}: a 'vars:' value may use only"
            + " ${run.id} (write $${ for a literal ${)"), other.describe());
        assertEquals(0, SandboxExtension.ownRequests(sandbox).size(), "nothing was sent");
    }

    @Test
    void should_skip_the_cleanup_of_what_a_failed_step_did_not_create_and_exit_with_its_code() {
        CliResult r = cli().env("MGMT_TOKEN", sandbox.readOnlyToken())
            .run("exercise", EXAMPLES.resolve("proxy-lifecycle.yaml").toString(), "-p", "MyProject", "-e", "staging");
        assertEquals(5, r.exitCode(), r.describe());
        assertTrue(r.out().contains("[FAIL] create the proxy"), r.describe());
        assertTrue(r.out().contains("expected status 200, got 403 forbidden"), r.describe());
        assertTrue(r.out().contains("[skip] deploy to staging"), r.describe());
        assertTrue(r.out().contains("[skip] finally: delete the proxy  (skipped: 'create the proxy' failed)"), r.describe());
        assertTrue(r.out().contains("[skip] finally: it is gone  (skipped: 'delete the proxy' was skipped)"), r.describe());
        // the decoded error and its checklist go to stderr
        assertTrue(r.err().contains("error: 403 forbidden"), r.describe());
        assertTrue(r.err().contains("checklist:"), r.describe());
        assertTrue(SandboxExtension.ownRequests(sandbox).stream().noneMatch(e -> e.method().equals("DELETE")),
            "nothing was created, so nothing is deleted");
    }

    @Test
    void should_capture_values_and_use_them_in_later_steps() throws Exception {
        Path f = scenario(String.join("\n",
            "steps:",
            "  - name: first proxy",
            "    path: projects/${project}/apiProxies/",
            "    capture:",
            "      proxy: $.resultList[0].name",
            "      count: $.resultCount",
            "  - name: its details",
            "    path: projects/${project}/apiProxies/${proxy}/",
            "    headers: {X-Run: \"${env.RUN_ID}\"}",
            "    expect:",
            "      body:",
            "        - {path: $.name, equals: \"${proxy}\"}",
            ""));
        CliResult r = cli().env("RUN_ID", "run-42").run("exercise", f.toString(), "-p", "MyProject");
        assertEquals(0, r.exitCode(), r.describe());
        RequestLog.Entry last = sandbox.requests().last();
        String first = Json.tryParse(cli().run("get", "proxies", "-p", "MyProject", "-o", "json").outBytes()).get(0)
            .get("name").asText();
        assertEquals("/apiops/projects/MyProject/apiProxies/" + first + "/",
            SandboxExtension.ownRequests(sandbox).stream().filter(e -> e.header("X-Run") != null).findFirst().orElseThrow().path());
        assertEquals("run-42", SandboxExtension.ownRequests(sandbox).stream().filter(e -> e.header("X-Run") != null).findFirst().orElseThrow()
            .header("X-Run"));
        assertTrue(last != null);
    }

    @Test
    void should_mask_a_captured_value_whose_name_says_it_is_secret() throws Exception {
        Path f = scenario(String.join("\n",
            "steps:",
            "  - name: first proxy",
            "    path: projects/${project}/apiProxies/",
            "    capture:",
            "      api-key: $.resultList[0].name",
            "  - name: its details",
            "    path: projects/${project}/apiProxies/",
            "    expect:",
            "      body:",
            "        - {path: \"$.resultList[0].name\", equals: \"not-${api-key}\"}",
            ""));
        CliResult r = cli().run("exercise", f.toString(), "-p", "MyProject", "--junit", dir.resolve("j.xml").toString());
        assertEquals(13, r.exitCode(), r.describe());
        String first = Json.tryParse(cli().run("get", "proxies", "-p", "MyProject", "-o", "json").outBytes()).get(0)
            .get("name").asText();
        assertTrue(r.out().contains("line 10: $.resultList[0].name is \"****"), r.describe());
        assertFalse(r.out().contains("\"" + first + "\"") || r.err().contains("\"" + first + "\""), r.describe());
        assertFalse(java.nio.file.Files.readString(dir.resolve("j.xml")).contains("\"" + first + "\""));
    }

    @Test
    void should_reject_an_undefined_variable_naming_the_step_before_sending_anything() throws Exception {
        Path f = scenario("steps:\n  - path: projects/\n  - name: uses it\n    path: projects/${project}/apiProxies/${nope}/\n");
        CliResult r = cli().run("exercise", f.toString(), "-p", "MyProject");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("step 'uses it' uses undefined variable ${nope}"), r.describe());
        assertTrue(r.err().contains(":3:"), r.describe());
        assertEquals(0, SandboxExtension.ownRequests(sandbox).size(), "nothing was sent");

        CliResult noProject = cli().run("exercise", f.toString().replace("x", "x"));
        assertEquals(2, noProject.exitCode(), noProject.describe());
        assertTrue(noProject.err().contains("${project}"), noProject.describe());
        assertTrue(noProject.err().contains("-p/--project"), noProject.describe());

        CliResult env = cli().run("exercise", scenario("steps:\n  - path: x/${env.NOT_SET_ANYWHERE}/\n").toString());
        assertEquals(2, env.exitCode(), env.describe());
        assertTrue(env.err().contains("set the environment variable NOT_SET_ANYWHERE"), env.describe());
        assertEquals(0, SandboxExtension.ownRequests(sandbox).size(), "nothing was sent");
    }

    @Test
    void should_reject_a_bad_scenario_with_exit_2_before_sending_anything() throws Exception {
        Path f = scenario("steps:\n  - path: projects/\n    expect:\n      body:\n        - {path: \"$[?(\", equals: 1}\n");
        CliResult r = cli().run("exercise", f.toString());
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("scenario.yaml:5: invalid JSONPath"), r.describe());
        assertEquals(0, SandboxExtension.ownRequests(sandbox).size());
        CliResult missing = cli().run("exercise", dir.resolve("none.yaml").toString());
        assertEquals(2, missing.exitCode(), missing.describe());
        assertTrue(missing.err().contains("no such file"), missing.describe());
        CliResult neither = cli().run("exercise");
        assertEquals(2, neither.exitCode(), neither.describe());
    }

    @Test
    void should_fail_assertions_status_mismatches_and_latency_ceilings_with_exit_13() throws Exception {
        Path f = scenario(String.join("\n",
            "steps:",
            "  - name: wrong assertion",
            "    path: projects/",
            "    expect:",
            "      maxLatency: 0ms",
            "      body:",
            "        - {path: \"$.resultList[*].name\", contains: \"NoSuchProject\"}",
            "        - {path: $.resultCount, equals: 3}",
            "  - name: never runs",
            "    path: projects/",
            ""));
        CliResult r = cli().run("exercise", f.toString(), "--keep-going");
        assertEquals(13, r.exitCode(), r.describe());
        assertTrue(r.out().contains("line 7: $.resultList[*].name is [\"MyProject\""), r.describe());
        assertTrue(r.out().contains("more than the ceiling of 0ms"), r.describe());
        assertFalse(r.out().contains("line 8:"), r.describe());
        assertTrue(r.out().contains("[ok]   never runs"), "--keep-going runs the rest\n" + r.describe());

        Path g = scenario("steps:\n  - path: projects/\n    expect: {status: 404}\n");
        CliResult s = cli().run("exercise", g.toString());
        assertEquals(13, s.exitCode(), s.describe());
        assertTrue(s.out().contains("expected status 404, got 200"), s.describe());
    }

    @Test
    void should_check_the_error_code_of_an_expected_failure() throws Exception {
        Path f = scenario(String.join("\n",
            "steps:",
            "  - path: projects/MyProject/apiProxies/nope/",
            "    expect: {status: 404, error: not_found}",
            "  - path: projects/MyProject/apiProxies/nope/",
            "    expect: {status: 404, error: conflict}",
            ""));
        CliResult r = cli().run("exercise", f.toString(), "--keep-going");
        assertEquals(13, r.exitCode(), r.describe());
        assertTrue(r.out().contains("expected error conflict, got not_found"), r.describe());
        assertTrue(r.out().contains("PASSED".equals("") ? "" : "1 passed, 1 failed"), r.describe());
    }

    @Test
    void should_write_junit_xml_that_parses_back() throws Exception {
        Path f = scenario(String.join("\n",
            "name: \"junit <&> check\"",
            "steps:",
            "  - name: ok step",
            "    path: projects/",
            "  - name: \"fails & <escapes>\"",
            "    path: projects/",
            "    expect: {status: 404}",
            "  - name: skipped step",
            "    path: projects/",
            "finally:",
            "  - name: cleanup",
            "    path: test/healthcheck",
            ""));
        Path xml = dir.resolve("report.xml");
        CliResult r = cli().run("exercise", f.toString(), "--junit", xml.toString());
        assertEquals(13, r.exitCode(), r.describe());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("junit <&> check", suite.getAttribute("name"));
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength());
        Element failed = (Element) cases.item(1);
        assertEquals("02 fails & <escapes>", failed.getAttribute("name"));
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").contains("expected status 404, got 200"));
        assertEquals(1, ((Element) cases.item(2)).getElementsByTagName("skipped").getLength());
        assertEquals("04 finally: cleanup", ((Element) cases.item(3)).getAttribute("name"));
        assertFalse(Files.readString(xml, StandardCharsets.UTF_8).contains(sandbox.adminToken()));
    }

    @Test
    void should_print_a_json_summary_on_stdout_and_step_lines_on_stderr() throws Exception {
        Path f = scenario("name: j\nsteps:\n  - {name: a, path: projects/}\n  - {name: b, path: nope/, expect: {status: 404}}\n");
        CliResult r = cli().run("exercise", f.toString(), "-o", "json");
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode j = Json.tryParse(r.outBytes());
        assertEquals("j", j.get("scenario").asText());
        assertTrue(j.get("passed").asBoolean());
        assertEquals(0, j.get("exit_code").asInt());
        assertEquals(2, j.get("counts").get("passed").asInt());
        assertEquals(2, j.get("steps").size());
        JsonNode b = j.get("steps").get(1);
        assertEquals("b", b.get("name").asText());
        assertEquals("pass", b.get("result").asText().substring(0, 4));
        assertEquals(404, b.get("status").asInt());
        assertEquals("step", b.get("phase").asText());
        assertTrue(b.get("elapsed_ms").isNumber());
        assertTrue(r.err().contains("[ok]   a"), r.describe());
    }

    @Test
    void should_report_a_network_failure_as_exit_10() throws Exception {
        Path f = scenario("steps:\n  - path: projects/\n");
        CliResult r = Cli.cli().env("MGMT_URL", "http://127.0.0.1:1/").env("MGMT_TOKEN", "t-123456789")
            .run("--quiet", "exercise", f.toString());
        assertEquals(10, r.exitCode(), r.describe());
        assertTrue(r.out().contains("no response"), r.describe());
        assertTrue(r.err().contains("cannot connect"), r.describe());
    }

    // ------------------------------------------- finally always runs, and undoes only what the run did

    List<RequestLog.Entry> sent(String method) {
        return SandboxExtension.ownRequests(sandbox).stream().filter(e -> e.method().equals(method)).toList();
    }

    Path scenario(String... lines) throws Exception {
        return scenario(String.join("\n", lines) + "\n");
    }

    static Element suite(Path xml) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        return (Element) doc.getElementsByTagName("testsuite").item(0);
    }

    @Test
    void should_touch_nothing_when_the_lifecycle_name_is_taken() {
        for (boolean keepGoing : List.of(false, true)) {
            List<String> args = new java.util.ArrayList<>(List.of("exercise", EXAMPLES.resolve("proxy-lifecycle.yaml")
                .toString(), "-p", "MyProject", "-e", "staging", "--var", "name=petstore-api"));
            if (keepGoing) {
                args.add("--keep-going");
            }
            CliResult r = cli().run(args.toArray(String[]::new));
            assertEquals(13, r.exitCode(), r.describe());
            assertTrue(r.out().contains("[FAIL] the name is free"), r.describe());
            assertTrue(r.out().contains("[skip] finally: undeploy from staging"), r.describe());
            assertTrue(r.out().contains("[skip] finally: delete the proxy  (skipped: 'create the proxy' "), r.describe());
            assertEquals(List.of(), sent("DELETE"), keepGoing + ": nothing it did not create is deleted");
            assertEquals(List.of(), sent("POST"), keepGoing + ": nothing is created or deployed");
            assertEquals(0, cli().run("get", "proxy", "petstore-api", "-p", "MyProject").exitCode());
        }
    }

    @Test
    void should_create_and_delete_a_free_name() {
        CliResult r = cli().run("exercise", EXAMPLES.resolve("proxy-lifecycle.yaml").toString(), "-p", "MyProject",
            "-e", "staging", "--var", "name=ci-free-42");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("PASSED: 9 passed, 0 failed, 0 skipped"), r.describe());
        assertEquals(List.of("/apiops/projects/MyProject/apiProxies/ci-free-42/environments/staging/",
            "/apiops/projects/MyProject/apiProxies/ci-free-42/"), sent("DELETE").stream().map(RequestLog.Entry::path).toList());
        assertEquals(6, cli().run("get", "proxy", "ci-free-42", "-p", "MyProject").exitCode());
    }

    @Test
    void should_run_the_read_only_example_to_the_end_against_empty_lists_and_write_junit() throws Exception {
        Path xml = dir.resolve("report.xml");
        CliResult r = cli().run("exercise", EXAMPLES.resolve("read-only.yaml").toString(), "-p", "demo", "-e", "staging",
            "--keep-going", "--junit", xml.toString());
        assertEquals(13, r.exitCode(), r.describe());
        assertFalse(r.err().contains("internal error"), r.describe());
        assertTrue(r.out().contains("[FAIL] proxy is listed once"), r.describe());
        assertTrue(r.out().contains("[skip] proxy details match the list  (skipped: ${proxyType} was never captured "
            + "('proxy is listed once' failed))"), r.describe());
        assertTrue(r.out().contains("[ok]   an unknown proxy is reported as missing"), r.describe());
        assertTrue(r.out().contains("FAILED: 5 passed, 1 failed, 1 skipped"), r.describe());
        Element suite = suite(xml);
        assertEquals("7", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
    }

    @Test
    void should_skip_a_step_whose_capture_matched_nothing_and_still_run_finally_and_write_junit() throws Exception {
        Path f = scenario(
            "steps:",
            "  - name: first proxy",
            "    path: projects/${project}/apiProxies/",
            "    capture: {first: \"$.resultList[0].name\"}",
            "  - name: uses it in expect.body",
            "    path: projects/${project}/apiProxies/",
            "    expect:",
            "      body:",
            "        - {path: \"$.resultList[*].name\", contains: \"${first}\"}",
            "finally:",
            "  - name: cleanup",
            "    method: DELETE",
            "    path: projects/${project}/environmentVariables/never-made/",
            "    expect: {status: [200, 400, 404]}");
        Path xml = dir.resolve("report.xml");
        CliResult r = cli().run("exercise", f.toString(), "-p", "demo", "--keep-going", "--junit", xml.toString());
        assertEquals(13, r.exitCode(), r.describe());
        assertTrue(r.out().contains("capture 'first': $.resultList[0].name matched nothing"), r.describe());
        assertTrue(r.out().contains("[skip] uses it in expect.body  (skipped: ${first} was never captured "
            + "('first proxy' failed))"), r.describe());
        assertTrue(r.out().contains("[ok]   finally: cleanup"), r.describe());
        assertEquals(1, sent("DELETE").size(), "the finally step was sent");
        assertEquals("3", suite(xml).getAttribute("tests"));
    }

    @Test
    void should_run_finally_after_an_interrupt_and_exit_130_with_junit_written() throws Exception {
        Thread cliThread = Thread.currentThread();
        CountDownLatch cleanedUp = new CountDownLatch(1);
        try (TestServer server = new TestServer()) {
            // Ctrl-C arrives while the first step waits for its answer (a held Interrupt interrupts the running thread).
            server.on("slow/", (HttpExchange ex) -> {
                cliThread.interrupt();
                try {
                    cleanedUp.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                TestServer.send(ex, TestServer.Reply.json(200, "{}"));
            });
            server.on("cleanup/", (HttpExchange ex) -> {
                cleanedUp.countDown();
                TestServer.send(ex, TestServer.Reply.json(200, "{}"));
            });
            Path f = scenario(
                "steps:",
                "  - {name: slow, path: slow/}",
                "  - {name: never sent, path: never/}",
                "finally:",
                "  - {name: cleanup, method: DELETE, path: cleanup/}");
            Path xml = dir.resolve("report.xml");
            CliResult r = Cli.cli().env("MGMT_URL", server.url()).env("MGMT_TOKEN", "t0k3n-for-the-test")
                .run("exercise", f.toString(), "--junit", xml.toString());
            Thread.interrupted();
            assertEquals(130, r.exitCode(), r.describe());
            assertTrue(r.out().contains("[FAIL] slow"), r.describe());
            assertTrue(r.out().contains("[skip] never sent  (skipped: interrupted)"), r.describe());
            assertTrue(r.out().contains("[ok]   finally: cleanup"), r.describe());
            assertTrue(r.out().contains("(interrupted)"), r.describe());
            assertEquals(List.of("/apiops/slow/", "/apiops/cleanup/"),
                server.requests().stream().map(TestServer.Seen::rawPath).toList());
            assertEquals("3", suite(xml).getAttribute("tests"));
            assertTrue(Files.readString(xml, StandardCharsets.UTF_8).contains("finally: cleanup"));
        }
    }
}
