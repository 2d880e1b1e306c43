package dev.mgmt.cli;

import dev.mgmt.errors.UsageException;

/** Wires --sandbox to the embedded emulator. */
public final class SandboxSupport {
    private SandboxSupport() {
    }

    public static Invocation.SandboxLauncher launcher() {
        return inv -> {
            throw new UsageException("--sandbox is not available in this build");
        };
    }
}
