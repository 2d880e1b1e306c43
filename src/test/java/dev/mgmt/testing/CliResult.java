package dev.mgmt.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What one in-process run of mgmt produced. */
public record CliResult(int exitCode, byte[] outBytes, String err) {

    public String out() {
        return new String(outBytes, StandardCharsets.UTF_8);
    }

    /** For assertion messages: both streams, so a failure shows what mgmt said. */
    public String describe() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out() + "\n--- stderr ---\n" + err;
    }

    /** The JSON error object of -o json/yaml: the last stderr line, which must parse as a JSON object. */
    public JsonNode errorObject() {
        String[] lines = err.split("\r?\n");
        try {
            JsonNode node = new ObjectMapper().readTree(lines[lines.length - 1]);
            assertTrue(node.isObject(), "last stderr line is not a JSON object\n" + describe());
            return node;
        } catch (Exception e) {
            return fail("last stderr line is not JSON: " + e.getMessage() + "\n" + describe());
        }
    }
}
