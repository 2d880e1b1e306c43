package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.errors.UsageException;
import dev.mgmt.json.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any -q expression compiles and applies to a document, or is a usage error: never another exception. */
class JsonQueryPropertyTest {
    private static final JsonNode DOC = Json.tryParse(
        "{\"resultList\":[{\"name\":\"a\",\"n\":1},{\"name\":\"b\",\"n\":2}],\"resultCount\":2}".getBytes());

    @Provide
    Arbitrary<String> pathish() {
        Arbitrary<String> piece = Arbitraries.of(".", "..", "[", "]", "*", "?(", ")", "@", "$", "'", "name", "n",
            "resultList", "0", "-1", ":", ",", "==", "<", "&&", "length()", " ", "\"", "\\", "=~", "/a/");
        return piece.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    private static void resultOrUsage(String expression) {
        try {
            JsonQuery.apply(expression, DOC);
        } catch (UsageException e) {
            assertTrue(e.getMessage().startsWith("invalid -q expression"), e.getMessage());
        }
    }

    @Property(tries = 500, seed = "20261202")
    void any_path_like_expression_is_a_result_or_a_usage_error(@ForAll("pathish") String expression) {
        resultOrUsage(expression);
    }

    @Property(tries = 300, seed = "20261202")
    void any_text_is_a_result_or_a_usage_error(@ForAll String expression) {
        resultOrUsage(expression);
    }

    @Property(tries = 30, seed = "20261202")
    void long_generated_expressions_are_refused_not_overflowed(@ForAll("pathish") String piece) {
        resultOrUsage("$" + (".a" + piece).repeat(2000 / (piece.length() + 2) + 1));
    }
}
