package dev.mgmt.exercise;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.report.Checklist;
import dev.mgmt.text.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run in which no main step was sent checked nothing, so it must not pass. The parser makes this
 * unreachable from a file today (the first step can have no {@code if:}, and every ${var} is checked
 * before the run), so the run is built here from a parsed scenario whose first step is given a
 * condition no earlier step meets: the guard holds whatever a later feature lets skip a first step.
 */
class ScenarioNotRunTest {
    @TempDir
    Path dir;

    private static final String YAML = String.join("\n",
        "name: nothing sent",
        "steps:",
        "  - {name: first, path: projects/}",
        "  - {name: second, path: projects/, if: {passed: first}}",
        "");

    private List<StepResult> runWithFirstStepSkipped() {
        Scenario parsed = ScenarioParser.parse(YAML.getBytes(StandardCharsets.UTF_8), dir.resolve("s.yaml"));
        Scenario.Step first = parsed.steps().get(0);
        Scenario.Step gated = new Scenario.Step(first.name(), first.line(), first.method(), first.path(), first.headers(),
            first.body(), first.expect(), first.captures(), new Scenario.Condition("a step that never ran"));
        Scenario sc = new Scenario(parsed.name(), parsed.file(), parsed.vars(), List.of(gated, parsed.steps().get(1)),
            List.of());
        ScenarioRunner.Session session = new ScenarioRunner.Session(() -> {
            throw new AssertionError("a skipped step sends nothing");
        }, new Redactor(), e -> Checklist.empty(), false);
        return new ScenarioRunner(session, sc, new Variables(name -> null), false, r -> { }).run();
    }

    @Test
    void should_say_nothing_ran_and_exit_13_when_every_step_was_skipped() {
        List<StepResult> results = runWithFirstStepSkipped();
        assertTrue(results.stream().allMatch(r -> r.outcome() == StepResult.Outcome.SKIPPED), results.toString());
        assertEquals("NOT RUN: 0 of 2 steps ran: 'a step that never ran' did not run; 'first' was skipped "
            + "(0 passed, 0 failed, 2 skipped in 5ms)", ExerciseReports.summaryLine(results, Duration.ofMillis(5)));
        assertEquals(ScenarioRunner.EXPECTATION_FAILED, ExerciseReports.exitCode(results));
    }

    @Test
    void should_say_so_in_json_and_mark_the_steps_skipped_in_junit() throws Exception {
        List<StepResult> results = runWithFirstStepSkipped();
        Scenario sc = ScenarioParser.parse(YAML.getBytes(StandardCharsets.UTF_8), dir.resolve("s.yaml"));
        ObjectNode json = ExerciseReports.json(sc, results, Duration.ofMillis(5), ExerciseReports.exitCode(results));
        assertFalse(json.get("passed").asBoolean());
        assertEquals(13, json.get("exit_code").asInt());
        assertEquals("0 of 2 steps ran: 'a step that never ran' did not run; 'first' was skipped",
            json.get("not_run").asText());

        Path xml = dir.resolve("report.xml");
        ExerciseReports.junit(xml, sc.name(), results, Instant.EPOCH, Duration.ofMillis(5), new Redactor());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("skipped"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals(2, doc.getElementsByTagName("skipped").getLength());
    }

    @Test
    void should_still_pass_when_a_step_ran_and_the_rest_were_skipped_by_design() {
        StepResult ran = new StepResult("first", "step", StepResult.Outcome.PASSED, "GET", "projects/", 200,
            Duration.ofMillis(1), List.of(), "", 0);
        StepResult gated = new StepResult("second", "step", StepResult.Outcome.SKIPPED, "GET", "projects/", 0, null,
            List.of("skipped: 'x' failed"), "", 0);
        assertNull(ExerciseReports.notRun(List.of(ran, gated)));
        assertEquals(0, ExerciseReports.exitCode(List.of(ran, gated)));
        assertTrue(ExerciseReports.summaryLine(List.of(ran, gated), Duration.ofMillis(1)).startsWith("PASSED: 1 passed"));
    }
}
