package dev.mgmt.text;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of everything mgmt prints. Known secrets (the token in use, tokens from the
 * config file, a login password) are replaced wherever they occur, so even a server that echoes
 * them back cannot make mgmt leak them; values of well-known secret fields ({@code access_token},
 * {@code client_secret}, ...) in JSON and form bodies are masked even when not known in advance.
 */
public final class Redactor {
    private static final Pattern JSON_FIELD = Pattern.compile(
        "(\"(?:access_token|refresh_token|id_token|client_secret|password|token)\"\\s*:\\s*\")([^\"]+)(\")");
    private static final Pattern FORM_FIELD = Pattern.compile(
        "((?:^|[?&'\\s])(?:access_token|refresh_token|client_secret|password)=)([^&'\\s]+)");

    /** Also written into exported Locust files, whose runner masks captures by the same rule (Python reads it as is). */
    public static final String SECRET_NAME_REGEX = "(?i)(password|passwd|secret|private[-_]?key|api[-_]?key|token|passphrase)";
    private static final Pattern SECRET_NAME = Pattern.compile(SECRET_NAME_REGEX);

    /** Each secret and what is printed in its place. */
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    /** Adds a token to hide (shown as ****+last 4); null and very short values are ignored. */
    public void register(String secret) {
        if (secret != null && secret.strip().length() >= 4) {
            secrets.putIfAbsent(secret.strip(), mask(secret.strip()));
        }
    }

    /** Adds a password to hide completely (shown as ****, not even its last characters). */
    public void registerPassword(String secret) {
        if (secret != null && secret.length() >= 4) {
            secrets.put(secret, "****");
        }
    }

    /** A field name that holds a secret: password, clientSecret, privateKey, apiKey, token, passphrase... */
    public static boolean isSecretName(String field) {
        return field != null && SECRET_NAME.matcher(field).find();
    }

    /** "****abcd": the most of a token mgmt ever shows. */
    public static String mask(String token) {
        if (token == null || token.isEmpty()) {
            return "(none)";
        }
        return token.length() <= 8 ? "****" : "****" + token.substring(token.length() - 4);
    }

    /** For stderr: the known secrets, and the values of well-known secret fields. */
    public String redact(String text) {
        String out = redactKnown(text);
        if (out != null && (out.contains("=") || out.contains(":"))) {
            out = maskFields(JSON_FIELD, out);
            out = maskFields(FORM_FIELD, out);
        }
        return out;
    }

    /**
     * For results on stdout: only the secrets mgmt itself holds (the token in use, config tokens,
     * the login password). Other fields are the user's data and are printed as the server sent them.
     */
    public String redactKnown(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        List<String> longestFirst = secrets.keySet().stream()
            // Longest first. A lambda of mgmt's own, not Comparator.comparingInt: the start-up cache links the
            // lambdas of mgmt's classes, not those inside the JDK's Comparator (~1 ms each at run time).
            .sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();
        for (String s : longestFirst) {
            out = out.replace(s, secrets.get(s));
        }
        return out;
    }

    private static String maskFields(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        do {
            String value = m.group(2);
            boolean password = m.group(1).contains("secret") || m.group(1).contains("password");
            String masked = value.startsWith("****") ? value : password ? "****" : mask(value);
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + masked + (m.groupCount() >= 3 && m.group(3) != null ? m.group(3) : "")));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
