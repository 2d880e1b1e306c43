package dev.mgmt.resources;

import dev.mgmt.errors.UsageException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The create / update / delete endpoints of each kind, as data. */
public final class Operations {

    /** What a command does to a resource. */
    public enum Verb { CREATE, UPDATE, DELETE }

    private static final Map<String, Map<Verb, Operation>> BY_KIND = new HashMap<>();

    /** Other create endpoints of a kind, by the word --from takes. */
    private static final Map<String, Map<String, Operation>> SOURCES = new HashMap<>();

    static {
        List<String> proxies = List.of("projects", "{project}", "apiProxies");
        put("proxy", Verb.CREATE, op("POST", cat(proxies, "url"), "apiProxyName", "proxy.create-url"));
        put("proxy", Verb.UPDATE, op("PUT", cat(proxies, "url"), "apiProxyName", "proxy.update-url"));
        put("proxy", Verb.DELETE, op("DELETE", cat(proxies, "{name}"), null, null));

        List<String> endpoints = cat(proxies, "{proxy}", "endpoints");
        put("endpoint", Verb.CREATE, op("POST", endpoints, "name", "endpoint.create"));
        put("endpoint", Verb.UPDATE, op("PATCH", endpoints, "name", "endpoint.update"));
        put("endpoint", Verb.DELETE, op("POST", cat(endpoints, "delete"), "name", null));

        List<String> policy = cat(proxies, "{proxy}", "policies", "{name}");
        put("policy", Verb.CREATE, op("POST", policy, null, "policy.add"));
        put("policy", Verb.UPDATE, op("PUT", policy, null, "policy.update"));
        put("policy", Verb.DELETE, op("DELETE", policy, null, null));

        List<String> connection = List.of("projects", "{project}", "connections", "{name}");
        put("connection", Verb.CREATE, op("POST", connection, "name", "connection.create"));
        put("connection", Verb.UPDATE, op("PUT", connection, "name", "connection.update"));
        put("connection", Verb.DELETE, op("DELETE", connection, null, null));

        List<String> credentials = List.of("projects", "{project}", "credentials");
        put("credential", Verb.CREATE, op("POST", credentials, "username", "credential.create"));
        put("credential", Verb.UPDATE, op("PUT", credentials, "username", "credential.update"));
        put("credential", Verb.DELETE, op("DELETE", cat(credentials, "{name}"), null, null));

        List<String> envVar = List.of("projects", "{project}", "environmentVariables", "{name}");
        put("env-var", Verb.CREATE, op("POST", envVar, "name", "env-var.create"));
        put("env-var", Verb.UPDATE, op("PUT", envVar, "name", "env-var.update"));
        put("env-var", Verb.DELETE, op("DELETE", envVar, null, null));

        List<String> groups = List.of("projects", "{project}", "apiProxyGroups");
        put("proxy-group", Verb.CREATE, op("POST", groups, "name", "proxy-group.create"));
        put("proxy-group", Verb.UPDATE, op("PUT", groups, "name", "proxy-group.update"));
        put("proxy-group", Verb.DELETE, op("DELETE", cat(groups, "{name}"), null, null));

        for (String[] k : new String[][]{{"keystore", "keystores"}, {"key", "keys"}, {"jwk", "jwks"}}) {
            List<String> base = List.of("projects", "{project}", k[1]);
            put(k[0], Verb.CREATE, op("POST", base, "name", k[0] + ".create"));
            put(k[0], Verb.UPDATE, op("PUT", cat(base, "{name}"), "name", k[0] + ".update"));
            put(k[0], Verb.DELETE, op("DELETE", cat(base, "{name}"), null, null));
        }

        // A certificate is uploaded: the API takes a multipart form with the PEM file, not JSON.
        List<String> certificates = List.of("projects", "{project}", "certificates");
        put("certificate", Verb.CREATE, new Operation("POST", certificates, null, null, Uploads.CERTIFICATE));
        put("certificate", Verb.UPDATE, new Operation("PUT", cat(certificates, "{name}"), null, null,
            Uploads.CERTIFICATE));
        put("certificate", Verb.DELETE, op("DELETE", cat(certificates, "{name}"), null, null));

        // The other ways the API makes a JWK (create --from SOURCE); documented without a trailing slash.
        List<String> jwks = List.of("projects", "{project}", "jwks");
        SOURCES.put("jwk", new java.util.LinkedHashMap<>());
        SOURCES.get("jwk").put("generate", op("POST", cat(jwks, "generate", "~"), "name", "jwk.generate"));
        for (String from : List.of("url", "clipboard", "certificate", "key", "keystore")) {
            SOURCES.get("jwk").put(from, op("POST", cat(jwks, "parse-from-" + from, "~"), "name", null));
        }

        for (String[] k : new String[][]{{"ip-group", "ipGroups"}, {"rlcl", "rlcl"}}) {
            List<String> base = List.of("projects", "{project}", k[1]);
            put(k[0], Verb.CREATE, op("POST", base, "name", k[0] + ".create"));
            put(k[0], Verb.UPDATE, op("PUT", cat(base, "{name}"), "name", k[0] + ".update"));
            put(k[0], Verb.DELETE, op("DELETE", cat(base, "{name}"), null, null));
        }
    }

    private Operations() {
    }

    public static Operation find(Kind kind, Verb verb) {
        Map<Verb, Operation> ops = BY_KIND.get(kind.singular());
        Operation op = ops == null ? null : ops.get(verb);
        if (op == null) {
            throw new UsageException("the API has no way to " + verb.name().toLowerCase(java.util.Locale.ROOT) + " "
                + kind.plural(), "Any endpoint is reachable with: mgmt api METHOD PATH -d @FILE");
        }
        return op;
    }

    /** Whether the API has an endpoint for {@code verb} on this kind. */
    public static boolean has(Kind kind, Verb verb) {
        return BY_KIND.getOrDefault(kind.singular(), Map.of()).containsKey(verb);
    }

    /** A create from another source (--from): a usage error naming the sources there are when it is not one. */
    public static Operation create(Kind kind, String source) {
        Map<String, Operation> bySource = SOURCES.getOrDefault(kind.singular(), Map.of());
        Operation op = bySource.get(source);
        if (op == null) {
            throw new UsageException(bySource.isEmpty()
                ? "--from does not apply to " + kind.plural()
                : "unknown --from '" + source + "' for " + kind.plural() + ": expected one of "
                    + String.join(", ", bySource.keySet()));
        }
        return op;
    }

    /** The words --from takes for a kind, in order (empty when it has none). */
    public static List<String> sources(Kind kind) {
        return List.copyOf(SOURCES.getOrDefault(kind.singular(), Map.of()).keySet());
    }

    /** The body field that names a new object of this kind: the create operation's, else the list's. */
    public static String createdNameField(Kind kind) {
        Map<Verb, Operation> ops = BY_KIND.get(kind.singular());
        Operation create = ops == null ? null : ops.get(Verb.CREATE);
        return create != null && create.nameField() != null ? create.nameField() : kind.nameField();
    }

    /** Every operation that sends a body mgmt has a schema for, with its method and path template. */
    static List<Operation> withSchemas() {
        List<Operation> out = new java.util.ArrayList<>();
        for (Map<Verb, Operation> ops : BY_KIND.values()) {
            ops.values().stream().filter(o -> o.schema() != null).forEach(out::add);
        }
        for (Map<String, Operation> ops : SOURCES.values()) {
            ops.values().stream().filter(o -> o.schema() != null).forEach(out::add);
        }
        return out;
    }

    private static void put(String kind, Verb verb, Operation op) {
        BY_KIND.computeIfAbsent(kind, k -> new HashMap<>()).put(verb, op);
    }

    private static Operation op(String method, List<String> path, String nameField, String schema) {
        return new Operation(method, path, nameField, schema);
    }

    static List<String> cat(List<String> base, String... more) {
        List<String> all = new java.util.ArrayList<>(base);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }
}
