package dev.mgmt.resources;

import dev.mgmt.errors.UsageException;
import dev.mgmt.output.Column;
import dev.mgmt.text.NameMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every kind of resource mgmt can list and show, as data. */
public final class Kinds {
    /** Connection types, as the list endpoint's type parameter takes them. */
    static final List<String> CONNECTION_TYPES = List.of("email", "kafka", "elasticsearch", "rabbitMq", "ftp", "graylog",
        "syslog", "webhook", "logback", "activeMq", "snmp", "linux-script", "database", "ldap");

    private static final List<Kind> ALL = List.of(
        kind("project", "projects", List.of("proj", "projs"), Scope.GLOBAL,
            path("projects"), null, null, "name",
            cols(Column.of("NAME", "name"), Column.of("DESCRIPTION", "description")),
            cols()),
        kind("report", "reports", List.of("api-report", "api-reports", "proxy-report"), Scope.GLOBAL,
            path("reports", "api-proxies", "~"), null, null, "name",
            cols(Column.of("NAME", "name"), Column.of("TYPE", "type"), Column.of("PROJECT", "projectName"),
                Column.of("DESCRIPTION", "description")),
            cols(Column.of("ID", "id"))),
        kind("environment", "environments", List.of("env", "envs"), Scope.GLOBAL,
            path("environments"), path("environments", "{project}", "~"), null, "name",
            cols(Column.of("NAME", "name"), Column.of("TYPE", "type"), Column.of("STATUS", "status"),
                Column.of("ACCESS-URL", "accessUrl")),
            cols(Column.of("DEPLOYED", "deployed"), Column.of("REDEPLOY-REQUIRED", "redeployRequired"),
                Column.of("DESCRIPTION", "description"))),
        kind("proxy", "proxies", List.of("apiproxy", "apiproxies", "api-proxy", "api-proxies"), Scope.PROJECT,
            path("projects", "{project}", "apiProxies"), null,
            path("projects", "{project}", "apiProxies", "{name}"), "name",
            cols(Column.of("NAME", "name"), Column.of("TYPE", "type", "apiType"),
                Column.of("RELATIVE-PATH", "relativePath", "clientRoute.relativePathList")),
            cols(Column.of("SOAP-TO-REST", "soapToRest"), Column.of("DESCRIPTION", "description"))),
        kind("endpoint", "endpoints", List.of("ep", "eps"), Scope.PROXY,
            path("projects", "{project}", "apiProxies", "{proxy}", "endpoints"), null, null, "endpoint",
            cols(Column.of("METHOD", "httpMethod"), Column.of("ENDPOINT", "endpoint"), Column.of("ACTIVE", "active"),
                Column.of("BACKEND", "backendResourceUrl")),
            cols(Column.of("BACKEND-METHOD", "backendHttpMethod"), Column.of("ID", "id"),
                Column.of("DESCRIPTION", "description")))
            .withKeyFields(NameArgument.METHOD_FIELD),
        kind("policy", "policies", List.of("pol", "pols"), Scope.PROXY,
            path("projects", "{project}", "apiProxies", "{proxy}", "policies"), null, null, "name",
            cols(Column.of("NAME", "name"), Column.of("TYPE", "type"), Column.of("PIPELINE", "targetPipeline"),
                Column.of("ENDPOINT", "targetEndpoint"), Column.of("ACTIVE", "active")),
            cols(Column.of("METHOD", "targetEndpointHTTPMethod"), Column.of("DESCRIPTION", "description")))
            .withNesting(Kind.Nesting.PIPELINES),
        kind("connection", "connections", List.of("conn", "conns"), Scope.PROJECT,
            path("projects", "{project}", "connections"), null,
            path("projects", "{project}", "connections", "{name}"), "name",
            cols(Column.of("NAME", "name"), Column.of("TYPE", "type"), Column.of("ENABLED", "enabled"),
                Column.of("DESCRIPTION", "description")),
            cols(Column.of("DEPLOY-TO-WORKER", "deployToWorker"), Column.of("HOST", "host"), Column.of("PORT", "port")))
            .withListTypes(CONNECTION_TYPES),
        kind("credential", "credentials", List.of("cred", "creds"), Scope.PROJECT,
            path("projects", "{project}", "credentials"), null, null, "username",
            cols(Column.of("USERNAME", "username"), Column.of("FULL-NAME", "fullName"), Column.of("ENABLED", "enabled"),
                Column.of("ROLES", "roleNameList"), Column.of("EXPIRES", "expireDate")),
            cols(Column.of("EMAIL", "email"), Column.of("IPS", "ipList"), Column.of("DESCRIPTION", "description"))),
        kind("access", "access", List.of("granted-access", "grants"), Scope.CREDENTIAL,
            path("projects", "{project}", "credentials", "{credential}", "access"), null, null, "name",
            cols(Column.of("NAME", "name"), Column.of("TYPE", "type")),
            cols()),
        kind("env-var", "env-vars", List.of("envvar", "envvars", "environment-variable", "environment-variables",
                "environmentvariable", "environmentvariables"), Scope.PROJECT,
            path("projects", "{project}", "environmentVariables"), null,
            path("projects", "{project}", "environmentVariables", "{name}"), "name",
            cols(Column.of("NAME", "name"), Column.of("GLOBAL", "global"),
                Column.of("ENVIRONMENTS", "environmentValueList[].environmentName"),
                Column.of("DESCRIPTION", "description")),
            cols(Column.of("PROJECT", "projectName"))),
        kind("proxy-group", "proxy-groups", List.of("proxygroup", "proxygroups", "apiproxygroup", "apiproxygroups",
                "api-proxy-group", "api-proxy-groups", "group", "groups"), Scope.PROJECT,
            path("projects", "{project}", "apiProxyGroups"), null, null, "name",
            cols(Column.of("NAME", "name"), Column.of("DESCRIPTION", "description")),
            cols(Column.of("ID", "id"))),
        kind("certificate", "certificates", List.of("cert", "certs"), Scope.PROJECT,
            path("projects", "{project}", "certificates"), null,
            path("projects", "{project}", "certificates", "{name}"), "name",
            cols(Column.of("NAME", "name"), Column.of("ENVIRONMENTS", "certificateEnvironmentList[].environmentName"),
                Column.of("EXPIRES", "certificateEnvironmentList[].endDate"), Column.of("DESCRIPTION", "description")),
            cols(Column.of("SUBJECT", "certificateEnvironmentList[].subjectDn"))),
        kind("keystore", "keystores", List.of("ks"), Scope.PROJECT,
            path("projects", "{project}", "keystores"), null,
            path("projects", "{project}", "keystores", "{name}"), "name",
            cols(Column.of("NAME", "name"), Column.of("ENVIRONMENTS", "keyStoreEnvironmentList[].environmentName"),
                Column.of("TYPE", "keyStoreEnvironmentList[].type"), Column.of("DESCRIPTION", "description")),
            cols()),
        kind("key", "keys", List.of(), Scope.PROJECT,
            path("projects", "{project}", "keys"), null,
            path("projects", "{project}", "keys", "{name}"), "name",
            cols(Column.of("NAME", "name"), Column.of("KEY-TYPE", "keyType"),
                Column.of("ENVIRONMENTS", "cryptoKeyInfoEnvironmentList[].environmentName"),
                Column.of("DESCRIPTION", "description")),
            cols()),
        kind("jwk", "jwks", List.of(), Scope.PROJECT,
            path("projects", "{project}", "jwks"), null,
            path("projects", "{project}", "jwks", "{name}"), "name",
            cols(Column.of("NAME", "name"), Column.of("TYPE", "type"), Column.of("KID", "kid"),
                Column.of("SOURCE", "sourceType"), Column.of("DESCRIPTION", "description")),
            cols(Column.of("SOURCE-URL", "sourceUrl"))));

    /**
     * Kinds the API creates, changes and deletes but has no list or get for: {@code mgmt get} says so, and
     * nothing can check that a name is there before it is sent.
     */
    private static final List<Kind> UNLISTED = List.of(
        unlisted("ip-group", "ip-groups", List.of("ipgroup", "ipgroups"), Scope.PROJECT),
        unlisted("rlcl", "rlcls", List.of("rate-limit", "rate-limits", "rate-limit-control-list"), Scope.PROJECT),
        unlisted("geolocation", "geolocation", List.of("geo"), Scope.GLOBAL));

    private Kinds() {
    }

    /** The kinds mgmt can list and show. */
    public static List<Kind> all() {
        return ALL;
    }

    /** Every kind, with those the API only changes ({@link Kind#listable()} false) last. */
    public static List<Kind> everything() {
        List<Kind> every = new ArrayList<>(ALL);
        every.addAll(UNLISTED);
        return every;
    }

    /** Finds a kind by any of its names, case-insensitively; unknown names are a usage error with suggestions. */
    public static Kind find(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (Kind k : everything()) {
            if (k.matches(w)) {
                return k;
            }
        }
        List<String> names = new ArrayList<>();
        for (Kind k : everything()) {
            names.addAll(k.allNames());
        }
        List<String> close = NameMatcher.closest(w, names, 3);
        String plurals = String.join(", ", everything().stream().map(Kind::plural).toList());
        throw new UsageException("unknown resource kind '" + word + "'"
            + (close.isEmpty() ? "" : "; did you mean '" + close.get(0) + "'?"), "Kinds: " + plurals);
    }

    private static Kind kind(String singular, String plural, List<String> aliases, Scope scope, List<String> list,
                             List<String> narrowed, List<String> get, String nameField, List<Column> columns,
                             List<Column> wide) {
        return new Kind(singular, plural, aliases, scope, list, narrowed, get, nameField, columns, wide, List.of());
    }

    private static Kind unlisted(String singular, String plural, List<String> aliases, Scope scope) {
        return new Kind(singular, plural, aliases, scope, null, null, null, "name", List.of(), List.of(), List.of());
    }

    private static List<String> path(String... segments) {
        return List.of(segments);
    }

    private static List<Column> cols(Column... columns) {
        return List.of(columns);
    }
}
