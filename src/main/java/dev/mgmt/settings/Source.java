package dev.mgmt.settings;

/** Where a setting's value came from; doctor and config view show it. */
public enum Source {
    FLAG("flag"), ENV("environment"), CONTEXT("context"), SANDBOX("sandbox"), DEFAULT("default"), NONE("not set");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
