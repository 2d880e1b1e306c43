package dev.mgmt.diagnose;

import dev.mgmt.client.BaseUrl;
import dev.mgmt.client.EnvProxySelector;
import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.process.Env;
import dev.mgmt.report.CheckResult;
import dev.mgmt.report.Result;
import dev.mgmt.settings.Setting;
import dev.mgmt.settings.Settings;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * What the checks know: the settings and where they came from, the failed exchange (if any), and
 * the means to ask more questions (the probe, the TLS context, the proxy selector).
 */
public final class Context {
    final Env env;
    final Settings settings;
    final BaseUrl base;
    final String urlError;
    final Setting<String> token;
    final Probe probe;
    final SSLContext ssl;
    final EnvProxySelector proxy;
    final Duration perRequest;
    final MgmtException failure;
    final ApiRequest request;
    final ApiResponse response;
    final int attempts;
    /** Results other checks may build on, by check id. */
    final Map<String, CheckResult> done = new HashMap<>();
    /** The API proxy {@code doctor --proxy} names, to check proxy-scoped permissions on; null: the first one listed. */
    String apiProxy;

    Context(Env env, Settings settings, BaseUrl base, String urlError, Probe probe, SSLContext ssl,
            EnvProxySelector proxy, Duration perRequest, MgmtException failure, ApiRequest request,
            ApiResponse response, int attempts) {
        this.env = env;
        this.settings = settings;
        this.base = base;
        this.urlError = urlError;
        this.token = settings == null ? Setting.none() : settings.token();
        this.probe = probe;
        this.ssl = ssl;
        this.proxy = proxy;
        this.perRequest = perRequest;
        this.failure = failure;
        this.request = request;
        this.response = response;
        this.attempts = attempts;
    }

    boolean hasToken() {
        return token.isSet();
    }

    /**
     * The result of a check that builds on step {@code id} (about {@code what}) when that step ran and did not
     * pass: unknown, pointing at it; null when it passed or did not run.
     */
    CheckResult skippedAfter(String id, String what, String label) {
        CheckResult step = done.get(id);
        if (step == null || step.result() == Result.PASS) {
            return null;
        }
        return CheckResult.unknown(label, "skipped: " + what + " did not pass (above)");
    }

    /** The server's decoded error, when the failure was an answer from it. */
    ApiError apiError() {
        return failure instanceof ApiException ? ((ApiException) failure).error() : null;
    }

    /** The failed request's path below /apiops/, decoded, as segments. */
    List<String> pathSegments() {
        if (request == null || base == null) {
            return List.of();
        }
        String path = request.uri().getRawPath();
        String basePath = base.uri().getRawPath();
        if (path == null || !path.startsWith(basePath)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : path.substring(basePath.length()).split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** The project named in the failed request's path, or null. */
    String pathProject() {
        List<String> seg = pathSegments();
        return seg.size() >= 2 && seg.get(0).equals("projects") ? seg.get(1) : null;
    }
}
