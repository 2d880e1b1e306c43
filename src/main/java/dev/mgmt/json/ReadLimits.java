package dev.mgmt.json;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson says which of its read limits was hit only in its message, naming its own methods
 * ({@code StreamReadConstraints.getMaxNestingDepth()}); this turns that into what the user can act on.
 */
final class ReadLimits {
    private static final Pattern MAX = Pattern.compile("maximum allowed \\((\\d+)");

    private ReadLimits() {
    }

    static String describe(String jackson) {
        String msg = String.valueOf(jackson);
        Matcher m = MAX.matcher(msg);
        String max = m.find() ? m.group(1) : null;
        if (msg.contains("NestingDepth")) {
            return "it is nested deeper than " + orMany(max) + " levels";
        }
        if (msg.contains("NumberLength")) {
            return "a number in it has more than " + orMany(max) + " digits";
        }
        if (msg.contains("NameLength")) {
            return "a field name in it is longer than " + orMany(max) + " characters";
        }
        if (msg.contains("StringLength")) {
            return "a text value in it is longer than " + orMany(max) + " characters";
        }
        return "it is too large to read";
    }

    private static String orMany(String max) {
        return max == null ? "the allowed number of" : max;
    }
}
