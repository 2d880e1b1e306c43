package dev.mgmt.exercise;

import dev.mgmt.errors.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioParserTest {
    @TempDir
    Path dir;

    private Scenario parse(String yaml) {
        return ScenarioParser.parse(yaml.getBytes(StandardCharsets.UTF_8), dir.resolve("s.yaml"));
    }

    private String problem(String yaml) {
        UsageException e = assertThrows(UsageException.class, () -> parse(yaml));
        return e.getMessage();
    }

    @Test
    void should_parse_every_part_of_a_good_scenario() throws Exception {
        Files.writeString(dir.resolve("body.yaml"), "apiProxyName: ${name}\nn: 1\n");
        Scenario sc = parse(String.join("\n",
            "name: demo",
            "vars: {name: p1, n: 3}",
            "steps:",
            "  - name: list",
            "    path: projects/${project}/apiProxies/",
            "    headers: {X-Trace: abc}",
            "    expect:",
            "      status: [200, 2xx]",
            "      error: not_found",
            "      maxLatency: 1500ms",
            "      body:",
            "        - {path: \"$.resultList[*].name\", contains: \"${name}\"}",
            "        - {path: $.resultCount, equals: 3}",
            "        - {path: $.x, exists: false}",
            "        - {path: $.resultList, count: 2}",
            "        - {path: $.status, matches: \"SUCC.*\"}",
            "    capture:",
            "      first: $.resultList[0].name",
            "  - method: post",
            "    path: x/",
            "    bodyFile: body.yaml",
            "finally:",
            "  - {method: DELETE, path: \"x/${first}/\"}",
            ""));
        assertEquals("demo", sc.name());
        assertEquals("p1", sc.vars().get("name"));
        assertEquals(2, sc.steps().size());
        assertEquals(1, sc.cleanup().size());
        Scenario.Step list = sc.steps().get(0);
        assertEquals(4, list.line());
        assertEquals("GET", list.method());
        assertEquals("abc", list.headers().get("X-Trace"));
        assertEquals(Duration.ofMillis(1500), list.expect().maxLatency());
        assertEquals(5, list.expect().assertions().size());
        assertEquals(12, list.expect().assertions().get(0).line());
        assertTrue(list.expect().accepts(204));
        assertEquals("not_found", list.expect().error());
        assertNotNull(list.captures().get("first"));
        Scenario.Step post = sc.steps().get(1);
        assertEquals("POST", post.method());
        assertEquals("POST x/", post.name());
        assertEquals("${name}", post.body().get("apiProxyName").asText());
    }

    @Test
    void should_name_the_line_of_an_unknown_top_level_key() {
        String m = problem("name: x\nstep:\n  - path: a/\n");
        assertTrue(m.contains("s.yaml:2: unknown key 'step'"), m);
        assertTrue(m.contains("did you mean 'steps'?"), m);
    }

    @Test
    void should_name_the_line_of_an_unknown_step_key_with_a_suggestion() {
        String m = problem("steps:\n  - path: a/\n    metod: GET\n");
        assertTrue(m.contains("s.yaml:3: unknown key 'metod' in step; did you mean 'method'?"), m);
    }

    @Test
    void should_name_the_line_of_an_unknown_expect_or_assertion_key() {
        assertTrue(problem("steps:\n  - path: a/\n    expect:\n      stauts: 200\n").contains("s.yaml:4: unknown key 'stauts'"));
        String m = problem("steps:\n  - path: a/\n    expect:\n      body:\n        - path: $.a\n          equal: 1\n");
        assertTrue(m.contains("s.yaml:6: unknown key 'equal' in assertion; did you mean 'equals'?"), m);
    }

    @Test
    void should_reject_a_bad_jsonpath_naming_its_line() {
        String m = problem("steps:\n  - path: a/\n    expect:\n      body:\n        - {path: \"$.resultList[?(@.name ==\", equals: 1}\n");
        assertTrue(m.startsWith(dir.resolve("s.yaml") + ":5: invalid JSONPath"), m);
        String c = problem("steps:\n  - path: a/\n    capture:\n      x: \"$..[\"\n");
        assertTrue(c.contains("s.yaml:4: invalid JSONPath"), c);
        String d = problem("steps:\n  - path: a/\n    capture:\n      x: resultList\n");
        assertTrue(d.contains("s.yaml:4: invalid JSONPath 'resultList': it must start with $"), d);
    }

    /** ${id} is compiled as 'x', so the compiler's position would count in another text: it is left out. */
    @Test
    void should_quote_a_bad_jsonpath_as_written_without_the_compilers_position() {
        String m = problem("steps:\n  - path: a/\n    capture:\n      x: \"$.${id}[x]\"\n");
        assertTrue(m.contains("s.yaml:4: invalid JSONPath '$.${id}[x]': Could not parse token. Expected ?, ', 0-9, *"), m);
        assertFalse(m.contains("position"), m);
    }

    @Test
    void should_reject_assertions_that_check_nothing_or_two_things() {
        assertTrue(problem("steps:\n  - path: a/\n    expect:\n      body:\n        - {path: $.a}\n")
            .contains(":5: assertion on $.a says nothing to check"));
        assertTrue(problem("steps:\n  - path: a/\n    expect:\n      body:\n        - {path: $.a, equals: 1, count: 1}\n")
            .contains("one check per assertion"));
        assertTrue(problem("steps:\n  - path: a/\n    expect:\n      body:\n        - {path: $.a, count: many}\n")
            .contains(":5: 'count' takes a whole number"));
        assertTrue(problem("steps:\n  - path: a/\n    expect:\n      body:\n        - {path: $.a, matches: \"[\"}\n")
            .contains("invalid regular expression"));
    }

    @Test
    void should_reject_bad_values_with_their_line() {
        assertTrue(problem("steps:\n  - path: a/\n    method: FETCH\n").contains(":3: unknown HTTP method 'FETCH'"));
        assertTrue(problem("steps:\n  - path: a/\n    expect:\n      status: 20\n").contains(":4: invalid status '20'"));
        assertTrue(problem("steps:\n  - path: a/\n    expect:\n      maxLatency: soon\n").contains(":4: invalid maxLatency"));
        assertTrue(problem("steps:\n  - name: no path\n").contains(":2: step 1 has no 'path:'"));
        assertTrue(problem("steps:\n  - path: a/${oops\n").contains(":2: unterminated '${'"));
        assertTrue(problem("steps:\n  - path: a/${bad name}/\n").contains(":2: invalid variable name"));
        assertTrue(problem("steps: []\n").contains("'steps' is empty"));
        assertTrue(problem("name: x\n").contains("missing 'steps:'"));
        assertTrue(problem("steps:\n  - path: a/\n    body: {}\n    bodyFile: b.json\n").contains(":4: give either"));
        assertTrue(problem("steps:\n  - path: a/\n    bodyFile: missing.json\n").contains(":3: bodyFile 'missing.json': cannot read"));
    }

    @Test
    void should_report_yaml_syntax_errors_with_their_line() {
        String m = problem("steps:\n  - path: a/\n   method: GET\n  - [\n");
        assertTrue(m.matches("(?s).*s\\.yaml:\\d+: invalid YAML.*"), m);
        assertTrue(problem("steps:\n  - path: a/\n    path: b/\n").contains("duplicate key 'path'"));
    }

    @Test
    void should_reject_a_body_file_with_invalid_json() throws Exception {
        Files.writeString(dir.resolve("b.json"), "{\"a\": }");
        String m = problem("steps:\n  - path: a/\n    bodyFile: b.json\n");
        assertTrue(m.contains(":3: bodyFile 'b.json': invalid JSON"), m);
    }

    @Test
    void should_read_if_passed_naming_an_earlier_step_as_written() {
        Scenario sc = parse(String.join("\n",
            "steps:",
            "  - {name: \"create ${name}\", method: POST, path: p/}",
            "finally:",
            "  - {name: delete, method: DELETE, path: p/, if: {passed: \"create ${name}\"}}",
            ""));
        assertEquals(new Scenario.Condition("create ${name}"), sc.cleanup().get(0).onlyIf());
        assertEquals(null, sc.steps().get(0).onlyIf());
    }

    @Test
    void should_refuse_an_if_that_names_no_earlier_step_naming_the_line() {
        assertEquals(dir.resolve("s.yaml") + ":5: 'if: {passed: create the proxie}' names no earlier step; did you mean 'create the proxy'?",
            problem("steps:\n  - {name: create the proxy, path: p/}\nfinally:\n  - name: delete\n"
                + "    if: {passed: create the proxie}\n    path: p/\n"));
        assertEquals(dir.resolve("s.yaml") + ":2: 'if: {passed: later}' names no earlier step (this is the first step)",
            problem("steps:\n  - {name: first, path: p/, if: {passed: later}}\n  - {name: later, path: p/}\n"));
        assertEquals(dir.resolve("s.yaml") + ":3: 'if: {passed: itself}' names no earlier step (earlier steps: a)",
            problem("steps:\n  - {name: a, path: p/}\n  - {name: itself, path: p/, if: {passed: itself}}\n"));
        assertEquals(dir.resolve("s.yaml") + ":4: 'if: {passed: same}' is ambiguous: steps on lines 2 and 3 share that name; "
            + "give them different names",
            problem("steps:\n  - {name: same, path: p/}\n  - {name: same, path: q/}\n  - {path: r/, if: {passed: same}}\n"));
    }

    @Test
    void should_refuse_an_if_of_the_wrong_shape() {
        assertTrue(problem("steps:\n  - {name: a, path: p/}\n  - {path: p/, if: a}\n")
            .startsWith(dir.resolve("s.yaml") + ":3: 'if' must be a mapping such as {passed: create the proxy}"));
        assertTrue(problem("steps:\n  - {name: a, path: p/}\n  - {path: p/, if: {passed: a, failed: a}}\n")
            .startsWith(dir.resolve("s.yaml") + ":3: unknown key 'failed' in if"));
        assertTrue(problem("steps:\n  - {name: a, path: p/}\n  - {path: p/, if: {passed: [a]}}\n")
            .startsWith(dir.resolve("s.yaml") + ":3: 'passed' must be text"));
    }
}
