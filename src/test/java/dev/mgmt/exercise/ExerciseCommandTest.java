package dev.mgmt.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.sandbox.RequestLog;
import dev.mgmt.sandbox.Sandbox;
import dev.mgmt.sandbox.SandboxConfig;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
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
            && e.bodyText().contains("\"apiProxyName\":\"mgmt-exercise-demo\"")), "the body file's ${name} was expanded");
        CliResult after = cli().run("get", "proxies", "-p", "MyProject", "-o", "name");
        assertFalse(after.out().contains("mgmt-exercise-demo"), after.describe());
    }

    @Test
    void should_run_finally_steps_after_a_failure_and_exit_with_the_failed_steps_code() {
        CliResult r = cli().env("MGMT_TOKEN", sandbox.readOnlyToken())
            .run("exercise", EXAMPLES.resolve("proxy-lifecycle.yaml").toString(), "-p", "MyProject", "-e", "staging");
        assertEquals(5, r.exitCode(), r.describe());
        assertTrue(r.out().contains("[FAIL] create the proxy"), r.describe());
        assertTrue(r.out().contains("expected status 200, got 403 forbidden"), r.describe());
        assertTrue(r.out().contains("[skip] deploy to staging"), r.describe());
        assertTrue(r.out().contains("[FAIL] finally: delete the proxy"), r.describe());
        assertTrue(r.out().contains("[ok]   finally: it is gone"), r.describe());
        // the decoded error and its checklist go to stderr
        assertTrue(r.err().contains("error: 403 forbidden"), r.describe());
        assertTrue(r.err().contains("checklist:"), r.describe());
        assertTrue(SandboxExtension.ownRequests(sandbox).stream().anyMatch(e -> e.method().equals("DELETE")), "finally step was sent");
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
}
