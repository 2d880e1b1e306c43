package dev.mgmt.client.retry;

import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.NetworkException;
import dev.mgmt.http.ApiRequest;

import java.time.Duration;
import java.util.Set;

/**
 * Which failures are worth another attempt, for which methods, and how long to keep trying.
 *
 * <ul>
 *   <li>Transient: connection refused/reset, connect and response timeouts, a DNS failure the resolver
 *       called temporary, and the statuses 408, 429, 500, 502, 503, 504. Never: other 4xx, TLS errors,
 *       failures reported inside a 2xx, usage errors.</li>
 *   <li>GET, HEAD, PUT, DELETE, OPTIONS are retried; POST and PATCH only when opted in, except when
 *       the failure happened before a byte was sent (refused, DNS), which is always safe.</li>
 * </ul>
 *
 * @param retries            retries after the first attempt
 * @param maxTime            no retry starts later than this after the first attempt
 * @param retryNonIdempotent also retry POST/PATCH after failures that may have reached the server
 * @param backoff            the delay when the server gives no hint
 */
public record RetryPolicy(int retries, Duration maxTime, boolean retryNonIdempotent, Backoff backoff) {
    public static final int DEFAULT_RETRIES = 3;
    public static final Duration DEFAULT_MAX_TIME = Duration.ofSeconds(60);
    static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    public RetryPolicy {
        retries = Math.max(0, retries);
        maxTime = maxTime == null ? DEFAULT_MAX_TIME : maxTime;
        backoff = backoff == null ? Backoff.defaults() : backoff;
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_RETRIES, DEFAULT_MAX_TIME, false, Backoff.defaults());
    }

    public static RetryPolicy none() {
        return new RetryPolicy(0, DEFAULT_MAX_TIME, false, Backoff.defaults());
    }

    public int maxAttempts() {
        return retries + 1;
    }

    /** A failure that another attempt may well not meet, whatever the method. */
    public static boolean transientFailure(MgmtException failure) {
        if (failure instanceof ApiException) {
            ApiException ae = (ApiException) failure;
            return ae.exitCode() != ExitCodes.REPORTED_FAILURE && RETRYABLE_STATUSES.contains(ae.response().status());
        }
        if (failure instanceof NetworkException) {
            NetworkException ne = (NetworkException) failure;
            switch (ne.kind()) {
                case REFUSED:
                case CONNECT_TIMEOUT:
                case RESET:
                case TIMEOUT:
                    return true;
                case DNS:
                    return ne.temporaryDns();
                default:
                    return false;
            }
        }
        return false;
    }

    /**
     * True when the server may have acted on the request although mgmt saw a failure: the connection
     * broke or timed out after the request was sent, or a 500/502/504 (a gateway or the server gave up
     * part-way). 408, 429 and 503 say the request was not processed; refused/DNS/TLS sent nothing.
     */
    public static boolean mayHaveBeenApplied(MgmtException failure) {
        if (failure instanceof NetworkException) {
            return !((NetworkException) failure).kind().beforeSend();
        }
        if (failure instanceof ApiException) {
            int status = ((ApiException) failure).response().status();
            return status >= 500 && status != 503;
        }
        return false;
    }

    /** Whether the method allows repeating the request after this failure. */
    public boolean methodAllows(ApiRequest request, MgmtException failure) {
        if (request.idempotent() || retryNonIdempotent) {
            return true;
        }
        return failure instanceof NetworkException && ((NetworkException) failure).kind().beforeSend();
    }

    /** The server's own wait hint (Retry-After header or the body's retry_after), in seconds; null if none. */
    public static Double hint(MgmtException failure) {
        if (failure instanceof ApiException) {
            return ((ApiException) failure).error().retryAfter();
        }
        return null;
    }
}
