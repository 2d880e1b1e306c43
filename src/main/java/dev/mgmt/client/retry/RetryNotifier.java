package dev.mgmt.client.retry;

import dev.mgmt.client.Tracer;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.NetworkException;
import dev.mgmt.http.HttpStatusText;
import dev.mgmt.text.Durations;
import dev.mgmt.text.Redactor;
import dev.mgmt.text.TerminalText;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * What the user sees of the retry loop, on stderr: one line per retry
 * ({@code retrying in 1.3 s (attempt 2 of 4): 503 Service Unavailable}), rewritten as a countdown for
 * long waits when stderr is a terminal, and the notes that explain what a retry revealed. {@code --quiet}
 * silences the progress lines but not the notes, which are about the result.
 */
public class RetryNotifier {
    /** Waits longer than this get a countdown on a terminal. */
    static final Duration COUNTDOWN_OVER = Duration.ofSeconds(3);

    private final PrintWriter err;
    private final boolean quiet;
    private final boolean terminal;
    private final Tracer tracer;
    private final Redactor redactor;
    private int lastWidth;

    public RetryNotifier(PrintWriter err, boolean quiet, boolean terminal, Tracer tracer, Redactor redactor) {
        this.err = err;
        this.quiet = quiet;
        this.terminal = terminal;
        this.tracer = tracer;
        this.redactor = redactor;
    }

    /** Prints nothing: for clients built without a terminal to talk to. */
    public static RetryNotifier silent() {
        return new RetryNotifier(null, true, false, null, null) {
            @Override
            public void note(String line) {
                // nowhere to write
            }
        };
    }

    /** -v: each failed attempt, so the trace shows why the next one happens. */
    public void attemptFailed(int attempt, MgmtException failure) {
        if (tracer != null) {
            tracer.note("attempt " + attempt + " failed: " + cause(failure));
        }
    }

    public void succeededAfter(int attempts) {
        if (tracer != null && attempts > 1) {
            tracer.note("succeeded on attempt " + attempts);
        }
    }

    /** True when the wait should be shown as a countdown, one tick per second. */
    public boolean countsDown(Duration delay) {
        return terminal && !quiet && delay.compareTo(COUNTDOWN_OVER) > 0;
    }

    public void retrying(Duration delay, int nextAttempt, int maxAttempts, MgmtException failure) {
        if (quiet) {
            return;
        }
        String line = line(delay, nextAttempt, maxAttempts, failure);
        if (countsDown(delay)) {
            rewrite(line);
        } else {
            print(line);
        }
    }

    /** On a terminal: the retry line again with the time left, over the previous one. */
    public void tick(Duration remaining, int nextAttempt, int maxAttempts, MgmtException failure) {
        if (!quiet) {
            rewrite(line(remaining, nextAttempt, maxAttempts, failure));
        }
    }

    /** Ends a countdown line. */
    public void endCountdown() {
        if (!quiet && err != null) {
            err.print("\n");
            err.flush();
            lastWidth = 0;
        }
    }

    /** A line about the outcome (a retry that revealed an earlier success). */
    public void note(String line) {
        print("note: " + line);
    }

    static String line(Duration delay, int nextAttempt, int maxAttempts, MgmtException failure) {
        return "retrying in " + Durations.human(delay) + " (attempt " + nextAttempt + " of " + maxAttempts + "): "
            + cause(failure);
    }

    /** "503 Service Unavailable", "connection reset", ...: what went wrong, in a few words. */
    public static String cause(MgmtException failure) {
        if (failure instanceof ApiException) {
            int status = ((ApiException) failure).response().status();
            String text = HttpStatusText.of(status);
            return text.isEmpty() ? "HTTP " + status : status + " " + text;
        }
        if (failure instanceof NetworkException) {
            NetworkException ne = (NetworkException) failure;
            switch (ne.kind()) {
                case REFUSED: return "connection refused";
                case CONNECT_TIMEOUT: return "timed out connecting";
                case RESET: return "connection closed before the response was complete";
                case TIMEOUT: return "no response within the request timeout";
                case DNS: return "DNS lookup failed";
                case TLS: return "TLS handshake failed";
                default: return ne.getMessage();
            }
        }
        return failure.getMessage();
    }

    private void rewrite(String line) {
        if (err == null) {
            return;
        }
        String text = TerminalText.safe(redact(line));
        int pad = Math.max(0, lastWidth - text.length());
        err.print("\r" + text + " ".repeat(pad));
        err.flush();
        lastWidth = text.length();
    }

    private void print(String line) {
        if (err == null) {
            return;
        }
        err.println(TerminalText.safe(redact(line)));
        err.flush();
    }

    private String redact(String line) {
        return redactor == null ? line : redactor.redact(line);
    }
}
