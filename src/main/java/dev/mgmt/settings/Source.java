package dev.mgmt.settings;

/** Where a setting's value came from; doctor and config view show it. */
public enum Source {
    FLAG("flag", false), ENV("environment", false), CONTEXT("context", true), SANDBOX("sandbox", true),
    DEFAULT("default", false), NONE("not set", false);

    private final String label;
    private final boolean namedByOrigin;

    Source(String label, boolean namedByOrigin) {
        this.label = label;
        this.namedByOrigin = namedByOrigin;
    }

    public String label() {
        return label;
    }

    /**
     * The origin already says which layer it is ("context prod", "--sandbox"), so a description
     * shows the origin alone instead of naming the layer twice.
     */
    public boolean namedByOrigin() {
        return namedByOrigin;
    }
}
