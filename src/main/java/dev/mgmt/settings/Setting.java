package dev.mgmt.settings;

/**
 * A resolved value and where it came from.
 *
 * @param value  the value, null when not set
 * @param source which layer supplied it
 * @param origin the exact name of that layer ("--token-file", "MGMT_TOKEN", "context prod"), for messages
 */
public record Setting<T>(T value, Source source, String origin) {

    public static <T> Setting<T> none() {
        return new Setting<>(null, Source.NONE, "not set");
    }

    public boolean isSet() {
        return value != null;
    }

    public T orElse(T other) {
        return value == null ? other : value;
    }
}
