package dev.mgmt.diagnose;

import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ErrorDecoder;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.json.Jwt;
import dev.mgmt.report.CheckResult;
import dev.mgmt.text.Durations;
import dev.mgmt.text.Redactor;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The token: whether one was sent, how it looks, its validity period by both clocks, and the server's verdict. */
final class TokenChecks {
    private static final Duration SKEW_TOLERANCE = Duration.ofSeconds(60);

    private TokenChecks() {
    }

    private static String tokenWhere(Context c) {
        return Redactor.mask(c.token.value()) + " from " + c.token.origin();
    }

    static CheckResult sent(Context c, String label) {
        String auth = c.request == null ? null : c.request.header("Authorization");
        if (auth == null) {
            return CheckResult.fail(label, "no Authorization header was sent: no token from --token, --token-file, "
                + "MGMT_TOKEN, MGMT_TOKEN_FILE or the context");
        }
        if (!c.hasToken()) {
            return CheckResult.pass(label, "an Authorization header given with -H");
        }
        return CheckResult.pass(label, "Bearer " + tokenWhere(c));
    }

    static CheckResult configured(Context c, String label) {
        if (!c.hasToken()) {
            return CheckResult.fail(label, "none found in --token, --token-file, MGMT_TOKEN, MGMT_TOKEN_FILE or the context")
                .withExit(ExitCodes.UNAUTHORIZED);
        }
        return CheckResult.pass(label, tokenWhere(c));
    }

    static CheckResult format(Context c, String label) {
        if (!c.hasToken()) {
            return CheckResult.unknown(label, "no token to look at").withExit(ExitCodes.UNAUTHORIZED);
        }
        String t = c.token.value();
        List<String> problems = new ArrayList<>();
        if (t.regionMatches(true, 0, "Bearer ", 0, 7) || t.regionMatches(true, 0, "Bearer%20", 0, 9)) {
            problems.add("it starts with its own 'Bearer ' prefix (mgmt adds it; give the bare token)");
        } else if (t.chars().anyMatch(Character::isWhitespace)) {
            problems.add("it contains whitespace");
        }
        if (t.startsWith("\"") || t.startsWith("'") || t.endsWith("\"") || t.endsWith("'")) {
            problems.add("it is wrapped in quotes");
        }
        if (t.chars().anyMatch(ch -> ch < 0x20 || ch > 0x7e)) {
            problems.add("it holds non-ASCII or control characters (copied from a rich-text page?)");
        }
        if (!problems.isEmpty()) {
            return CheckResult.fail(label, "the token from " + c.token.origin() + " looks wrong: "
                + String.join("; ", problems)).withExit(ExitCodes.UNAUTHORIZED);
        }
        String shape = Jwt.decode(t) != null ? "JWT-shaped" : t.chars().filter(ch -> ch == '.').count() == 2
            ? "three dot-separated parts that do not decode as a JWT (copied incompletely?)" : "opaque";
        return CheckResult.pass(label, t.length() + " characters, one line, " + shape);
    }

    /** The server's clock from a response's Date header, or null. */
    private static Instant serverDate(ApiResponse r) {
        if (r == null) {
            return null;
        }
        String d = r.header("Date");
        if (d == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(d.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A response carrying the server's Date: the failed one, else a healthcheck. */
    private static ApiResponse dated(Context c) {
        if (serverDate(c.response) != null) {
            return c.response;
        }
        if (c.probe == null) {
            return null;
        }
        Probe.Outcome o = c.probe.get("test/healthcheck/", false);
        return o.answered() ? o.response() : null;
    }

    static CheckResult decode(Context c, String label) {
        if (!c.hasToken()) {
            return CheckResult.unknown(label, "no token to decode").withExit(ExitCodes.UNAUTHORIZED);
        }
        Jwt jwt = Jwt.decode(c.token.value());
        if (jwt == null) {
            // Many managers issue opaque tokens: not being able to read one locally is not a fault.
            return CheckResult.pass(label, "not a JWT (an opaque token): nothing to read locally; the server's answer "
                + "to test/hello decides");
        }
        Instant now = c.env.clock().instant();
        Instant server = serverDate(c.response);
        String claims = jwt.summary();
        Instant exp = jwt.expiresAt();
        Instant nbf = jwt.notBefore() != null ? jwt.notBefore() : jwt.issuedAt();
        if (exp != null && !exp.isAfter(now)) {
            return CheckResult.fail(label, "expired at " + exp + " (" + Durations.human(Duration.between(exp, now))
                + " ago); " + claims).withExit(ExitCodes.UNAUTHORIZED);
        }
        if (exp != null && server != null && !exp.isAfter(server)) {
            return CheckResult.fail(label, "valid by this machine's clock, but expired at " + exp
                + " by the server's clock (Date: " + server + "); " + claims).withExit(ExitCodes.UNAUTHORIZED);
        }
        if (nbf != null && nbf.isAfter(now.plus(SKEW_TOLERANCE))) {
            return CheckResult.fail(label, "not yet valid: issued for " + nbf + ", "
                + Durations.human(Duration.between(now, nbf)) + " in the future by this machine's clock; " + claims)
                .withExit(ExitCodes.UNAUTHORIZED);
        }
        if (exp == null) {
            return CheckResult.pass(label, "no expiry (exp) in the token; " + claims);
        }
        return CheckResult.pass(label, "valid until " + exp + " (" + Durations.human(Duration.between(now, exp))
            + " left); " + claims);
    }

    static CheckResult clockSkew(Context c, String label) {
        ApiResponse r = dated(c);
        Instant server = serverDate(r);
        if (server == null) {
            return CheckResult.unknown(label, "the server sent no Date header to compare with");
        }
        Instant now = c.env.clock().instant();
        Duration skew = Duration.between(server, now);
        String d = "this machine " + now.truncatedTo(ChronoUnit.SECONDS) + ", server " + server;
        if (skew.abs().compareTo(SKEW_TOLERANCE) > 0) {
            return CheckResult.fail(label, "this machine's clock is " + Durations.human(skew)
                + (skew.isNegative() ? " behind" : " ahead of") + " the server's (" + d
                + "): token times are judged by the server's clock").withExit(ExitCodes.UNEXPECTED_RESPONSE);
        }
        return CheckResult.pass(label, "within " + Durations.human(SKEW_TOLERANCE) + " (" + d + ")");
    }

    static CheckResult hello(Context c, String label) {
        if (!c.hasToken()) {
            return CheckResult.unknown(label, "no token to try").withExit(ExitCodes.UNAUTHORIZED);
        }
        if (c.probe == null) {
            return Details.noUrl(label);
        }
        Probe.Outcome o = c.probe.get("test/hello/mgmt/", true);
        if (o.ok()) {
            return CheckResult.pass(label, "accepted (" + o.describe() + ")");
        }
        if (!o.answered()) {
            return CheckResult.unknown(label, "could not ask: " + o.describe()).withExit(ExitCodes.NETWORK);
        }
        if (o.webPage() != null) {
            return CheckResult.fail(label, "not known: " + Details.describeFailure(o))
                .withExit(ExitCodes.UNEXPECTED_RESPONSE);
        }
        ApiError e = ErrorDecoder.decode(o.response());
        int exit = o.status() == 401 ? ExitCodes.UNAUTHORIZED : ExitCodes.forStatus(o.status());
        return CheckResult.fail(label, "rejected: " + Details.errorLine(e) + " (" + o.describe() + ")").withExit(exit);
    }
}
