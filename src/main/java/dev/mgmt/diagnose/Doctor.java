package dev.mgmt.diagnose;

import dev.mgmt.errors.ExitCodes;
import dev.mgmt.process.Env;
import dev.mgmt.report.CheckResult;
import dev.mgmt.report.Result;
import dev.mgmt.settings.Settings;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code mgmt doctor}'s engine: the catalog's doctor topic, run with slightly longer timeouts. */
public final class Doctor {
    public static final Duration PER_REQUEST = Duration.ofSeconds(3);
    public static final Duration BUDGET = Duration.ofSeconds(30);

    /** Exit codes of steps that do not set one themselves. */
    private static final Map<String, Integer> EXITS = Map.ofEntries(
        Map.entry("url", ExitCodes.USAGE),
        Map.entry("proxy-vars", ExitCodes.NETWORK),
        Map.entry("dns", ExitCodes.NETWORK),
        Map.entry("tcp", ExitCodes.NETWORK),
        Map.entry("tls", ExitCodes.NETWORK),
        Map.entry("health", ExitCodes.NETWORK),
        Map.entry("token-configured", ExitCodes.UNAUTHORIZED),
        Map.entry("token-format", ExitCodes.UNAUTHORIZED),
        Map.entry("token-decode", ExitCodes.UNAUTHORIZED),
        Map.entry("token-hello", ExitCodes.UNAUTHORIZED),
        Map.entry("project", ExitCodes.NOT_FOUND),
        Map.entry("environment", ExitCodes.NOT_FOUND),
        Map.entry("api-proxy", ExitCodes.NOT_FOUND),
        Map.entry("clock-skew", ExitCodes.UNEXPECTED_RESPONSE));

    private Doctor() {
    }

    /** {@code proxy}: the API proxy to check proxy-scoped permissions on (null: the project's first). */
    public static List<CheckResult> run(Env env, Settings settings, String proxy) {
        try (Troubleshooter.Built b = Troubleshooter.build(env, settings, PER_REQUEST, BUDGET, null, null, null, 1, null)) {
            b.context().apiProxy = proxy;
            return Troubleshooter.run(Catalog.get().topic("doctor"), b.context(), EXITS);
        }
    }

    /** 0 when every step passed, else the exit code of the first step that did not. */
    public static int exitCode(List<CheckResult> results) {
        for (CheckResult r : results) {
            if (r.result() != Result.PASS) {
                return r.exit() == null ? ExitCodes.INTERNAL : r.exit();
            }
        }
        return ExitCodes.OK;
    }
}
