package dev.mgmt.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Thread-safe record of the requests the sandbox received, in arrival order. Only the most recent
 * {@link #CAPACITY} are kept, so a long-running or load-tested sandbox does not grow without bound.
 */
public final class RequestLog {

    /**
     * One received request.
     *
     * @param method  HTTP method
     * @param path    raw path including the query string, e.g. {@code /apiops/projects/?x=1}
     * @param headers request headers (names lower-cased)
     * @param body    raw body bytes (empty array when none)
     * @param time    arrival time by the sandbox clock
     */
    public record Entry(String method, String path, Map<String, List<String>> headers, byte[] body, Instant time) {
        public Entry {
            headers = Collections.unmodifiableMap(new TreeMap<>(headers));
            body = body == null ? new byte[0] : body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        /** First value of a header (case-insensitive name), or null. */
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        public String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** How many entries are kept; older ones are dropped first. */
    public static final int CAPACITY = 10_000;

    private final java.util.ArrayDeque<Entry> entries = new java.util.ArrayDeque<>();

    void add(Entry e) {
        synchronized (entries) {
            if (entries.size() >= CAPACITY) {
                entries.removeFirst();
            }
            entries.add(e);
        }
    }

    public int count() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** A snapshot copy of all entries. */
    public List<Entry> list() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** The most recent entry, or null. */
    public Entry last() {
        synchronized (entries) {
            return entries.peekLast();
        }
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
