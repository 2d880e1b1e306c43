package dev.mgmt.exercise.locust;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regular-expression syntax that Java reads one way and Python's re another way (or not at all,
 * or only from Python 3.11): an exported {@code matches:} check must mean what the scenario means.
 */
final class RegexDialect {
    private static final String JAVA_ONLY_ESCAPES = "pPQEGhHRXzZevV0";
    private static final Pattern POSSESSIVE = Pattern.compile("[*+?}]\\+");
    private static final Pattern LATE_FLAGS = Pattern.compile(".\\(\\?[a-zA-Z]+\\)");

    private RegexDialect() {
    }

    /** The first construct that does not translate, named for the user, or null when there is none. */
    static String javaOnly(String regex) {
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char e = regex.charAt(++i);
                if (JAVA_ONLY_ESCAPES.indexOf(e) >= 0) {
                    return "the escape \\" + e;
                }
                plain.append("__");
            } else {
                plain.append(c);
            }
        }
        String p = plain.toString();
        if (POSSESSIVE.matcher(p).find()) {
            return "a possessive quantifier (*+, ++, ?+)";
        }
        if (p.contains("(?>")) {
            return "an atomic group (?>...)";
        }
        Matcher named = Pattern.compile("\\(\\?<(?![=!])").matcher(p);
        if (named.find()) {
            return "a named group (?<name>...)";
        }
        if (p.contains("&&")) {
            return "a class intersection (&&)";
        }
        if (LATE_FLAGS.matcher(p).find()) {
            return "inline flags (?x) after the start";
        }
        return null;
    }
}
