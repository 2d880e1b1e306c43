package dev.mgmt.report;

import java.util.List;

/** The checks run for one failure, and what to do next. */
public record Checklist(String topic, List<CheckResult> items, List<String> next) {
    public Checklist {
        items = List.copyOf(items);
        next = List.copyOf(next);
    }

    public static Checklist empty() {
        return new Checklist(null, List.of(), List.of());
    }

    public boolean isEmpty() {
        return items.isEmpty() && next.isEmpty();
    }
}
