package dev.mgmt.testing;

import dev.mgmt.sandbox.RequestLog;
import dev.mgmt.sandbox.Sandbox;
import dev.mgmt.sandbox.SandboxConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One sandbox shared by every test of a class: started before all of them, closed after.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final SandboxExtension sandbox = new SandboxExtension();
 * </pre>
 *
 * Pass a function to customise the configuration, e.g. {@code new SandboxExtension(c -> c.withClock(CLOCK))}.
 */
public final class SandboxExtension implements BeforeAllCallback, AfterAllCallback {
    private final UnaryOperator<SandboxConfig> customise;
    private Sandbox sandbox;

    public SandboxExtension() {
        this(UnaryOperator.identity());
    }

    public SandboxExtension(UnaryOperator<SandboxConfig> customise) {
        this.customise = customise;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        sandbox = Sandbox.start(customise.apply(SandboxConfig.defaults()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    /** The running sandbox. */
    public Sandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("the sandbox runs only between @BeforeAll and @AfterAll; "
                + "register SandboxExtension with @RegisterExtension on a static field");
        }
        return sandbox;
    }

    /** The manager URL, as MGMT_URL takes it. */
    public String url() {
        return sandbox().managerUrl().toString();
    }

    public String adminToken() {
        return sandbox().adminToken();
    }

    public String readOnlyToken() {
        return sandbox().readOnlyToken();
    }

    public String expiredToken() {
        return sandbox().expiredToken();
    }

    public RequestLog requests() {
        return sandbox().requests();
    }

    public void setFaults(String spec) {
        sandbox().setFaults(spec);
    }

    /** mgmt pointed at this sandbox with the admin token (MGMT_URL, MGMT_TOKEN). */
    public Cli cli() {
        return Cli.cli().env("MGMT_URL", url()).env("MGMT_TOKEN", adminToken());
    }

    /** The requests the command itself sent, without the troubleshooting probes that run after a failure. */
    public List<RequestLog.Entry> ownRequests() {
        return ownRequests(sandbox());
    }

    /**
     * The requests this sandbox saw, minus the troubleshooting probes (they mark themselves with
     * {@code (troubleshooting)} in the User-Agent). For sandboxes not run by the extension too.
     */
    public static List<RequestLog.Entry> ownRequests(Sandbox box) {
        return box.requests().list().stream()
            .filter(e -> e.header("User-Agent") == null || !e.header("User-Agent").contains("(troubleshooting)"))
            .toList();
    }
}
