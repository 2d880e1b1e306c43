package dev.mgmt.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A parsed, checked scenario: what to send, in order, what to expect, and what to capture.
 *
 * @param name     the scenario's name (its {@code name:}, else the file name)
 * @param file     the file it came from (bodies are read relative to its directory)
 * @param vars     default variables from {@code vars:}, as templates that may use ${run.id} (filled as the run starts)
 * @param steps    the main steps
 * @param cleanup  the {@code finally:} steps, which always run
 */
public record Scenario(String name, Path file, Map<String, String> vars, List<Step> steps, List<Step> cleanup) {

    /**
     * One request and its expectations.
     *
     * @param name     shown in the results
     * @param line     where it starts in the file
     * @param method   HTTP method (GET by default)
     * @param path     path relative to /apiops/, may hold ${variables}
     * @param headers  extra headers, values may hold ${variables}
     * @param body     the JSON body (inline, or read from {@code bodyFile}), string values may hold ${variables}; null for none
     * @param expect   what must hold for the step to pass
     * @param captures variable name → JSONPath into the response body
     * @param onlyIf   the earlier step that must have passed for this one to be sent, or null for always
     */
    public record Step(String name, int line, String method, String path, Map<String, String> headers, JsonNode body,
                       Expect expect, Map<String, Capture> captures, Condition onlyIf) {
        public Step withName(String shown) {
            return new Step(shown, line, method, path, headers, body, expect, captures, onlyIf);
        }
    }

    /**
     * {@code if: {passed: STEP}}: send this step only when the named earlier step passed, so cleanup
     * touches only what the run itself created.
     *
     * @param passed the step's name as written in the file
     */
    public record Condition(String passed) {
    }

    /** A value taken from a response body into a variable. */
    public record Capture(String variable, String expression, JsonPath path, int line) {
    }

    /**
     * @param statuses   accepted statuses; empty means any 2xx (and no failure reported in the body)
     * @param error      the decoded error code that must be returned ({@code not_found}), or null
     * @param maxLatency the latency ceiling, or null
     * @param assertions JSONPath assertions on the response body
     */
    public record Expect(List<StatusPattern> statuses, String error, Duration maxLatency, List<Assertion> assertions) {
        public boolean defaultStatus() {
            return statuses.isEmpty();
        }

        public boolean accepts(int status) {
            if (statuses.isEmpty()) {
                return status >= 200 && status <= 299;
            }
            return statuses.stream().anyMatch(s -> s.matches(status));
        }

        public String describeStatuses() {
            if (statuses.isEmpty()) {
                return "2xx";
            }
            return String.join(" or ", statuses.stream().map(StatusPattern::text).toList());
        }
    }

    /** 200, or a class such as 2xx. */
    public record StatusPattern(String text) {
        public boolean matches(int status) {
            if (text.length() == 3 && text.endsWith("xx")) {
                return status / 100 == text.charAt(0) - '0';
            }
            return Integer.toString(status).equals(text);
        }
    }

    /** What a JSONPath assertion checks. */
    public enum Op {
        EQUALS("equals"), CONTAINS("contains"), EXISTS("exists"), COUNT("count"), MATCHES("matches");

        private final String key;

        Op(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** {@code {path: "$.resultCount", equals: 1}}: the expression, the check and the expected value. */
    public record Assertion(String expression, JsonPath path, Op op, JsonNode expected, int line) {
        public String describe() {
            return expression + " " + op.key() + " " + (expected.isTextual() ? "\"" + expected.asText() + "\""
                : expected.toString());
        }
    }
}
