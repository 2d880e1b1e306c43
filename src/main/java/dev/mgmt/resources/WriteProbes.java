package dev.mgmt.resources;

import java.util.List;
import java.util.Map;

/**
 * The one write request per kind that tells whether a token may change that kind without changing
 * anything: each body lacks a field the API reference documents as required (most often the name), so
 * a manager that checks the permission first answers 403 to a token without it and 400 to one with
 * it, and can create nothing either way. The README's permission table gives each probe's reasoning;
 * {@code why} is the short form the JSON report carries.
 */
public final class WriteProbes {
    /** The name put into a path where the endpoint wants one; never the body's (the body has none). */
    public static final String PROBE_NAME = "mgmt-permission-probe";

    private static final String JSON = "application/json";
    private static final String MULTIPART = "multipart/form-data; boundary=mgmt-permission-probe";

    /**
     * One probe. {@code path} is a template as in {@link Kind} ({@code {name}} becomes {@link #PROBE_NAME}).
     */
    public record Probe(String method, List<String> path, String contentType, String body, String why) {
    }

    /** Kinds the API offers no write endpoint for: there is no write permission to find. */
    private static final Map<String, String> NO_WRITE = Map.of(
        "project", "the Management API has no endpoint that creates or changes projects",
        "environment", "the Management API has no endpoint that creates or changes environments",
        "report", "reports are read-only");

    private static final Map<String, Probe> PROBES = Map.ofEntries(
        probe("proxy", "POST", List.of("projects", "{project}", "apiProxies", "url"), JSON, "{}",
            "apiProxyName and apiProxyCreationType are required; without specUrl nothing is fetched"),
        probe("endpoint", "POST", List.of("projects", "{project}", "apiProxies", "{proxy}", "endpoints"), JSON, "{}",
            "name, httpMethod and backendResourceUrl are required"),
        probe("policy", "POST", List.of("projects", "{project}", "apiProxies", "{proxy}", "policies", "{name}"), JSON,
            "{}", "operationMetadata (targetScope, targetPipeline) and policy are required"),
        probe("connection", "POST", List.of("projects", "{project}", "connections", "{name}"), JSON, "{}",
            "type and name are required, and the body's name must match the path's"),
        probe("credential", "POST", List.of("projects", "{project}", "credentials"), JSON, "{}",
            "username, password, fullName and email are required (\"Credential username can not be empty!\")"),
        probe("access", "PUT", List.of("projects", "{project}", "credentials", "{credential}", "access"), JSON,
            "{\"credentialAccessList\":[{}]}",
            "each access object needs a name (\"Credential access object name can not be empty!\")"),
        probe("env-var", "POST", List.of("projects", "{project}", "environmentVariables", "{name}"), JSON, "{}",
            "name is required and must match the path's (\"Environment variable name can not be empty!\")"),
        probe("proxy-group", "POST", List.of("projects", "{project}", "apiProxyGroups"), JSON, "{}",
            "name and clientRoute are required (\"name value can not be empty!\")"),
        probe("certificate", "POST", List.of("projects", "{project}", "certificates"), MULTIPART,
            "--mgmt-permission-probe--\r\n",
            "an empty form: certificateName, alias, pemEncodedFile and environmentList are required"),
        probe("keystore", "POST", List.of("projects", "{project}", "keystores"), JSON, "{}",
            "a keystore needs its name and its file content"),
        probe("key", "POST", List.of("projects", "{project}", "keys"), JSON, "{}",
            "a key needs its name and its key material"),
        probe("jwk", "POST", List.of("projects", "{project}", "jwks"), JSON, "{}",
            "name and sourceType are required (\"JWK name can not be empty!\")"));

    private WriteProbes() {
    }

    /** The probe for a kind, or null when there is none (see {@link #noWrite}). */
    public static Probe forKind(Kind kind) {
        return PROBES.get(kind.singular());
    }

    /** Why a kind has no write permission to probe, or null when it has writes. */
    public static String noWrite(Kind kind) {
        return NO_WRITE.get(kind.singular());
    }

    private static Map.Entry<String, Probe> probe(String kind, String method, List<String> path, String contentType,
                                                  String body, String why) {
        return Map.entry(kind, new Probe(method, path, contentType, body, why));
    }
}
