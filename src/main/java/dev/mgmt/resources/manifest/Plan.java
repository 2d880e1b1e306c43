package dev.mgmt.resources.manifest;

import java.util.List;

/** Every step of an apply, in the order it runs: creates and updates by rank, then deletes in reverse rank. */
public record Plan(List<Step> steps) {

    public boolean changes() {
        return steps.stream().anyMatch(Step::writes);
    }
}
