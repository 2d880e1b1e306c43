package dev.mgmt.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ${name} substitution. Names are scenario variables ({@code vars:}, {@code --var}, captures),
 * {@code project} and {@code environment} from the settings, {@code env.NAME} for environment
 * variables, and the built-in {@code run.id}. {@code $${} is a literal {@code ${}.
 */
public final class Variables {
    static final Pattern REF = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");
    /** '.' is in the syntax, so env.NAME and run.id are names as they stand. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    /**
     * A short random id, the same all through one run (one Locust user), so that the names a
     * scenario creates do not collide with those of a run going on at the same time.
     */
    public static final String RUN_ID = "run.id";
    private static final String ENV_PREFIX = "env.";

    /** Whether a scenario ({@code vars:}, captures) or {@code --var} may use this as a name: the syntax only. */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Function<String, String> env;
    private String runId;

    public Variables(Function<String, String> env) {
        this.env = env;
    }

    public void put(String name, String value) {
        values.put(name, value);
    }

    public boolean has(String name) {
        return lookup(name) != null;
    }

    public String lookup(String name) {
        if (name.startsWith(ENV_PREFIX)) {
            return env.apply(name.substring(ENV_PREFIX.length()));
        }
        if (name.equals(RUN_ID)) {
            return runId();
        }
        return values.get(name);
    }

    /**
     * Drawn on first use, so runs that never use it never pay for it. Collisions between runs only
     * need to be unlikely, not unguessable, so no SecureRandom (whose set-up costs start-up time).
     */
    private String runId() {
        if (runId == null) {
            runId = String.format(Locale.ROOT, "%08x", ThreadLocalRandom.current().nextInt());
        }
        return runId;
    }

    /** Names whose value comes from outside the scenario: the environment and the run. */
    public static boolean builtIn(String name) {
        return name.startsWith(ENV_PREFIX) || name.equals(RUN_ID);
    }

    /** Why a scenario or --var may not set this variable, or null when it may. */
    public static String notSettable(String name) {
        if (!builtIn(name)) {
            return null;
        }
        if (name.equals(RUN_ID)) {
            return "'" + RUN_ID + "' is built in (a random id fixed for each run) and cannot be set; use another name";
        }
        // ${env.X} always reads the process environment, so a value given here would be silently unused
        return "'" + name + "' reads the environment variable " + name.substring(ENV_PREFIX.length())
            + " and cannot be set; export it, or use another name";
    }

    /** A template that expands to exactly this text. */
    public static String literal(String text) {
        return text.replace("${", "$${");
    }

    public Map<String, String> values() {
        return values;
    }

    /** The names referenced in a text, in order. */
    public static Set<String> references(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = REF.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                out.add(m.group(1).strip());
            }
        }
        return out;
    }

    /** A problem with the ${...} syntax in a text, or null. */
    public static String syntaxProblem(String text) {
        Matcher m = REF.matcher(text);
        int end = 0;
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            rest.append(text, end, m.start());
            end = m.end();
            if (m.group(1) != null && !NAME.matcher(m.group(1).strip()).matches()) {
                return "invalid variable name '${" + m.group(1) + "}'";
            }
        }
        rest.append(text.substring(end));
        if (rest.indexOf("${") >= 0) {
            return "unterminated '${' (write $${ for a literal ${)";
        }
        return null;
    }

    /** Every name referenced anywhere in a JSON value's strings (keys included). */
    public static Set<String> references(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : strings(node)) {
            out.addAll(references(s));
        }
        return out;
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.add(e.getKey());
                out.addAll(strings(e.getValue()));
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                out.addAll(strings(n));
            }
        }
        return out;
    }

    /** Substitutes; an undefined name throws {@link Undefined}. */
    public String expand(String text) {
        Matcher m = REF.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = "${";
            } else {
                String name = m.group(1).strip();
                replacement = lookup(name);
                if (replacement == null) {
                    throw new Undefined(name);
                }
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A copy of a JSON value with every string (and key) expanded. */
    public JsonNode expand(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(expand(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> o.set(expand(e.getKey()), expand(e.getValue())));
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> a.add(expand(n)));
            return a;
        }
        return node;
    }

    /** A reference to a variable that has no value. */
    public static final class Undefined extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String name;

        Undefined(String name) {
            super("undefined variable '${" + name + "}'");
            this.name = name;
        }

        public String name() {
            return name;
        }
    }
}
