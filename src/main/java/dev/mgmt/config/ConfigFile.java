package dev.mgmt.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** The config file's content: named contexts and which one is current. Mutable; saved by {@link Config}. */
public final class ConfigFile {
    private String currentContext;
    private final Map<String, ContextEntry> contexts = new LinkedHashMap<>();

    public String currentContext() {
        return currentContext;
    }

    public void setCurrentContext(String name) {
        this.currentContext = name == null || name.isEmpty() ? null : name;
    }

    /** Contexts by name, in file order; modifiable. */
    public Map<String, ContextEntry> contexts() {
        return contexts;
    }

    public ContextEntry context(String name) {
        return name == null ? null : contexts.get(name);
    }

    /** "prod, staging" or "(none)": for messages about an unknown name. */
    public String knownNames() {
        return contexts.isEmpty() ? "(none)" : String.join(", ", contexts.keySet());
    }
}
