package dev.mgmt.exercise;

import dev.mgmt.errors.UsageException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scenario files are user input: any text gives a scenario or a usage error naming the file and a
 * line (exit 2), never another exception. Texts are built from scenario fragments, so most of
 * them get past the YAML reader and into the checks.
 */
class ScenarioParserPropertyTest {
    private static final Path FILE = Path.of("s.yaml");
    private static final Pattern NAMES_A_LINE = Pattern.compile("^s\\.yaml(:\\d+)?: .+|^line \\d+: .+");

    @Property(tries = 200, seed = "20261202")
    void any_text_is_a_scenario_or_a_usage_error_naming_a_line(@ForAll("scenarioLike") String text) {
        outcome(text);
    }

    @Property(tries = 300, seed = "20261202")
    void any_characters_are_a_scenario_or_a_usage_error(@ForAll String text) {
        outcome(text);
    }

    private static void outcome(String text) {
        try {
            ScenarioParser.parse(text.getBytes(StandardCharsets.UTF_8), FILE);
        } catch (UsageException e) {
            String m = e.getMessage();
            assertTrue(m != null && !m.contains("\n") && NAMES_A_LINE.matcher(m).matches(), "for " + text + ": " + m);
            assertTrue(!m.contains("jackson") && !m.contains("Exception"), "for " + text + ": " + m);
        }
    }

    /** Well-formed steps with fields picked from good and bad values, then sometimes one line broken. */
    @Provide
    Arbitrary<String> scenarioLike() {
        // Mostly good fields, so that most texts get past the early checks to the later ones.
        Arbitrary<String> good = Arbitraries.of(
            "name: a", "name: b", "name: \"c ${v}\"", "method: DELETE", "if: {passed: a}", "if: {passed: b}",
            "expect: {status: [200, 2xx]}", "expect: {maxLatency: 5s}",
            "expect: {body: [{path: $.x, count: 1}]}", "capture: {v: $.resultList[0].name}", "headers: {X-A: b}",
            "body: {a: \"${v}\"}");
        Arbitrary<String> bad = Arbitraries.of(
            "method: FETCH", "method: [x]", "if: {passed: nope}", "if: {passed: \"c ${v}\"}", "if: a",
            "if: {passed: [a]}", "if: {failed: a}",
            "expect: {status: 999}", "expect: {maxLatency: soon}", "expect: {body: [{path: \"$[?(\", equals: 1}]}",
            "expect: {body: [{path: $.y, matches: \"(\"}]}", "expect: {body: [{path: $.y}]}", "expect: {bogus: 1}",
            "expect: 3", "capture: {env.x: $.a}", "capture: {v: nojsonpath}", "headers: {\"bad name\": b}",
            "bodyFile: nonexistent.json", "body: {a: \"${\"}");
        Arbitrary<String> field = Arbitraries.frequencyOf(Tuple.of(6, good), Tuple.of(1, bad));
        Arbitrary<String> path = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("p/")),
            Tuple.of(1, Arbitraries.of("q/${v}", "[x]", "\"${\"")));
        Arbitrary<String> step = net.jqwik.api.Combinators.combine(path,
                field.list().ofMaxSize(4).uniqueElements(f -> f.substring(0, f.indexOf(':'))))
            .as((p, fs) -> "  - path: " + p + "\n" + fs.stream().map(f -> "    " + f + "\n").reduce("", String::concat));
        Arbitrary<String> steps = step.list().ofMinSize(0).ofMaxSize(4).map(l -> String.join("", l));
        Arbitrary<String> junk = Arbitraries.of("{", "}", "[", ": :", "&a x", "*a", "!!binary x", "\t", "? x", "'", "\"",
            "- 1", "a: b: c", "vars: {v: 1}", "vars: {v: [1]}", "name: x", "path: dup");
        // Two named steps first, so that most 'if:' lines name an earlier step and the steps after them are read.
        String head = "steps:\n  - {name: a, path: p/}\n  - {name: b, path: p/}\n";
        return Arbitraries.lazyOf(
            () -> steps.map(m -> head + m),
            () -> net.jqwik.api.Combinators.combine(steps, steps).as((m, f) -> head + m + "finally:\n" + f),
            () -> net.jqwik.api.Combinators.combine(steps, junk, Arbitraries.integers().between(0, 30))
                .as((m, j, at) -> breakLine(head + m, j, at)));
    }

    /** The text with line {@code at} (modulo the line count) replaced by a fragment of junk. */
    private static String breakLine(String text, String junk, int at) {
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n")));
        int i = at % lines.size();
        lines.set(i, lines.get(i).replaceAll("\\S.*", "") + junk);
        return String.join("\n", lines) + "\n";
    }
}
