package dev.mgmt.client;

import dev.mgmt.errors.UsageException;
import dev.mgmt.process.Env;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY as curl reads them (upper or lower case). Loopback is never
 * proxied: a proxy elsewhere cannot reach this machine's 127.0.0.1 anyway.
 */
public final class EnvProxySelector extends ProxySelector {
    private final InetSocketAddress httpsProxy;
    private final InetSocketAddress httpProxy;
    private final List<String> noProxy;
    private final ProxyCredentials credentials;

    private EnvProxySelector(InetSocketAddress httpsProxy, InetSocketAddress httpProxy, List<String> noProxy,
                             ProxyCredentials credentials) {
        this.httpsProxy = httpsProxy;
        this.httpProxy = httpProxy;
        this.noProxy = noProxy;
        this.credentials = credentials;
    }

    /** Null when no proxy variable is set, so the client takes the direct path without a selector. */
    public static EnvProxySelector fromEnv(Env env) {
        InetSocketAddress https = address(env, "HTTPS_PROXY");
        InetSocketAddress http = address(env, "HTTP_PROXY");
        if (https == null && http == null) {
            return null;
        }
        String np = first(env, "NO_PROXY");
        List<String> entries = np == null ? List.of()
            : List.of(np.toLowerCase(Locale.ROOT).replace(" ", "").split(","));
        ProxyCredentials credentials = new ProxyCredentials();
        credentials.add(https, userInfo(env, "HTTPS_PROXY"));
        credentials.add(http, userInfo(env, "HTTP_PROXY"));
        return new EnvProxySelector(https, http, entries, credentials);
    }

    /** The user names and passwords from the variables' user:pass@ parts. */
    public ProxyCredentials credentials() {
        return credentials;
    }

    /** The proxy a request to this URI goes through, or null when it goes direct. */
    public InetSocketAddress proxyFor(URI uri) {
        List<Proxy> p = select(uri);
        return p.isEmpty() || p.get(0).type() != Proxy.Type.HTTP ? null : (InetSocketAddress) p.get(0).address();
    }

    /** "host:port", as messages name a proxy. */
    public static String name(InetSocketAddress proxy) {
        return proxy.getHostString() + ":" + proxy.getPort();
    }

    /** A one-line description for traces and doctor. */
    public String describe() {
        return "HTTPS_PROXY=" + described(httpsProxy) + " HTTP_PROXY=" + described(httpProxy)
            + " NO_PROXY=" + String.join(",", noProxy);
    }

    private String described(InetSocketAddress proxy) {
        if (proxy == null) {
            return "-";
        }
        String user = credentials.user(proxy);
        return name(proxy) + (user == null ? "" : " (user " + user + ")");
    }

    @Override
    public List<Proxy> select(URI uri) {
        InetSocketAddress proxy = "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
        if (proxy == null || bypass(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(new Proxy(Proxy.Type.HTTP, proxy));
    }

    boolean bypass(String rawHost) {
        String host = rawHost == null ? "" : rawHost.toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1")) {
            return true;
        }
        for (String entry : noProxy) {
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            String e = entry.startsWith(".") ? entry.substring(1) : entry;
            int colon = e.lastIndexOf(':');
            if (colon > 0 && !e.contains("]") && e.indexOf(':') == colon) {
                e = e.substring(0, colon);
            }
            if (host.equals(e) || host.endsWith("." + e)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // The request fails with its own exception; nothing to remember.
    }

    private static String first(Env env, String name) {
        String v = env.var(name);
        return v != null ? v : env.var(name.toLowerCase(Locale.ROOT));
    }

    private static String userInfo(Env env, String name) {
        String raw = first(env, name);
        return raw == null ? null : URI.create(raw.contains("://") ? raw : "http://" + raw).getRawUserInfo();
    }

    private static InetSocketAddress address(Env env, String name) {
        String raw = first(env, name);
        if (raw == null) {
            return null;
        }
        String spec = raw.contains("://") ? raw : "http://" + raw;
        try {
            URI u = URI.create(spec);
            if (u.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            int port = u.getPort() > 0 ? u.getPort() : ("https".equalsIgnoreCase(u.getScheme()) ? 443 : 80);
            return InetSocketAddress.createUnresolved(u.getHost(), port);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid " + name + " '" + ProxyCredentials.hidePassword(raw)
                + "': expected http://[user:password@]host:port");
        }
    }
}
