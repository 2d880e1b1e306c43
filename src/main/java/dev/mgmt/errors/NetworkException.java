package dev.mgmt.errors;

import dev.mgmt.client.ApiRequest;

import java.util.List;

/** No HTTP answer at all: DNS, connect, TLS, reset or timeout. Exit 10. */
public class NetworkException extends MgmtException {

    /** What went wrong on the wire; decides whether a retry is safe. */
    public enum Kind {
        DNS, REFUSED, CONNECT_TIMEOUT, TLS, RESET, TIMEOUT, OTHER;

        /** True when the failure happened before a single byte of the request left. */
        public boolean beforeSend() {
            return this == DNS || this == REFUSED || this == CONNECT_TIMEOUT || this == TLS;
        }
    }

    private final Kind kind;
    private final transient ApiRequest request;
    private final int attempts;

    public NetworkException(Kind kind, String message, ApiRequest request, int attempts, List<String> hints,
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
        return attempts;
    }

    public NetworkException withAttempts(int n) {
        return new NetworkException(kind, getMessage(), request, n, details(), getCause());
    }
}
