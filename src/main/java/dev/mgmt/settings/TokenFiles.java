package dev.mgmt.settings;

import dev.mgmt.errors.UsageException;

import java.util.regex.Pattern;

/**
 * Token files that cannot be read. The usual slip is passing the token itself where a path is
 * expected ({@code --token-file "$TOKEN"}); the message must then not echo the value, or the
 * token ends up in the terminal, in CI logs and in bug reports.
 */
public final class TokenFiles {
    public static final String NO_SUCH_FILE = "no such file";
    private static final Pattern TOKEN_CHARS = Pattern.compile("[A-Za-z0-9._~+/=-]{16,}");
    /** A stretch of a token between its separators: long, and mixing letters and digits. */
    private static final Pattern RANDOM_RUN = Pattern.compile("(?=[A-Za-z0-9+=]*[0-9])(?=[A-Za-z0-9+=]*[A-Za-z])"
        + "[A-Za-z0-9+=]{16,}");
    /** One word of letters, digits and dashes, with no directory and no extension: a file name is rarely like that. */
    private static final Pattern BARE_WORD = Pattern.compile("(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9_-]{20,}");

    private TokenFiles() {
    }

    /**
     * Whether {@code value} reads as a secret rather than a path: token characters only, with a
     * long random-looking run (a JWT part, a hex or base64 key), or one long word of letters and
     * digits. Paths people type ({@code prod.token}, {@code /run/secrets/mgmt-token}) are neither.
     * A wrong guess only costs a message that does not repeat the value.
     */
    public static boolean looksLikeToken(String value) {
        String v = value == null ? "" : value.strip();
        return TOKEN_CHARS.matcher(v).matches() && (RANDOM_RUN.matcher(v).find() || BARE_WORD.matcher(v).matches());
    }

    /**
     * The token file {@code value} (from {@code origin}) could not be read because of {@code reason}.
     * {@code instead} says where a token itself belongs ("--token").
     */
    public static UsageException unreadable(String value, String origin, String reason, String instead) {
        if (looksLikeToken(value)) {
            // The reason can quote the path too (Java's messages do): only the kind of failure is kept.
            String why = reason.equals(NO_SUCH_FILE) ? NO_SUCH_FILE : "not a readable file";
            return new UsageException("cannot read token file" + (origin.equals("--token-file") ? "" : " (" + origin + ")")
                + ": " + why + " (the value looks like a token, not a path: pass the token with " + instead
                + " or put it in a file)");
        }
        return new UsageException("cannot read token file '" + value + "' (" + origin + "): " + reason);
    }
}
