package dev.mgmt.exercise;

import dev.mgmt.client.ApiClient;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.NotSentException;
import dev.mgmt.errors.NetworkException;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.text.Durations;

import java.time.Duration;

/**
 * Keeps a sweep of many probes from waiting --timeout for each once the manager has stopped answering:
 * after a probe times out, one quick health check tells a hung endpoint (the sweep goes on) from a hung
 * manager (nothing more is sent, and each remaining probe fails at once with {@link NotSentException}).
 */
final class Liveness {
    /** The health check's limit at most: long enough for a live manager, short next to a 30 s --timeout. */
    static final Duration CHECK_LIMIT = Duration.ofSeconds(3);

    private final ApiClient client;
    private final Duration checkLimit;
    private String stopped;

    /** {@code timeout}: --timeout; the health check waits no longer than it, nor than {@link #CHECK_LIMIT}. */
    Liveness(ApiClient client, Duration timeout) {
        this.client = client;
        this.checkLimit = timeout.compareTo(CHECK_LIMIT) < 0 ? timeout : CHECK_LIMIT;
    }

    ApiResponse send(ApiRequest request) {
        if (stopped != null) {
            throw new NotSentException(ExitCodes.NETWORK, "not sent: " + stopped);
        }
        try {
            return client.send(request);
        } catch (NetworkException e) {
            if (unanswered(e) && !answers()) {
                stopped = "the manager stopped answering at " + request.method() + " " + client.relative(request.uri())
                    + " (nor did its health check answer within " + Durations.human(checkLimit) + ")";
            }
            throw e;
        }
    }

    /** Why the probes after the one that hung were not sent, or null while the manager answers. */
    String stopped() {
        return stopped;
    }

    private static boolean unanswered(NetworkException e) {
        return e.kind() == NetworkException.Kind.TIMEOUT || e.kind() == NetworkException.Kind.CONNECT_TIMEOUT;
    }

    /** Any HTTP answer at all counts: a 503 from a live manager is still an answer. */
    private boolean answers() {
        try {
            client.send(client.get("test", "healthcheck"), checkLimit);
            return true;
        } catch (MgmtException e) {
            return false;
        }
    }
}
