package dev.mgmt.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.networknt.schema.ValidationMessage;
import dev.mgmt.json.Json;
import dev.mgmt.json.LocatedBody;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a create/update request body against the JSON Schema mgmt ships for that operation
 * ({@code dev/mgmt/schemas/<kind>.<operation>.json}) before anything is sent.
 *
 * <p>Each problem names the field ({@code clientRoute.relativePathList[0]}, or {@code (body)} for the whole body),
 * says what is wrong in a few plain words, and gives the 1-based line of the user's JSON or YAML file where the
 * field (for a missing field: the object that lacks it) can be found.
 *
 * <p>Nothing is loaded until the first body is validated; each schema is compiled once, on first use.
 */
public final class BodyValidator {

    /** One thing wrong with a body. {@code line} is 1-based in the user's file, 0 if unknown. */
    public record Problem(String field, String message, int line) {
    }

    static final String ROOT = "(body)";

    private BodyValidator() {
    }

    /** The names of all schemas, e.g. {@code proxy.create-url}, sorted. */
    public static List<String> schemaNames() {
        return Schemas.names();
    }

    public static boolean hasSchema(String schemaName) {
        return Schemas.has(schemaName);
    }

    /**
     * Validates {@code userBytes} (JSON, or YAML when {@code yaml}) against schema {@code schemaName}.
     *
     * @return the problems, ordered by line; empty when the body is fine
     * @throws IllegalArgumentException if there is no such schema
     */
    public static List<Problem> validate(String schemaName, byte[] userBytes, boolean yaml) {
        if (!hasSchema(schemaName)) {
            throw new IllegalArgumentException("no schema named " + schemaName);
        }
        LocatedBody parsed;
        try {
            parsed = LocatedBody.of(userBytes, yaml);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
            return List.of(new Problem(ROOT, "not valid " + (yaml ? "YAML" : "JSON") + ": " + Json.problem(e), line));
        } catch (IOException e) {
            return List.of(new Problem(ROOT, "cannot be read: " + e.getMessage(), 0));
        }
        if (parsed.root() == null) {
            return List.of(new Problem(ROOT, "is empty", 0));
        }
        Schemas.Compiled c = Schemas.compiled(schemaName);
        Set<ValidationMessage> messages = c.schema().validate(parsed.root());
        Set<Problem> out = new LinkedHashSet<>();
        for (ValidationMessage m : messages) {
            Problem p = ProblemWording.toProblem(m, c.source(), parsed);
            if (p != null) {
                out.add(p);
            }
        }
        List<Problem> list = new ArrayList<>(out);
        list.sort(Comparator.comparingInt(Problem::line).thenComparing(Problem::field));
        return List.copyOf(list);
    }

    /** Lines like {@code   file.yaml:7: type: must be one of REST, SOAP}, one per problem, each ending in a newline. */
    /**
     * The line in the user's body where a field named as the server names it ({@code a.b[0].c})
     * starts, or of its closest parent that exists; 0 when the body cannot be read.
     */
    public static int lineOf(byte[] userBytes, boolean yaml, String field) {
        LocatedBody parsed;
        try {
            parsed = LocatedBody.of(userBytes, yaml);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return parsed.lineOf(field);
    }

    public static String format(List<Problem> problems, String origin) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            sb.append("  ").append(origin);
            if (p.line() > 0) {
                sb.append(':').append(p.line());
            }
            sb.append(": ").append(p.field()).append(": ").append(p.message()).append('\n');
        }
        return sb.toString();
    }
}
