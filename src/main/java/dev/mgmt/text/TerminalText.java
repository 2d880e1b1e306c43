package dev.mgmt.text;

/**
 * Text that came from a server, made safe to print on a terminal: every control character is
 * shown as a {@code \\uXXXX} escape instead of being sent, so an error description or a header
 * cannot set the window title, clear the screen, move the cursor or forge extra lines. The
 * escape is also valid inside a JSON string, so a JSON error object stays parseable.
 *
 * <p>Escaped: C0 controls (ESC included), DEL, the C1 range (0x9B is a one-byte CSI on some
 * terminals), and the Unicode bidirectional overrides and isolates, which can make text read
 * differently from what it is.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** For one-line texts (headlines, checklist details, header values): newlines are escaped too. */
    public static String safe(String s) {
        return escape(s, false);
    }

    /** For texts shown as several lines (bodies at -vvv, stack traces): newlines and tabs are kept. */
    public static String safeLines(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepLines) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i), keepLines)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c, keepLines)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean unsafe(char c, boolean keepLines) {
        if (keepLines && (c == '\n' || c == '\t')) {
            return false;
        }
        return c < 0x20 || c >= 0x7f && c <= 0x9f
            || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f;
    }
}
