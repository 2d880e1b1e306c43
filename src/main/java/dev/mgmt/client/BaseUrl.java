package dev.mgmt.client;

import dev.mgmt.errors.UsageException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The API base ({@code .../apiops/}) derived from whatever form of manager URL the user typed:
 * {@code https://host}, {@code https://host/}, {@code https://host/apiops}, {@code https://host/apiops/}
 * and a manager under a context path ({@code https://host/manager}) all work. Anything else is a
 * usage error that names the problem, raised before a connection is attempted.
 */
public final class BaseUrl {
    private static final String API_SEGMENT = "apiops";

    private final URI base;

    private BaseUrl(URI base) {
        this.base = base;
    }

    public static BaseUrl parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new UsageException("no manager URL: pass --url, set MGMT_URL, or choose a context with --context",
                "Try: mgmt --sandbox get projects   (an embedded emulator, no server needed)");
        }
        String url = raw.strip();
        if (url.chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException("invalid URL '" + raw + "': it contains whitespace");
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw new UsageException("invalid URL '" + url + "': no scheme; did you mean https://" + url + " ?");
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UsageException("invalid URL '" + url + "': scheme must be http or https, not '" + scheme + "'");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UsageException("invalid URL '" + url + "': " + e.getReason()
                + (e.getIndex() >= 0 ? " at position " + (e.getIndex() + 1) : ""));
        }
        checkAuthority(url, uri);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new UsageException("invalid URL '" + url + "': a manager URL takes no '?query' or '#fragment'");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!path.endsWith("/" + API_SEGMENT)) {
            path = path + "/" + API_SEGMENT;
        }
        String authority = uri.getRawAuthority();
        return new BaseUrl(URI.create(scheme + "://" + authority + path + "/"));
    }

    private static void checkAuthority(String url, URI uri) {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            // java.net.URI leaves host null for registry-based authorities such as "host:abc".
            String authority = uri.getRawAuthority();
            if (authority != null && authority.contains(":")) {
                String port = authority.substring(authority.lastIndexOf(':') + 1);
                throw new UsageException("invalid URL '" + url + "': bad port '" + port + "' (a number from 1 to 65535)");
            }
            throw new UsageException("invalid URL '" + url + "': no host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UsageException("invalid URL '" + url + "': credentials in the URL are not supported; use --token or --token-file");
        }
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            throw new UsageException("invalid URL '" + url + "': bad port '" + port + "' (a number from 1 to 65535)");
        }
    }

    /** The base, always ending in {@code /apiops/}. */
    public URI uri() {
        return base;
    }

    public String host() {
        return base.getHost();
    }

    /** http:// rather than https:// (the scheme is lower-cased when parsed). */
    public boolean isPlainHttp() {
        return base.getScheme().equals("http");
    }

    public boolean isLoopback() {
        String h = base.getHost().toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    /** Resolves an already-encoded path relative to {@code /apiops/}. */
    public URI resolve(String encodedRelativePath) {
        return URI.create(base.toString() + encodedRelativePath);
    }

    /** Builds {@code seg1/seg2/.../} with each segment percent-encoded, trailing slash included. */
    public URI resolveSegments(String... segments) {
        return resolve(ApiPaths.segments(segments));
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
