package dev.mgmt.client;

import dev.mgmt.errors.NetworkException.Kind;
import dev.mgmt.errors.NetworkException;
import dev.mgmt.http.ApiRequest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.http.HttpConnectTimeoutException;
import java.util.List;
import java.util.Locale;

/**
 * Failures that belong to the forward proxy, not the manager: it asks for credentials (407), refuses
 * the ones given, or cannot be reached. Named as the proxy, so the user looks at HTTPS_PROXY and
 * not at a manager that was never contacted.
 */
final class ProxyFailures {
    private final EnvProxySelector proxies;

    ProxyFailures(EnvProxySelector proxies) {
        this.proxies = proxies;
    }

    InetSocketAddress proxyFor(java.net.URI uri) {
        return proxies.proxyFor(uri);
    }

    /** The proxy's own failure behind this exception, or null when it is not the proxy's. */
    NetworkException classify(IOException e, ApiRequest request) {
        InetSocketAddress proxy = proxies.proxyFor(request.uri());
        if (proxy == null) {
            return null;
        }
        if (authFailure(e)) {
            return authRequired(request, proxy);
        }
        String variable = variable(request);
        String name = EnvProxySelector.name(proxy);
        if (e instanceof HttpConnectTimeoutException) {
            return net(Kind.CONNECT_TIMEOUT, "timed out connecting to the proxy " + name + " (" + variable + ")",
                request, e, "Is the proxy reachable from here? Check " + variable + ", or list the manager's host in NO_PROXY.");
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return net(Kind.REFUSED, "cannot connect to the proxy " + name + " (" + variable + "): connection refused",
                    request, e, "Is the proxy running, and is " + variable
                        + " right? The manager was not contacted; NO_PROXY lists hosts reached directly.");
            }
        }
        return null;
    }

    /** For a 407 the JDK hands back as a response: no Basic challenge it could answer. */
    NetworkException authRequired(ApiRequest request, InetSocketAddress proxy) {
        String name = EnvProxySelector.name(proxy);
        String variable = variable(request);
        ProxyCredentials credentials = proxies.credentials();
        String user = credentials.user(proxy);
        if (user != null && credentials.refused(proxy)) {
            return net(Kind.PROXY_AUTH, "the proxy " + name + " refused the credentials for " + user, request, null,
                "Check the user and password in " + variable + " (percent-encode @ : / in them, e.g. %40).");
        }
        return net(Kind.PROXY_AUTH, "the proxy " + name + " requires authentication"
                + (user != null ? " and did not accept Basic credentials for " + user : ""), request, null,
            user != null ? "mgmt answers Basic challenges only; ask for a proxy account that allows Basic."
                : "Put the user and password in the variable: " + variable + "=http://USER:PASSWORD@" + name);
    }

    /**
     * The JDK's words when a 407 could not be answered: no authenticator, no credentials for this
     * proxy, the second ask after a refusal, or a CONNECT that the proxy answered 401/407 ("Tunnel
     * failed, got: 401").
     */
    private static boolean authFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("no credentials provided") || m.contains("too many authentication attempts")
                || m.contains("no authenticator set")
                || m.contains("tunnel failed") && (m.contains("401") || m.contains("407"))) {
                return true;
            }
        }
        return false;
    }

    private static String variable(ApiRequest request) {
        return "https".equalsIgnoreCase(request.uri().getScheme()) ? "HTTPS_PROXY" : "HTTP_PROXY";
    }

    private static NetworkException net(Kind kind, String message, ApiRequest request, Throwable cause, String hint) {
        return new NetworkException(kind, message, request, 1, List.of(hint), cause);
    }
}
