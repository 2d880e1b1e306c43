package dev.mgmt.cli;

import dev.mgmt.errors.UsageException;

/**
 * The names that scope the checks of {@code exercise --smoke} and {@code doctor}: an empty one would
 * only fail mid-way (as "empty name in path", after other requests), so it is refused before anything is sent.
 */
final class ScopeNames {
    private ScopeNames() {
    }

    static void requireName(String value, String option, String what) {
        if (value != null && value.isBlank()) {
            throw new UsageException(option + " is empty: give " + what);
        }
    }

    /** {@code --proxy}: a name, in a project (proxies live in one; without -p nothing would use it). */
    static void requireProxy(String proxy, String project) {
        requireName(proxy, "--proxy", "an API proxy name (mgmt get proxies -p PROJECT)");
        if (proxy != null && project == null) {
            throw new UsageException("--proxy needs -p/--project (an API proxy belongs to a project)");
        }
    }
}
