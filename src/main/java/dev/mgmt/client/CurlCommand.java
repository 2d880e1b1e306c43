package dev.mgmt.client;

import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.Bodies;

import java.nio.charset.StandardCharsets;

/**
 * The curl command equivalent to a request, runnable as printed. The token is written as
 * {@code $MGMT_TOKEN} inside double quotes so the shell expands it: the secret itself never appears.
 */
public final class CurlCommand {
    private CurlCommand() {
    }

    public static String render(ApiRequest request) {
        StringBuilder sb = new StringBuilder("curl -sS");
        if (!request.method().equals("GET") || request.hasBody()) {
            sb.append(" -X ").append(request.method());
        }
        sb.append(' ').append(quote(request.uri().toString()));
        for (ApiRequest.Header h : request.headers()) {
            if (h.name().equalsIgnoreCase("Authorization")) {
                int space = h.value().indexOf(' ');
                String scheme = space > 0 ? h.value().substring(0, space) : "Bearer";
                sb.append(" -H \"Authorization: ").append(scheme).append(" $MGMT_TOKEN\"");
            } else if (request.form() != null && h.name().equalsIgnoreCase("Content-Type")) {
                continue;   // curl -F writes its own, with its own boundary
            } else if (!h.name().equalsIgnoreCase("User-Agent")) {
                sb.append(" -H ").append(quote(h.name() + ": " + h.value()));
            }
        }
        if (request.form() != null) {
            for (ApiRequest.FormPart part : request.form()) {
                String value = part.file() != null ? "@" + formQuoted(part.file()) : formQuoted(part.text());
                sb.append(" -F ").append(quote(part.field() + "=" + value
                    + (part.contentType() == null ? "" : ";type=" + part.contentType())));
            }
        } else if (request.hasBody()) {
            if (Bodies.looksTextual(request.body(), request.header("Content-Type"))) {
                sb.append(" --data-binary ").append(quote(new String(request.body(), StandardCharsets.UTF_8)));
            } else {
                sb.append(" --data-binary @FILE   # ").append(request.body().length).append(" bytes of binary data");
            }
        }
        return sb.toString();
    }

    /**
     * A value inside curl's -F syntax, where ';' and ',' would start a new attribute: quoted when it
     * holds one of them, as curl's manual describes (a double quote or backslash is then escaped).
     */
    static String formQuoted(String v) {
        if (v.indexOf(';') < 0 && v.indexOf(',') < 0 && v.indexOf('"') < 0) {
            return v;
        }
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** POSIX single quotes: nothing inside is expanded; a quote is closed, escaped and reopened. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
