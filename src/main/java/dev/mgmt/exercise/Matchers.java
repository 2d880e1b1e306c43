package dev.mgmt.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.mgmt.exercise.Scenario.Assertion;
import dev.mgmt.json.Json;
import dev.mgmt.output.JsonQuery;

import java.util.Map;
import java.util.regex.Pattern;

/** Evaluates JSONPath against a response body and checks one assertion. */
final class Matchers {
    private static final Configuration CONFIG = Configuration.builder()
        .jsonProvider(new JacksonJsonNodeJsonProvider(Json.mapper()))
        .mappingProvider(new JacksonMappingProvider(Json.mapper()))
        .build();

    private Matchers() {
    }

    /** What an expression selected: null when a definite path matched nothing; an array for indefinite paths. */
    static JsonNode select(String expression, JsonNode document) {
        JsonPath path;
        try {
            path = JsonPath.compile(expression);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid JSONPath '" + expression + "': "
                + JsonQuery.problem(e));
        }
        try {
            JsonNode r = path.read(document, CONFIG);
            if (r == null) {
                return Json.mapper().nullNode();
            }
            if (!path.isDefinite() && r.isArray() && r.isEmpty()) {
                return null;
            }
            return r;
        } catch (PathNotFoundException e) {
            return null;
        }
    }

    /** Null when the assertion holds, else why not. */
    static String check(Assertion a, String expression, JsonNode expected, JsonNode document) {
        JsonNode actual = select(expression, document);
        switch (a.op()) {
            case EXISTS: {
                boolean exists = actual != null;
                return exists == expected.asBoolean() ? null
                    : expression + (exists ? " exists (" + shorten(actual) + "), expected it not to" : " matched nothing");
            }
            case COUNT: {
                long n = actual == null ? 0 : actual.isArray() ? actual.size() : actual.isObject() ? actual.size() : 1;
                return n == expected.asLong() ? null : expression + " has " + n + " item" + (n == 1 ? "" : "s")
                    + ", expected " + expected.asLong();
            }
            case EQUALS:
                if (actual == null) {
                    return expression + " matched nothing, expected " + shorten(expected);
                }
                return same(actual, expected) ? null : expression + " is " + shorten(actual) + ", expected " + shorten(expected);
            case CONTAINS:
                if (actual == null) {
                    return expression + " matched nothing, expected it to contain " + shorten(expected);
                }
                return contains(actual, expected) ? null
                    : expression + " is " + shorten(actual) + ", which does not contain " + shorten(expected);
            case MATCHES: {
                if (actual == null) {
                    return expression + " matched nothing, expected a match for /" + expected.asText() + "/";
                }
                Pattern p = Pattern.compile(expected.asText());
                boolean ok;
                if (actual.isArray()) {
                    ok = false;
                    for (JsonNode n : actual) {
                        ok |= n.isValueNode() && p.matcher(n.asText()).find();
                    }
                } else {
                    ok = actual.isValueNode() && p.matcher(actual.asText()).find();
                }
                return ok ? null : expression + " is " + shorten(actual) + ", which does not match /" + expected.asText() + "/";
            }
            default:
                throw new IllegalStateException(a.op().toString());
        }
    }

    static boolean contains(JsonNode actual, JsonNode expected) {
        if (actual.isArray()) {
            if (expected.isArray()) {
                for (JsonNode e : expected) {
                    if (!contains(actual, e)) {
                        return false;
                    }
                }
                return true;
            }
            for (JsonNode n : actual) {
                if (same(n, expected)) {
                    return true;
                }
            }
            return false;
        }
        if (actual.isTextual()) {
            return actual.asText().contains(expected.asText());
        }
        if (actual.isObject() && expected.isTextual()) {
            return actual.has(expected.asText());
        }
        return same(actual, expected);
    }

    /** JSON equality where 1, 1.0 and 1e0 are the same number. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                if (!b.has(e.getKey()) || !same(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    static String shorten(JsonNode n) {
        String s = Json.compact(n);
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    /** A captured value: text as is, anything else as compact JSON; an indefinite path's single match unwrapped. */
    static String captured(JsonNode n, boolean definite) {
        if (!definite && n.isArray() && n.size() == 1) {
            n = n.get(0);
        }
        return n.isValueNode() && !n.isNull() ? n.asText() : Json.compact(n);
    }
}
