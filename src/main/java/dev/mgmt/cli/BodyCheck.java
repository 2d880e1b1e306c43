package dev.mgmt.cli;

import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.UsageException;
import dev.mgmt.input.InputData;
import dev.mgmt.resources.NameArgument;
import dev.mgmt.resources.Operation;
import dev.mgmt.validate.BodyValidator.Problem;
import dev.mgmt.validate.BodyValidator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The schema check of a body before it is sent: each problem with its line in the user's file,
 * exit 2, nothing sent. --no-validate skips it (for servers newer than mgmt).
 */
final class BodyCheck {
    private BodyCheck() {
    }

    /** The server's validation_errors[], each pointed at its line in the user's file where it can be found. */
    static ApiException withLines(ApiException e, InputData input) {
        ApiError error = e.error();
        if (error.validationErrors().isEmpty() || !input.origin().startsWith("file '")) {
            return e;
        }
        String file = input.origin().substring(6, input.origin().length() - 1);
        List<ApiError.FieldProblem> located = new ArrayList<>();
        for (ApiError.FieldProblem p : error.validationErrors()) {
            int line = BodyValidator.lineOf(input.bytes(), input.isYaml(), p.field());
            located.add(new ApiError.FieldProblem(line > 0 ? file + ":" + line + ": " + p.field() : p.field(), p.message()));
        }
        return e.withError(new ApiError(error.status(), error.code(), error.description(), located, error.retryAfter(),
            error.origin(), error.notes()));
    }

    /** @param named the name given on the command line, which fills a missing name field (and an endpoint's method) */
    static void check(Operation op, InputData input, NameArgument named) {
        Set<String> filled = new HashSet<>();
        if (named.name() != null && op.nameField() != null) {
            filled.add(op.nameField());
        }
        if (named.method() != null) {
            filled.add(NameArgument.METHOD_FIELD);
        }
        check(op.schema(), input, filled);
    }

    /** @param givenElsewhere top-level fields the command line fills when the file leaves them out */
    static void check(String schema, InputData input, Set<String> givenElsewhere) {
        if (schema == null || !BodyValidator.hasSchema(schema)) {
            return;
        }
        List<Problem> problems = new ArrayList<>();
        for (Problem p : BodyValidator.validate(schema, input.bytes(), input.isYaml())) {
            if (!givenElsewhere.contains(p.field())) {
                problems.add(p);
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        String origin = input.origin().startsWith("file '") ? input.origin().substring(6, input.origin().length() - 1)
            : input.origin();
        List<String> lines = new ArrayList<>();
        for (String line : BodyValidator.format(problems, origin).split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        lines.add("Nothing was sent. --no-validate sends it anyway (for a server newer than mgmt).");
        throw new UsageException(input.origin() + " does not match the " + schema + " schema ("
            + problems.size() + (problems.size() == 1 ? " problem)" : " problems)"), lines);
    }
}
