package dev.mgmt.diagnose;

import dev.mgmt.text.Clauses;
import dev.mgmt.client.EnvProxySelector;
import dev.mgmt.client.TlsContexts;
import dev.mgmt.client.TlsFinding;
import dev.mgmt.errors.NetworkException;
import dev.mgmt.report.CheckResult;
import dev.mgmt.text.Durations;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** The wire-level checks: proxy variables, DNS, TCP connect, TLS handshake and certificate. */
final class NetworkChecks {
    private NetworkChecks() {
    }

    static URI uri(Context c) {
        return c.base.uri();
    }

    static int port(URI u) {
        return u.getPort() > 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** The proxy that requests to the manager go through, or null for a direct connection. */
    static InetSocketAddress proxyFor(Context c) {
        return c.proxy == null ? null : c.proxy.proxyFor(uri(c));
    }

    /**
     * The variables, and when the manager is reached through a proxy, the proxy itself: it is the
     * first hop, so a proxy that is down or wants credentials is the first failure, named as such.
     */
    static CheckResult proxyVars(Context c, String label) {
        if (c.proxy == null) {
            return CheckResult.pass(label, "none set (HTTPS_PROXY, HTTP_PROXY): direct connection");
        }
        InetSocketAddress via = c.base == null ? null : proxyFor(c);
        if (via == null) {
            return CheckResult.pass(label, c.proxy.describe() + (c.base == null ? ""
                : "; " + c.base.host() + " is reached directly (NO_PROXY or loopback)"));
        }
        CheckResult reach = tcp(c, label);
        if (reach.result() != dev.mgmt.report.Result.PASS) {
            return reach;
        }
        Probe.Outcome o = c.probe == null ? null : c.probe.get("test/healthcheck/", false);
        if (o != null && o.failure() instanceof NetworkException
            && ((NetworkException) o.failure()).kind() == NetworkException.Kind.PROXY_AUTH) {
            return CheckResult.fail(label, o.failure().getMessage());
        }
        String user = c.proxy.credentials().user(via);
        return CheckResult.pass(label, c.proxy.describe() + "; requests to " + c.base.host() + " go through "
            + EnvProxySelector.name(via) + (user == null ? "" : " as " + user) + ", which accepts connections");
    }

    static CheckResult dns(Context c, String label) {
        if (c.base == null) {
            return Details.noUrl(label);
        }
        String host = uri(c).getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (isIpLiteral(bare)) {
            return CheckResult.pass(label, host + " is an IP address: no lookup needed");
        }
        InetSocketAddress via = proxyFor(c);
        try {
            InetAddress[] all = CompletableFuture.supplyAsync(() -> {
                try {
                    return InetAddress.getAllByName(bare);
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }).get(c.perRequest.toMillis(), TimeUnit.MILLISECONDS);
            List<String> addrs = new ArrayList<>();
            for (InetAddress a : all) {
                addrs.add(a.getHostAddress());
            }
            return CheckResult.pass(label, host + " → " + String.join(", ", addrs.subList(0, Math.min(4, addrs.size()))));
        } catch (TimeoutException e) {
            return CheckResult.fail(label, "no answer for " + host + " within " + Durations.human(c.perRequest));
        } catch (ExecutionException e) {
            String msg = via != null ? "; requests go through the proxy " + via.getHostString() + ", which may resolve it" : "";
            return via != null
                ? CheckResult.unknown(label, host + " does not resolve here" + msg)
                : CheckResult.fail(label, host + " does not resolve: check the host name in --url/MGMT_URL, DNS and VPN");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.unknown(label, "interrupted");
        }
    }

    static CheckResult tcp(Context c, String label) {
        if (c.base == null) {
            return Details.noUrl(label);
        }
        URI u = uri(c);
        InetSocketAddress via = proxyFor(c);
        String host = via != null ? via.getHostString() : u.getHost();
        int port = via != null ? via.getPort() : port(u);
        String what = (via != null ? "proxy " : "") + host + ":" + port;
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port),
                (int) c.perRequest.toMillis());
            return CheckResult.pass(label, "connected to " + what + " in " + Durations.human(Duration.ofNanos(System.nanoTime() - start)));
        } catch (SocketTimeoutException e) {
            return CheckResult.fail(label, "no answer from " + what + " within " + Durations.human(c.perRequest)
                + ": a firewall, VPN or wrong address");
        } catch (UnknownHostException e) {
            return CheckResult.fail(label, "cannot connect to " + what + ": the host name does not resolve");
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return CheckResult.fail(label, "cannot connect to " + what + ": " + m.toLowerCase(Locale.ROOT)
                + (m.toLowerCase(Locale.ROOT).contains("refused") ? " (nothing listens there: is the manager running, is the port right?)" : ""));
        }
    }

    static CheckResult tls(Context c, String label) {
        if (c.base == null) {
            return Details.noUrl(label);
        }
        URI u = uri(c);
        if (!"https".equalsIgnoreCase(u.getScheme())) {
            return CheckResult.pass(label, "not used: the URL is plain http://");
        }
        if (proxyFor(c) != null) {
            return CheckResult.unknown(label, "not checked directly: the connection goes through a proxy (CONNECT)");
        }
        String host = u.getHost();
        int port = port(u);
        try {
            SSLContext ctx = c.ssl != null ? c.ssl : TlsContexts.systemTrust();
            X509Certificate[] chain = handshake(ctx, host, port, (int) c.perRequest.toMillis(), !c.settings.insecure());
            String d = describe(chain, host);
            return CheckResult.pass(label, (c.settings.insecure() ? "verification skipped (--insecure); " : "trusted; ") + d);
        } catch (IOException | GeneralSecurityException e) {
            // Worded as the client words it, so the headline and this step name the same cause.
            TlsFinding finding = TlsFinding.of(e, host, Instant.now());
            if (finding != null) {
                return CheckResult.fail(label, Clauses.join(finding.cause(), finding.hint()));
            }
            return CheckResult.fail(label, "handshake with " + host + ":" + port + " failed: "
                + TlsFinding.plain(e.getMessage()) + " (is the port serving TLS? try http://)");
        }
    }

    private static X509Certificate[] handshake(SSLContext ctx, String host, int port, int timeoutMs, boolean verifyHost)
        throws IOException, GeneralSecurityException {
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(host, port), timeoutMs);
            raw.setSoTimeout(timeoutMs);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, host, port, false)) {
                if (verifyHost) {
                    SSLParameters p = s.getSSLParameters();
                    p.setEndpointIdentificationAlgorithm("HTTPS");
                    s.setSSLParameters(p);
                }
                s.startHandshake();
                Certificate[] certs = s.getSession().getPeerCertificates();
                return Arrays.stream(certs).map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
            }
        }
    }

    static String describe(X509Certificate[] chain, String host) {
        X509Certificate leaf = chain[0];
        return "subject " + leaf.getSubjectX500Principal().getName() + ", issuer " + leaf.getIssuerX500Principal().getName()
            + ", expires " + leaf.getNotAfter().toInstant() + ", host name " + (TlsFinding.matchesHost(leaf, host) ? "matches" : "does NOT match");
    }

    static boolean isIpLiteral(String h) {
        return h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || h.contains(":");
    }
}
