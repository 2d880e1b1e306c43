package dev.mgmt.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.auth.Tokens;
import dev.mgmt.config.Config;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.json.Json;
import dev.mgmt.json.Jwt;
import dev.mgmt.run.Invocation;
import dev.mgmt.settings.OutputFormat;
import dev.mgmt.settings.Setting;
import dev.mgmt.settings.Settings;
import dev.mgmt.settings.Source;
import dev.mgmt.text.Durations;
import dev.mgmt.text.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code mgmt auth status}: which token is in use, where it came from, when it expires, and whether
 * the server accepts it. Exit 4 when it is missing, expired or rejected.
 */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt auth status",
        "  mgmt auth status --offline -o json",
        "  mgmt --sandbox auth status"},
    name = "status", description = {
    "Show the token in use, where it comes from, when it expires and whether the server accepts it.",
    "Prints the context, URL, where the token comes from (flag, env, file, context, sandbox), the token as ****+last 4,",
    "its expiry (from the JWT 'exp' claim, read locally, or the expiry saved by 'mgmt login'), and whether",
    "the server accepts it (GET test/hello/mgmt). Warns when little of its life is left (under a tenth, and",
    "under 24 hours).",
    "Exit 4 when the token is missing, expired or rejected."})
public final class AuthStatusCommand extends BaseCommand {

    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.REPORT;
    }
    static final Duration SOON = Duration.ofHours(24);
    /** Without an issue time the token's lifetime is unknown: warn only in its last minutes. */
    static final Duration SOON_UNKNOWN_LIFETIME = Duration.ofMinutes(10);

    /**
     * Little of the token's life is left: under a tenth of it (and under {@link #SOON}), so a fresh
     * one-hour token is quiet until its last six minutes, and a 30-day one warns on its last day.
     */
    static boolean nearExpiry(Instant issued, Instant now, Instant expires) {
        Duration left = Duration.between(now, expires);
        Duration threshold = issued != null && issued.isBefore(expires)
            ? Duration.between(issued, expires).dividedBy(10)
            : SOON_UNKNOWN_LIFETIME;
        if (threshold.compareTo(SOON) > 0) {
            threshold = SOON;
        }
        return left.compareTo(threshold) < 0;
    }

    private static Instant issuedAt(Setting<String> token) {
        Jwt jwt = token.isSet() ? Jwt.decode(token.value()) : null;
        return jwt == null ? null : jwt.issuedAt();
    }

    @Option(names = "--offline", description = "Do not ask the server; only decode the token locally.")
    boolean offline;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        Settings s = inv.settings();
        OutputFormat format = s.output().value();
        Config.Selection sel = inv.options().sandbox() ? new Config.Selection(null, null, null)
            : inv.config().selection(false);
        Setting<String> token = s.token();
        Instant now = inv.env().clock().instant();

        ObjectNode o = Json.mapper().createObjectNode();
        o.put("context", sel.name());
        o.put("url", s.url().value());
        ObjectNode t = o.putObject("token");
        String state;
        String problem = null;
        Instant expires = null;
        if (!token.isSet()) {
            state = "missing";
            t.putNull("source");
            problem = "no token: run 'mgmt login', or pass --token-file FILE, or set MGMT_TOKEN";
        } else {
            t.put("source", sourceOf(token));
            t.put("origin", token.origin());
            t.put("masked", Redactor.mask(token.value()));
            expires = Jwt.expiryOf(token.value());
            String expirySource = "jwt";
            if (expires == null && token.source() == Source.CONTEXT && sel.entry() != null
                && sel.entry().get("token-expires") != null && sel.entry().get("token") != null) {
                expires = Instant.parse(sel.entry().get("token-expires"));
                expirySource = "saved by login";
            }
            if (expires != null) {
                t.put("expires", expires.toString());
                t.put("expires_in_seconds", Duration.between(now, expires).getSeconds());
                t.put("expiry_source", expirySource);
            }
            if (expires != null && !expires.isAfter(now)) {
                state = "expired";
                problem = "the token expired " + Durations.human(Duration.between(expires, now)) + " ago (" + expires
                    + "); run 'mgmt login' to get a new one";
            } else {
                state = "valid";
            }
        }

        ObjectNode check = o.putObject("check");
        if (offline || !state.equals("valid")) {
            check.put("result", "skipped");
        } else {
            Tokens.Check verdict = new Tokens(inv.authenticatedClient(), inv.redactor()).check();
            check.put("result", verdict.accepted() ? "accepted" : "rejected");
            check.put("status", verdict.status());
            if (!verdict.accepted()) {
                check.put("error", verdict.code());
                check.put("detail", verdict.detail());
                state = "rejected";
                problem = "the server rejected the token: 401 " + (verdict.code() == null ? "" : verdict.code() + " — ")
                    + verdict.detail();
            }
        }
        o.put("status", state);

        if (format.structured()) {
            ConfigSupport.printObject(inv, format, o);
        } else {
            var out = inv.out();
            out.println("Context:  " + sel.label() + (sel.origin() == null ? "" : "   (from " + sel.origin() + ")"));
            out.println("URL:      " + (s.url().isSet() ? s.url().value() + "   (from " + s.url().origin() + ")" : "not set"));
            if (token.isSet()) {
                out.println("Token:    " + Redactor.mask(token.value()) + "   (" + describe(token) + ")");
                if (expires == null) {
                    out.println("Expires:  unknown (not a JWT, and no expiry saved)");
                } else if (expires.isAfter(now)) {
                    out.println("Expires:  " + expires + "   (in " + Durations.human(Duration.between(now, expires)) + ")");
                } else {
                    out.println("Expires:  " + expires + "   (expired " + Durations.human(Duration.between(expires, now)) + " ago)");
                }
            } else {
                out.println("Token:    none");
            }
            String result = check.path("result").asText();
            out.println("Server:   " + (result.equals("accepted") ? "token accepted (GET test/hello/mgmt: " + check.path("status").asInt() + ")"
                : result.equals("rejected") ? "token rejected: " + check.path("detail").asText()
                : "not checked"));
            out.flush();
        }
        if (state.equals("valid") && expires != null
            && nearExpiry(issuedAt(token), now, expires)) {
            ConfigSupport.warn(inv, "the token expires in " + Durations.human(Duration.between(now, expires))
                + "; run 'mgmt login' to renew it");
        }
        if (problem != null) {
            throw new MgmtException(ExitCodes.UNAUTHORIZED, problem, List.of(), null);
        }
        return ExitCodes.OK;
    }

    /** "context prod", "--sandbox", "env MGMT_TOKEN", "flag --token", "file --token-file /x". */
    static String describe(Setting<String> token) {
        // A context's or the sandbox's origin already names its layer ("context prod", "--sandbox").
        boolean named = token.source() == Source.CONTEXT || token.source() == Source.SANDBOX;
        return named ? token.origin() : sourceOf(token) + " " + token.origin();
    }

    /** flag, env, file, context or sandbox. */
    static String sourceOf(Setting<String> token) {
        String origin = token.origin();
        if (origin.contains("token-file") || origin.contains("TOKEN_FILE")) {
            return "file";
        }
        switch (token.source()) {
            case FLAG: return "flag";
            case ENV: return "env";
            case CONTEXT: return "context";
            default: return token.source().label();
        }
    }
}
