package dev.mgmt.settings;

import dev.mgmt.errors.UsageException;

import java.util.Locale;

/** --color WHEN. */
public enum ColorMode {
    AUTO, ALWAYS, NEVER;

    public static ColorMode parse(String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --color '" + raw + "': expected auto, always or never");
        }
    }
}
