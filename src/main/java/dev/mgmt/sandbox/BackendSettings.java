package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The settings of how the gateway reaches the backend: connection, circuit breaker, mTLS, NTLM and proxy server. */
final class BackendSettings {
    static final Set<String> THRESHOLD_TYPES = Set.of("COUNT", "PERCENT");
    static final Set<String> POOL_TYPES = Set.of("GENERAL", "CUSTOM", "NONE");
    static final Set<String> TLS_PROTOCOLS = Set.of("TLS_1_3", "TLS_1_2", "TLS_1_1", "TLS_1_0", "SSL_3_0");
    static final Set<String> HOSTNAME_VERIFIERS = Set.of("NOOP", "DEFAULT", "STRICT", "BROWSER_COMPAT");

    private BackendSettings() {
    }

    static void circuitBreaker(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        v.optBool("circuitBreakerEnabled");
        v.optInt("errorWindow");
        v.optInt("errorThresholdValue");
        v.optEnum("enumErrorThresholdType", THRESHOLD_TYPES);
        v.optInt("sleepWindow");
        v.optBool("halfOpenEnabled");
        v.throwIfInvalid();
        ObjectNode c = ProxySettings.stored(x, "circuitBreakerSettings", Json.obj().put("circuitBreakerEnabled", false)
                .putNull("errorWindow").putNull("errorThresholdValue").put("enumErrorThresholdType", "COUNT")
                .putNull("sleepWindow").put("halfOpenEnabled", false));
        ProxySettings.merge(c, b, List.of("circuitBreakerEnabled", "errorWindow", "errorThresholdValue", "enumErrorThresholdType",
                "sleepWindow", "halfOpenEnabled"));
        List<ApiError.FieldError> bad = new ArrayList<>();
        for (String f : List.of("errorWindow", "errorThresholdValue", "sleepWindow")) {
            if (c.hasNonNull(f) && c.get(f).asInt() < 1) {
                bad.add(new ApiError.FieldError(f, f + " must be 1 or greater"));
            }
        }
        if ("PERCENT".equals(c.path("enumErrorThresholdType").asText()) && c.path("errorThresholdValue").asInt(0) > 100) {
            bad.add(new ApiError.FieldError("errorThresholdValue",
                    "errorThresholdValue is a percentage when enumErrorThresholdType is PERCENT and can not exceed 100"));
        }
        if (!bad.isEmpty()) {
            throw ProxySettings.documented("Invalid circuit breaker settings", bad);
        }
        x.meta.set("circuitBreakerSettings", c);
    }

    static void connection(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        for (String f : List.of("connectionSettingsEnabled", "redirectsEnabled", "relativeRedirectsAllowed",
                "disableContentCompression", "enableStreaming", "ignoreRoutingError")) {
            v.optBool(f);
        }
        for (String f : List.of("connectTimeout", "readTimeout", "connectionRequestTimeout", "maxRedirects",
                "retryCount", "failoverRetryCount")) {
            ProxySettings.nonNegative(v, f, v.optInt(f));
        }
        v.optEnum("connectionPoolManagementType", POOL_TYPES);
        Integer size = v.optInt("customConnectionPoolSize");
        if (size != null && size < 1) {
            v.error("customConnectionPoolSize", "customConnectionPoolSize must be 1 or greater");
        }
        v.throwIfInvalid();
        ObjectNode c = ProxySettings.stored(x, "connectionSettings", Json.obj().put("connectionSettingsEnabled", false)
                .putNull("connectTimeout").putNull("readTimeout").putNull("connectionRequestTimeout")
                .put("redirectsEnabled", false).putNull("maxRedirects").put("relativeRedirectsAllowed", false)
                .put("disableContentCompression", false).put("enableStreaming", false).putNull("retryCount")
                .putNull("failoverRetryCount").put("ignoreRoutingError", false)
                .put("connectionPoolManagementType", "GENERAL").putNull("customConnectionPoolSize"));
        ProxySettings.merge(c, b, List.of("connectionSettingsEnabled", "connectTimeout", "readTimeout", "connectionRequestTimeout",
                "redirectsEnabled", "maxRedirects", "relativeRedirectsAllowed", "disableContentCompression",
                "enableStreaming", "retryCount", "failoverRetryCount", "ignoreRoutingError",
                "connectionPoolManagementType", "customConnectionPoolSize"));
        if ("CUSTOM".equals(c.path("connectionPoolManagementType").asText()) && !c.hasNonNull("customConnectionPoolSize")) {
            throw ApiError.badRequest(
                    "Custom connection pool size is required when connectionPoolManagementType is CUSTOM");
        }
        x.meta.set("connectionSettings", c);
    }

    static void mtls(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        v.optBool("enabled");
        v.optString("keyStoreId");
        v.optString("trustStoreId");
        List<String> protocols = v.optStringList("supportedProtocolList");
        if (protocols != null) {
            for (String s : protocols) {
                if (!TLS_PROTOCOLS.contains(s)) {
                    v.error("supportedProtocolList", "supportedProtocolList must contain only "
                            + String.join(", ", TLS_PROTOCOLS.stream().sorted().toList()) + " (got '" + s + "')");
                }
            }
        }
        v.optEnum("hostnameVerifierType", HOSTNAME_VERIFIERS);
        v.throwIfInvalid();
        ObjectNode c = ProxySettings.stored(x, "mtlsSettings", Json.obj().put("enabled", false).putNull("keyStoreId")
                .putNull("trustStoreId").put("hostnameVerifierType", "NOOP"));
        if (!c.has("supportedProtocolList")) {
            c.putArray("supportedProtocolList");
        }
        ProxySettings.merge(c, b, List.of("enabled", "keyStoreId", "trustStoreId", "supportedProtocolList", "hostnameVerifierType"));
        if (c.path("enabled").asBoolean(false) && ProxySettings.blank(c.get("keyStoreId"))) {
            throw ApiError.badRequest("KeyStore ID is required when mTLS is enabled");
        }
        x.meta.set("mtlsSettings", c);
    }

    static void ntlm(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        v.optBool("enabled");
        for (String f : List.of("domain", "username", "password", "workstation")) {
            v.optString(f);
        }
        v.throwIfInvalid();
        ObjectNode c = ProxySettings.stored(x, "ntlmSettings", Json.obj().put("enabled", false).putNull("domain")
                .putNull("username").putNull("password").putNull("workstation"));
        ProxySettings.merge(c, b, List.of("enabled", "domain", "username", "password", "workstation"));
        if (c.path("enabled").asBoolean(false)
                && (ProxySettings.blank(c.get("domain")) || ProxySettings.blank(c.get("username")) || ProxySettings.blank(c.get("password")))) {
            throw ApiError.badRequest("Domain, username, and password are required when NTLM is enabled");
        }
        x.meta.set("ntlmSettings", c);
    }

    static void proxyServer(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        v.optBool("proxyEnabled");
        v.optBool("proxyFromHeaderEnabled");
        v.optString("proxyHost");
        Integer port = v.optInt("proxyPort");
        if (port != null && (port < 1 || port > 65535)) {
            v.error("proxyPort", "proxyPort must be between 1 and 65535");
        }
        v.optBool("proxyAuthorizationNeeded");
        v.optString("proxyUsername");
        v.optString("proxyPassword");
        v.throwIfInvalid();
        ObjectNode c = ProxySettings.stored(x, "proxyServerSettings", Json.obj().put("proxyEnabled", false)
                .put("proxyFromHeaderEnabled", false).putNull("proxyHost").putNull("proxyPort")
                .put("proxyAuthorizationNeeded", false).putNull("proxyUsername").putNull("proxyPassword"));
        ProxySettings.merge(c, b, List.of("proxyEnabled", "proxyFromHeaderEnabled", "proxyHost", "proxyPort",
                "proxyAuthorizationNeeded", "proxyUsername", "proxyPassword"));
        boolean fromHeader = c.path("proxyFromHeaderEnabled").asBoolean(false);
        if (c.path("proxyEnabled").asBoolean(false) && !fromHeader
                && (ProxySettings.blank(c.get("proxyHost")) || !c.hasNonNull("proxyPort"))) {
            throw ApiError.badRequest("Proxy host and port are required when proxy is enabled");
        }
        if (c.path("proxyEnabled").asBoolean(false) && !fromHeader && c.path("proxyAuthorizationNeeded").asBoolean(false)
                && (ProxySettings.blank(c.get("proxyUsername")) || ProxySettings.blank(c.get("proxyPassword")))) {
            throw ApiError.badRequest("Proxy username and password are required when proxy authorization is needed");
        }
        x.meta.set("proxyServerSettings", c);
    }
}
