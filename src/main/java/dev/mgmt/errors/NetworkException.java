package dev.mgmt.errors;

import dev.mgmt.http.ApiRequest;

import java.util.List;

/** No HTTP answer at all: DNS, connect, TLS, reset or timeout. Exit 10. */
public class NetworkException extends MgmtException {

    /** What went wrong on the wire; decides whether a retry is safe. */
    public enum Kind {
        DNS, REFUSED, CONNECT_TIMEOUT, TLS, RESET, TIMEOUT, OTHER,
        /** A forward proxy wants credentials, or refused the ones given; it forwarded nothing. */
        PROXY_AUTH;

        /** True when the failure happened before a single byte of the request left. */
        public boolean beforeSend() {
            return this == DNS || this == REFUSED || this == CONNECT_TIMEOUT || this == TLS || this == PROXY_AUTH;
        }
    }

    private final Kind kind;
    private final transient ApiRequest request;
    private final Attempts attempts;

    public NetworkException(Kind kind, String message, ApiRequest request, int attempts, List<String> hints,
                            Throwable cause) {
        this(kind, message, request, Attempts.of(attempts), hints, cause);
    }

    public NetworkException(Kind kind, String message, ApiRequest request, Attempts attempts, List<String> hints,
                            Throwable cause) {
        super(ExitCodes.NETWORK, message, hints, cause);
        this.kind = kind;
        this.request = request;
        this.attempts = attempts;
    }

    public Kind kind() {
        return kind;
    }

    public ApiRequest request() {
        return request;
    }

    public int attempts() {
        return attempts.count();
    }

    public Attempts retry() {
        return attempts;
    }

    public NetworkException withAttempts(int n) {
        return withAttempts(new Attempts(n, attempts.elapsed(), attempts.notes(), attempts.verifyCommand()));
    }

    /** The same failure, with what the retry loop found out. */
    public NetworkException withAttempts(Attempts a) {
        NetworkException copy = new NetworkException(kind, getMessage(), request, a, details(), getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /**
     * A DNS failure the resolver called temporary ("Temporary failure in name resolution", EAI_AGAIN),
     * as opposed to a name that does not exist.
     */
    public boolean temporaryDns() {
        if (kind != Kind.DNS) {
            return false;
        }
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                String l = m.toLowerCase(java.util.Locale.ROOT);
                if (l.contains("temporary failure") || l.contains("try again")) {
                    return true;
                }
            }
        }
        return false;
    }
}
