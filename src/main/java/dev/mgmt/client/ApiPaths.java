package dev.mgmt.client;

import dev.mgmt.errors.UsageException;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of endpoint paths. Names may hold spaces, '/', '#', '?' or any Unicode: each
 * segment is encoded on its own so a name can never escape into another path segment.
 */
public final class ApiPaths {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ApiPaths() {
    }

    /** Joins segments as {@code a/b/c/}, each one fully encoded. */
    public static String segments(String... segments) {
        StringBuilder sb = new StringBuilder();
        for (String s : segments) {
            if (s == null || s.isEmpty()) {
                throw new UsageException("empty name in path");
            }
            sb.append(encodeSegment(s)).append('/');
        }
        return sb.toString();
    }

    /** Encodes everything that is not an RFC 3986 unreserved character or a sub-delimiter safe in a path. */
    public static String encodeSegment(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c) || c == '!' || c == '$' || c == '\'' || c == '(' || c == ')' || c == '*'
                || c == ',' || c == ';' || c == '=' || c == ':' || c == '@' || c == '&' || c == '+') {
                sb.append((char) c);
            } else {
                appendEscape(sb, c);
            }
        }
        return sb.toString();
    }

    /**
     * Makes a user-typed path (as in {@code mgmt api 'projects/My Project/'}) safe to send: keeps '/',
     * '?', '&', '=' and existing %XX escapes, encodes spaces, Unicode and other characters a URI may not hold.
     */
    public static String encodeLoose(String s) {
        StringBuilder sb = new StringBuilder();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            if (c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                sb.append('%');
            } else if (isUnreserved(c) || "/?&=!$'()*,;:@+".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                appendEscape(sb, c);
            }
        }
        return sb.toString();
    }

    /**
     * Normalises a user-typed API path: drops a leading '/', a leading 'apiops/', and adds the trailing
     * '/' the API requires (before any query) unless {@code exact}.
     */
    public static String normalizeUserPath(String path, boolean exact) {
        String p = path.strip();
        if (p.startsWith("http://") || p.startsWith("https://")) {
            throw new UsageException("PATH '" + path + "' is a full URL; give the path relative to /apiops/ and the manager with --url");
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.equals("apiops") || p.startsWith("apiops/")) {
            p = p.substring("apiops".length());
            while (p.startsWith("/")) {
                p = p.substring(1);
            }
        }
        if (p.isEmpty()) {
            throw new UsageException("PATH is empty; give an endpoint relative to /apiops/, e.g. projects/");
        }
        String query = "";
        int q = p.indexOf('?');
        if (q >= 0) {
            query = p.substring(q);
            p = p.substring(0, q);
        }
        if (p.contains("#")) {
            throw new UsageException("PATH '" + path + "' contains '#'; encode it as %23 if it is part of a name");
        }
        if (!exact && !p.endsWith("/")) {
            p = p + "/";
        }
        return encodeLoose(p) + encodeLoose(query);
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static void appendEscape(StringBuilder sb, int c) {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
    }
}
