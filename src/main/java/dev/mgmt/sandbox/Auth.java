package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Token issuing (auth/token) and the test endpoints (test/healthcheck, test/hello). */
final class Auth {
    private final Context ctx;
    private final Tokens tokens;
    private final Map<String, Http.User> users;

    Auth(Context ctx, Tokens tokens, Map<String, Http.User> users) {
        this.ctx = ctx;
        this.tokens = tokens;
        this.users = users;
    }

    Http.Resp healthcheck(Http.Req q) {
        return Http.Resp.text("OK");
    }

    Http.Resp hello(Http.Req q) {
        return Http.Resp.text("Hello " + q.param("name"));
    }

    Http.Resp token(Http.Req q) {
        if (!q.contentType().startsWith("application/x-www-form-urlencoded")) {
            throw ApiError.badRequest("Content-Type must be application/x-www-form-urlencoded");
        }
        Map<String, String> f = Http.form(new String(q.body, StandardCharsets.UTF_8));
        if (!"client_credentials".equals(f.get("grant_type"))) {
            throw new ApiError(400, "unsupported_grant_type", "GrantType value must be client_credentials!");
        }
        Http.User u = users.get(f.getOrDefault("client_id", ""));
        if (u == null || !u.password().equals(f.getOrDefault("client_secret", ""))) {
            throw new ApiError(401, "unauthorized_client", "Bad credentials");
        }
        long expiresIn = 3600;
        var now = ctx.clock.get().instant();
        ObjectNode o = Json.obj()
                .put("access_token", tokens.issue(u.username(), now, now.plusSeconds(expiresIn)))
                .put("token_type", "Bearer")
                .put("expires_in", expiresIn);
        return Http.Resp.json(o).header("Cache-Control", "no-store");
    }
}
