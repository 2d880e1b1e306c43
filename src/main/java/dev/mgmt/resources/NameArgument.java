package dev.mgmt.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.errors.UsageException;
import dev.mgmt.json.Json;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NAME a command is given, with its --method. Results and -o name print an endpoint as "GET /pets"
 * ({@link Identity}), so that is accepted back, as is the path with --method; for every other kind the
 * name is taken as it is and --method is refused.
 *
 * @param name   the kind's own name (an endpoint's path), as paths and bodies carry it
 * @param method an endpoint's method in upper case; null when none was given or the kind has none
 */
public record NameArgument(String name, String method) {
    /** The field that holds an endpoint's method, in what the server shows and takes. */
    public static final String METHOD_FIELD = "httpMethod";

    /** A method word, blanks, then a path: the endpoint identity as results print it. */
    private static final Pattern WITH_METHOD = Pattern.compile("([A-Za-z]+)\\s+(/.*)");

    public static NameArgument of(Kind kind, String given, String methodOption) {
        if (!kind.keyFields().contains(METHOD_FIELD)) {
            if (methodOption != null) {
                throw new UsageException("--method applies only to endpoints");
            }
            return new NameArgument(given, null);
        }
        String option = methodOption == null ? null : method(methodOption, "invalid --method '" + methodOption + "'");
        Matcher m = given == null ? null : WITH_METHOD.matcher(given.strip());
        if (m == null || !m.matches()) {
            return new NameArgument(given, option);
        }
        String word = method(m.group(1), "invalid method '" + m.group(1) + "' in endpoint '" + given + "'");
        if (option != null && !option.equals(word)) {
            throw new UsageException("endpoint '" + given + "' and --method " + methodOption
                + " name different methods; give one of them");
        }
        return new NameArgument(m.group(2), word);
    }

    /** This, when it names one endpoint (a path alone names one per method); a usage error otherwise. */
    public NameArgument requireMethod(Kind kind) {
        if (method == null && kind.keyFields().contains(METHOD_FIELD)) {
            throw new UsageException("an endpoint is named by its path and --method (GET, POST, ...), or as results "
                + "print it: 'GET " + name + "'");
        }
        return this;
    }

    /** How results name it: "GET /pets", or the name alone. */
    public String shown() {
        return Identity.named(name, method);
    }

    /**
     * The object as a body or document keys it: the name under {@code nameField} (an endpoint's delete takes
     * "name", its documents "endpoint"), with the method when there is one.
     */
    public ObjectNode key(String nameField) {
        ObjectNode key = Json.mapper().createObjectNode().put(nameField, name);
        if (method != null) {
            key.put(METHOD_FIELD, method);
        }
        return key;
    }

    private static String method(String word, String problem) {
        String m = word.toUpperCase(Locale.ROOT);
        if (!Parts.ENDPOINT_METHODS.contains(m)) {
            throw new UsageException(problem + ": expected one of " + String.join(", ", Parts.ENDPOINT_METHODS));
        }
        return m;
    }
}
