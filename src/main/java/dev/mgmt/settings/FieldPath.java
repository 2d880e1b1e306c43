package dev.mgmt.settings;

import dev.mgmt.errors.UsageException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The field paths of --sort-by and -o custom-columns, kubectl style: {@code .a.b}, {@code {.a.b}}
 * or {@code a.b}. Returned as a dot-separated path without the leading dot.
 */
public final class FieldPath {
    private FieldPath() {
    }

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    /** A header and the path of its field. */
    public record Spec(String header, String path) {
    }

    public static String parse(String raw, String option) {
        String p = raw.strip();
        if (p.startsWith("{") && p.endsWith("}")) {
            p = p.substring(1, p.length() - 1).strip();
        }
        if (p.startsWith("$")) {
            p = p.substring(1);
        }
        if (p.startsWith(".")) {
            p = p.substring(1);
        }
        if (!PATH.matcher(p).matches()) {
            throw new UsageException("invalid " + option + " field '" + raw
                + "': expected a field such as .name or .a.b");
        }
        return p;
    }

    /** HEADER:.field,HEADER:.field (kubectl's custom-columns). */
    public static List<Spec> columns(String spec, String option, String origin) {
        List<Spec> out = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            int colon = part.indexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                throw new UsageException("invalid " + option + " spec '" + spec + "' (from " + origin
                    + "): expected HEADER:.field[,HEADER:.field...], e.g. NAME:.name,TYPE:.type");
            }
            out.add(new Spec(part.substring(0, colon).strip(), parse(part.substring(colon + 1), option)));
        }
        return out;
    }
}
