package dev.mgmt.diagnose;

import dev.mgmt.report.CheckResult;
import dev.mgmt.process.Env;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.client.BaseUrl;
import dev.mgmt.client.EnvProxySelector;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.settings.Setting;
import dev.mgmt.settings.Settings;

import java.time.Duration;
import java.util.HashMap;
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
    SchemaCheck schema = SchemaCheck.NONE;

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
}
