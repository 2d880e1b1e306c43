package dev.mgmt.cli;

import dev.mgmt.errors.UsageException;
import dev.mgmt.run.Invocation;
import dev.mgmt.sandbox.Sandbox;
import dev.mgmt.sandbox.SandboxConfig;

/**
 * Wires --sandbox to the embedded emulator: started on a free loopback port for this one
 * command, with the admin token. MGMT_SANDBOX_FAULTS injects faults, to see how mgmt reacts.
 */
public final class SandboxSupport {
    private SandboxSupport() {
    }

    public static Invocation.SandboxLauncher launcher() {
        return inv -> {
            String faults = inv.env().var("MGMT_SANDBOX_FAULTS");
            SandboxConfig config = SandboxConfig.defaults().withFaults(faults == null ? "" : faults);
            Sandbox sandbox;
            try {
                sandbox = Sandbox.start(config);
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid MGMT_SANDBOX_FAULTS: " + e.getMessage());
            }
            return new Invocation.SandboxLauncher.Endpoint(sandbox.managerUrl().toString(), sandbox.adminToken(),
                sandbox);
        };
    }
}
