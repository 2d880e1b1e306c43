package dev.mgmt.client;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user:password@ of HTTPS_PROXY / HTTP_PROXY, answered to the proxy's 407 Basic challenge
 * (the JDK asks an {@link Authenticator}; it never reads credentials from a proxy URL). Each proxy
 * gets its credentials once: a proxy that still says no after that has refused them (answering
 * again would only repeat the refusal; tinyproxy even says it with a 401), so {@link #refused}.
 */
public final class ProxyCredentials extends Authenticator {
    private record Entry(String user, char[] password) {
    }

    private final Map<String, Entry> byProxy = new ConcurrentHashMap<>();
    private final Set<String> offered = ConcurrentHashMap.newKeySet();

    void add(InetSocketAddress proxy, String rawUserInfo) {
        if (proxy == null || rawUserInfo == null || rawUserInfo.isEmpty()) {
            return;
        }
        int colon = rawUserInfo.indexOf(':');
        String user = decode(colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(rawUserInfo.substring(colon + 1));
        byProxy.put(key(proxy.getHostString(), proxy.getPort()), new Entry(user, password.toCharArray()));
    }

    public boolean isEmpty() {
        return byProxy.isEmpty();
    }

    /** The passwords, for the redactor. */
    public List<String> passwords() {
        List<String> out = new ArrayList<>();
        byProxy.values().forEach(e -> out.add(new String(e.password())));
        return out;
    }

    /** The user name configured for this proxy, or null. */
    public String user(InetSocketAddress proxy) {
        Entry e = byProxy.get(key(proxy.getHostString(), proxy.getPort()));
        return e == null ? null : e.user();
    }

    /** True when this proxy was given the credentials: an authentication failure after that is a refusal. */
    public boolean refused(InetSocketAddress proxy) {
        return offered.contains(key(proxy.getHostString(), proxy.getPort()));
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
        if (getRequestorType() != RequestorType.PROXY) {
            return null;
        }
        String key = key(getRequestingHost(), getRequestingPort());
        Entry e = byProxy.get(key);
        if (e == null || !offered.add(key)) {
            return null;
        }
        return new PasswordAuthentication(e.user(), e.password());
    }

    /** The variable's value with any password replaced, for messages. */
    static String hidePassword(String raw) {
        return raw.replaceAll("(://[^:/@]*:)[^@/]*@", "$1****@");
    }

    private static String key(String host, int port) {
        return (host == null ? "" : host.toLowerCase(Locale.ROOT)) + ":" + port;
    }

    /** Percent-decoding only: a '+' in a user name or password is itself. */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
