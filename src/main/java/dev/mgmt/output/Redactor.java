package dev.mgmt.output;

/**
 * Keeps the token out of everything mgmt prints. Known secrets are replaced wherever they occur,
 * so even a server that echoes the token back cannot make mgmt leak it.
 */
public final class Redactor {
    private volatile String secret;

    public void register(String token) {
        this.secret = token;
    }

    /** "****abcd": the most of a token mgmt ever shows. */
    public static String mask(String token) {
        if (token == null || token.isEmpty()) {
            return "(none)";
        }
        return token.length() <= 8 ? "****" : "****" + token.substring(token.length() - 4);
    }

    public String redact(String text) {
        String s = secret;
        if (text == null || s == null || s.isEmpty()) {
            return text;
        }
        return text.replace(s, mask(s));
    }
}
