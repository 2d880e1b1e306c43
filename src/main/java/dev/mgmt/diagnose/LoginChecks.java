package dev.mgmt.diagnose;

import dev.mgmt.errors.ApiError;
import dev.mgmt.report.CheckResult;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks for a refused sign-in (POST auth/token): what was sent, and what the token endpoint's
 * answer means. No token exists yet, so the token checks would only list what is missing.
 */
final class LoginChecks {
    private LoginChecks() {
    }

    static CheckResult user(Context c, String label) {
        String user = formField(c, "client_id");
        String secret = formField(c, "client_secret");
        if (user == null || user.isEmpty()) {
            return CheckResult.fail(label, "no user name (client_id) was sent");
        }
        if (secret == null || secret.isEmpty()) {
            return CheckResult.fail(label, "user '" + user + "' with an empty password (client_secret)");
        }
        String spaced = secret.strip().equals(secret) ? "" : "; the password starts or ends with a space"
            + " (copied with one?)";
        return CheckResult.pass(label, "user '" + user + "' (client_id) and a password (client_secret)" + spaced);
    }

    static CheckResult answer(Context c, String label) {
        ApiError e = c.apiError();
        if (e == null) {
            return CheckResult.unknown(label, "no answer to look at");
        }
        String said = e.status() + (e.code() == null ? "" : " " + e.code()) + " — " + e.description();
        String code = e.code() == null ? "" : e.code().toLowerCase(Locale.ROOT);
        if (e.status() == 404 || e.status() == 405) {
            return CheckResult.fail(label, "no token endpoint at " + c.request.uri() + " (" + said
                + "): the URL does not lead to the Management API");
        }
        if (e.status() == 401 || code.contains("client") || code.contains("credentials") || code.equals("invalid_grant")) {
            return CheckResult.fail(label, "the manager refused this user name and password (" + said
                + "); both are case-sensitive");
        }
        if (e.status() == 403) {
            return CheckResult.fail(label, "the user exists but may not sign in to the API (" + said + ")");
        }
        return CheckResult.fail(label, "the token endpoint refused the request (" + said + ")");
    }

    private static String formField(Context c, String name) {
        if (c.request == null || c.request.body() == null) {
            return null;
        }
        for (String pair : new String(c.request.body(), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
