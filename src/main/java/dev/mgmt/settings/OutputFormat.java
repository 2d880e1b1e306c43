package dev.mgmt.settings;

import dev.mgmt.errors.UsageException;

import java.util.Locale;

/** The -o formats of the contract; custom-columns and jsonpath take an argument after '='. */
public enum OutputFormat {
    TABLE, WIDE, JSON, YAML, NAME, CUSTOM_COLUMNS, JSONPATH;

    /** What -o takes as typed (custom-columns= and jsonpath= need their argument): for completion. */
    public static java.util.List<String> spellings() {
        return java.util.List.of("table", "wide", "json", "yaml", "name", "custom-columns=", "jsonpath=");
    }

    public static OutputFormat parse(String raw, String origin) {
        String name = raw.strip();
        int eq = name.indexOf('=');
        String head = (eq < 0 ? name : name.substring(0, eq)).toLowerCase(Locale.ROOT);
        if (head.equals("custom-columns") || head.equals("jsonpath")) {
            String arg = eq < 0 ? "" : name.substring(eq + 1);
            if (arg.isBlank()) {
                throw new UsageException("invalid output format '" + raw + "' (from " + origin
                    + "): " + head + " needs a value: " + (head.equals("jsonpath")
                    ? "-o jsonpath=EXPR" : "-o custom-columns=HEADER:.field,..."));
            }
            OutputFormat f = head.equals("jsonpath") ? JSONPATH : CUSTOM_COLUMNS;
            if (f == CUSTOM_COLUMNS) {
                FieldPath.columns(arg, "-o custom-columns", origin);
            }
            return f;
        }
        try {
            if (eq >= 0 || head.contains("_")) {
                throw new IllegalArgumentException(head);
            }
            return valueOf(head.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid output format '" + raw + "' (from " + origin
                + "): expected one of table, wide, json, yaml, name, custom-columns=SPEC, jsonpath=EXPR");
        }
    }

    /** The text after '=' in -o custom-columns=SPEC or -o jsonpath=EXPR, or null. */
    public static String argument(String raw) {
        if (raw == null) {
            return null;
        }
        int eq = raw.indexOf('=');
        return eq < 0 ? null : raw.substring(eq + 1);
    }

    /** The format as -o spells it: custom-columns, not CUSTOM_COLUMNS. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Formats whose errors are also written as one JSON object on stderr. */
    public boolean structured() {
        return this == JSON || this == YAML;
    }
}
