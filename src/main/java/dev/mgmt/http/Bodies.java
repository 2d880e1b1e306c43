package dev.mgmt.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Decides what a body is before anyone tries to parse it. */
public final class Bodies {
    private Bodies() {
    }

    /** Text by declared type, or (when undeclared or generic) valid UTF-8 without control bytes. */
    public static boolean looksTextual(byte[] body, String contentType) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.startsWith("text/") || ct.contains("json") || ct.contains("xml") || ct.contains("yaml")
            || ct.contains("x-www-form-urlencoded") || ct.contains("javascript")) {
            return true;
        }
        if (!ct.isEmpty() && !ct.startsWith("application/octet-stream")) {
            return false;
        }
        return isUtf8Text(body);
    }

    static boolean isUtf8Text(byte[] body) {
        int n = Math.min(body.length, 4096);
        for (int i = 0; i < n; i++) {
            int c = body[i] & 0xff;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body, 0, body.length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The first {@code max} bytes as a printable, escaped one-liner. */
    public static String excerpt(byte[] body, int max) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(body.length, max);
        for (int i = 0; i < n; i++) {
            int c = body[i] & 0xff;
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\\') {
                sb.append("\\\\");
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.append((char) c);
            }
        }
        if (body.length > max) {
            sb.append("...");
        }
        return sb.toString();
    }
}
