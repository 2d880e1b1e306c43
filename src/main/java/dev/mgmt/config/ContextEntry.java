package dev.mgmt.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One named context: the settings it supplies, by key, as text. Only {@link #KEYS} are allowed. */
public final class ContextEntry {
    /** The keys a context may hold, in the order they are written. */
    public static final List<String> KEYS = List.of("url", "token", "token-file", "token-expires", "project",
        "environment", "output", "timeout", "connect-timeout", "retries", "retry-max-time", "cacert", "insecure");

    private final Map<String, String> values = new LinkedHashMap<>();

    public String get(String key) {
        return values.get(key);
    }

    /** Sets a value; null or empty removes it. */
    public void set(String key, String value) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("unknown context key " + key);
        }
        if (value == null || value.isEmpty()) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
