package dev.mgmt.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Did you mean": names are case-sensitive in the API, so the same name in another case is the
 * likeliest answer and comes first; then near misses by edit distance.
 */
public final class NameMatcher {
    private NameMatcher() {
    }

    public static List<String> closest(String wanted, Iterable<String> candidates, int max) {
        Set<String> result = new LinkedHashSet<>();
        String lower = wanted.toLowerCase(Locale.ROOT);
        List<String> all = new ArrayList<>();
        for (String c : candidates) {
            if (c == null || c.equals(wanted)) {
                continue;
            }
            all.add(c);
            if (c.toLowerCase(Locale.ROOT).equals(lower)) {
                result.add(c);
            }
        }
        int limit = Math.max(2, wanted.length() / 3);
        all.stream()
            .filter(c -> !result.contains(c))
            .map(c -> new Scored(c, distance(lower, c.toLowerCase(Locale.ROOT))))
            .filter(s -> s.distance <= limit || lower.length() >= 3 && s.name.toLowerCase(Locale.ROOT).contains(lower))
            // Closest first, then by name; not Comparator.comparingInt (see Redactor.redactKnown).
            .sorted((a, b) -> a.distance != b.distance ? Integer.compare(a.distance, b.distance) : a.name.compareTo(b.name))
            .forEach(s -> result.add(s.name));
        List<String> out = new ArrayList<>(result);
        return out.size() > max ? out.subList(0, max) : out;
    }

    /**
     * What follows "no proxy named 'x'" when x is not among {@code names}: the same name in another case
     * first, else the nearest names, else how many there are and how to list them ({@code listHint}).
     */
    public static String suggestion(String wanted, Collection<String> names, String listHint) {
        List<String> close = closest(wanted, names, 3);
        if (!close.isEmpty() && close.get(0).equalsIgnoreCase(wanted)) {
            return "; did you mean '" + close.get(0) + "'? (same name, other case: names are case-sensitive)"
                + (close.size() > 1 ? "; also close: '" + String.join("', '", close.subList(1, close.size())) + "'" : "");
        }
        if (!close.isEmpty()) {
            return "; did you mean '" + close.get(0) + "'?" + (close.size() > 1
                ? " (also close: '" + String.join("', '", close.subList(1, close.size())) + "')" : "");
        }
        return names.isEmpty() ? "; the list is empty" : "; " + names.size() + " exist (" + listHint + ")";
    }

    private record Scored(String name, int distance) {
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
