package dev.mgmt.settings;

import dev.mgmt.errors.UsageException;

import java.util.Locale;

/** The -o formats of the contract. */
public enum OutputFormat {
    TABLE, WIDE, JSON, YAML, NAME;

    public static OutputFormat parse(String raw, String origin) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid output format '" + raw + "' (from " + origin
                + "): expected one of table, wide, json, yaml, name");
        }
    }

    /** Formats whose errors are also written as one JSON object on stderr. */
    public boolean structured() {
        return this == JSON || this == YAML;
    }
}
