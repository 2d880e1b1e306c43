package dev.mgmt.diagnose;

import dev.mgmt.report.CheckResult;

import java.util.List;
import java.util.Map;

import static java.util.Map.entry;

/**
 * The checks, by the ids the catalog uses. Each returns zero or more results; a check that would
 * need something we do not have (a token, an answer) says unknown rather than fail.
 */
final class Checks {
    /** One check: what it found, labelled as the catalog item names it. */
    @FunctionalInterface
    interface Check {
        List<CheckResult> run(Context c, String label);
    }

    /** A check with exactly one result. */
    @FunctionalInterface
    private interface Single {
        CheckResult run(Context c, String label);
    }

    private static final Map<String, Check> BY_ID = Map.ofEntries(
        entry("token-sent", one(TokenChecks::sent)),
        entry("token-configured", one(TokenChecks::configured)),
        entry("token-format", one(TokenChecks::format)),
        entry("token-decode", one(TokenChecks::decode)),
        entry("clock-skew", one(TokenChecks::clockSkew)),
        entry("token-hello", one(TokenChecks::hello)),
        entry("permission-needed", one(AccessChecks::permissionNeeded)),
        entry("read-same-project", one(AccessChecks::readSameProject)),
        entry("url", one(UrlChecks::url)),
        entry("api-at-url", one(UrlChecks::apiAtUrl)),
        entry("health", one(UrlChecks::health)),
        entry("health-now", one(UrlChecks::health)),
        entry("proxy-vars", one(NetworkChecks::proxyVars)),
        entry("dns", one(NetworkChecks::dns)),
        entry("tcp", one(NetworkChecks::tcp)),
        entry("tls", one(NetworkChecks::tls)),
        entry("walk-path", (c, label) -> NameChecks.walkPath(c)),
        entry("project", NameChecks::project),
        entry("environment", NameChecks::environment),
        entry("api-proxy", NameChecks::apiProxy),
        entry("permissions", PermissionChecks::matrix),
        entry("body-json", BodyChecks::bodyJson),
        entry("validation-errors", BodyChecks::validationErrors),
        entry("schema", BodyChecks::schema),
        entry("colliding-name", one(ConflictChecks::collidingName)),
        entry("existing-object", one(ConflictChecks::existingObject)),
        entry("retry-after", one(RateLimitChecks::retryAfter)),
        entry("attempts", one(RateLimitChecks::attempts)),
        entry("limit-now", one(RateLimitChecks::limitNow)),
        entry("who-answered", one(AttributionChecks::whoAnswered)),
        entry("correlation", one(AttributionChecks::correlation)),
        entry("login-user", one(LoginChecks::user)),
        entry("login-answer", one(LoginChecks::answer)));

    private Checks() {
    }

    static List<CheckResult> run(String id, String label, Context c) {
        Check check = BY_ID.get(id);
        return check == null
            ? List.of(CheckResult.unknown(label, "no check implemented for '" + id + "'"))
            : check.run(c, label);
    }

    private static Check one(Single check) {
        return (c, label) -> List.of(check.run(c, label));
    }
}
