package dev.mgmt.resources;

import dev.mgmt.errors.UsageException;
import dev.mgmt.text.NameMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every part that {@code mgmt set|add|remove} reach, as data (see {@link Part}). */
public final class Parts {
    private static final List<String> PROXY = List.of("projects", "{project}", "apiProxies", "{name}");
    private static final List<String> ENDPOINTS = List.of("projects", "{project}", "apiProxies", "{proxy}", "endpoints");
    /** In the order the body gets them (a body mgmt writes is the same from run to run). */
    private static final Map<String, String> ENDPOINT_ID = ordered("identifierName", "{name}",
        "identifierHttpMethod", "{method}");

    /** The methods an endpoint can have, as its identifierHttpMethod takes them. */
    public static final List<String> ENDPOINT_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
        "HEAD", "TRACE", "ALL");

    private static final List<Part> ALL = new ArrayList<>();

    static {
        // An API proxy's settings: each one PATCHes the whole setting from a file.
        String[][] settings = {
            {"api-keys", "keys", "proxy.update-api-keys", "API keys the proxy accepts"},
            {"cache", "cache", "proxy.update-cache-settings", "response cache"},
            {"circuit-breaker", "circuit-breaker", "proxy.update-circuit-breaker-settings", "circuit breaker"},
            {"client-route", "client-route", "proxy.update-client-route", "relative paths, hosts and headers clients use"},
            {"connection", "connection", "proxy.update-connection-settings", "backend connection timeouts and pool"},
            {"cors", "cors", "proxy.update-cors-settings", "CORS"},
            {"forwarded-ip-header", "forwarded-ip-header", "proxy.update-forwarded-ip-header", "forwarded-IP header"},
            {"json-error-template", "json-error-template", "proxy.update-json-error-template", "JSON error template"},
            {"xml-error-template", "xml-error-template", "proxy.update-xml-error-template", "XML error template"},
            {"metadata", "metadata", "proxy.update-metadata", "name, description, version and other metadata"},
            {"mtls", "mtls", "proxy.update-mtls-settings", "mutual TLS towards the backend"},
            {"ntlm", "ntlm", "proxy.update-ntlm-settings", "NTLM authentication towards the backend"},
            {"proxy-server", "proxy-server", "proxy.update-proxy-server-settings", "forward proxy towards the backend"},
            {"routing-addresses", "addresses", "proxy.update-routing-addresses", "backend addresses and load balancing"},
            {"routing-status", "routing-status", "proxy.update-routing-status", "routing and mirroring switches"},
            {"traffic-log", "traffic-log", "proxy.update-traffic-log-settings", "traffic log"}};
        for (String[] s : settings) {
            add(new Part("proxy", s[0], Part.Change.SET, "PATCH", cat(PROXY, "settings", s[1]), Part.Input.FILE, s[2],
                null, List.of(), Map.of(), s[3]));
        }
        add(new Part("proxy", "hide-spec-file", Part.Change.SET, "PATCH",
            cat(PROXY, "settings", "hide-spec-file", "{value}"), Part.Input.SWITCH, null, null, List.of("true", "false"),
            Map.of(), "whether the spec file is hidden (true or false)"));

        add(new Part("endpoint", "status", Part.Change.SET, "PATCH", cat(ENDPOINTS, "status"), Part.Input.SWITCH,
            "endpoint.update-status", "active", List.of(), ENDPOINT_ID, "active (true) or not (false)"));
        add(new Part("endpoint", "cache", Part.Change.SET, "PATCH", cat(ENDPOINTS, "cache"), Part.Input.FILE,
            "endpoint.update-cache", null, List.of(), ENDPOINT_ID, "the endpoint's response cache"));
        add(new Part("endpoint", "wsa", Part.Change.SET, "PATCH", cat(ENDPOINTS, "wsa"), Part.Input.FILE,
            "endpoint.update-wsa", null, List.of(), ENDPOINT_ID, "WS-Addressing"));

        List<String> ips = List.of("projects", "{project}", "ipGroups", "{name}", "ips");
        lists("ip-group", "ips", ips, "ip-group.add-ips", "ip-group.update-ips", "ip-group.delete-ips",
            "IPs and CIDR ranges");

        List<String> rlcl = List.of("projects", "{project}", "rlcl", "{name}");
        lists("rlcl", "credentials", cat(rlcl, "credentials"), "rlcl.add-credentials", "rlcl.update-credentials",
            "rlcl.add-credentials", "credentials the limits apply to");
        lists("rlcl", "endpoints", cat(rlcl, "endpoints"), "rlcl.add-endpoints", "rlcl.update-endpoints", null,
            "endpoint rate limits");
        add(new Part("rlcl", "condition", Part.Change.ADD, "POST", cat(rlcl, "condition"), Part.Input.FILE,
            "rlcl.add-condition", null, List.of(), Map.of(), "the condition that selects requests"));
        add(new Part("rlcl", "condition", Part.Change.SET, "PUT", cat(rlcl, "condition"), Part.Input.FILE,
            "rlcl.update-condition", null, List.of(), Map.of(), "the condition that selects requests"));
        add(new Part("rlcl", "condition", Part.Change.REMOVE, "DELETE", cat(rlcl, "condition"), Part.Input.NONE,
            null, null, List.of(), Map.of(), "the condition that selects requests"));

        List<String> member = List.of("projects", "{project}", "apiProxyGroups", "{name}", "apiProxies", "{value}");
        add(new Part("proxy-group", "proxies", Part.Change.ADD, "POST", member, Part.Input.NAMES, null, null,
            List.of(), Map.of(), "member API proxies"));
        add(new Part("proxy-group", "proxies", Part.Change.REMOVE, "DELETE", member, Part.Input.NAMES, null, null,
            List.of(), Map.of(), "member API proxies"));

        // grant and revoke are these two, with the list built from flags.
        List<String> access = List.of("projects", "{project}", "credentials", "{name}", "access");
        add(new Part("credential", "access", Part.Change.ADD, "PUT", access, Part.Input.FILE, "access.grant", null,
            List.of(), Map.of(), "API proxies and groups the credential may call"));
        add(new Part("credential", "access", Part.Change.REMOVE, "DELETE", access, Part.Input.FILE, "access.grant",
            null, List.of(), Map.of(), "API proxies and groups the credential may call"));

        List<String> geo = List.of("settings", "geolocation");
        add(new Part("geolocation", "enabled", Part.Change.SET, "PUT", cat(geo, "{value}", "~"), Part.Input.SWITCH,
            null, null, List.of("enable", "disable"), Map.of(), "geolocation on (true) or off (false)"));
        add(new Part("geolocation", "mmdb", Part.Change.SET, "PUT", cat(geo, "mmdb", "~"), Part.Input.UPLOAD, null,
            null, List.of(), Map.of(), "the MaxMind GeoIP2 database (.mmdb)"));
    }

    private Parts() {
    }

    /** The part {@code word} of {@code kind} that {@code change} reaches; else a usage error listing those there are. */
    public static Part find(Kind kind, Part.Change change, String word) {
        List<String> names = new ArrayList<>();
        for (Part p : ALL) {
            if (p.kind().equals(kind.singular()) && p.change() == change) {
                if (p.name().equals(word)) {
                    return p;
                }
                names.add(p.name());
            }
        }
        if (names.isEmpty()) {
            throw new UsageException("mgmt " + change.word() + " does not apply to " + kind.plural(),
                "mgmt " + change.word() + " applies to: " + String.join(", ", kinds(change)));
        }
        List<String> close = NameMatcher.closest(word, names, 1);
        throw new UsageException("no part '" + word + "' of " + kind.plural() + " for mgmt " + change.word()
            + (close.isEmpty() ? "" : "; did you mean '" + close.get(0) + "'?"),
            "Parts: " + String.join(", ", names));
    }

    /** The kinds (singulars) that have parts for {@code change}, in table order. */
    public static List<String> kinds(Part.Change change) {
        List<String> kinds = new ArrayList<>();
        for (Part p : ALL) {
            if (p.change() == change && !kinds.contains(p.kind())) {
                kinds.add(p.kind());
            }
        }
        return kinds;
    }

    /** False for a kind with one instance (geolocation): its parts come right after KIND, without a NAME. */
    public static boolean named(Kind kind) {
        for (Part p : ALL) {
            if (p.kind().equals(kind.singular())
                && (p.path().contains("{name}") || p.filled().containsValue("{name}"))) {
                return true;
            }
        }
        return kind.listable();
    }

    /** The names of the parts of {@code kind} that {@code change} reaches. */
    public static List<String> names(Kind kind, Part.Change change) {
        List<String> names = new ArrayList<>();
        for (Part p : ALL) {
            if (p.kind().equals(kind.singular()) && p.change() == change) {
                names.add(p.name());
            }
        }
        return names;
    }

    /** Every part, in table order. */
    public static List<Part> all() {
        return List.copyOf(ALL);
    }

    /** A list part: add (POST), set (PUT: replace all) and remove (DELETE) with a file each. */
    private static void lists(String kind, String name, List<String> path, String addSchema, String setSchema,
                              String removeSchema, String about) {
        add(new Part(kind, name, Part.Change.ADD, "POST", path, Part.Input.FILE, addSchema, null, List.of(), Map.of(),
            about));
        add(new Part(kind, name, Part.Change.SET, "PUT", path, Part.Input.FILE, setSchema, null, List.of(), Map.of(),
            about));
        add(new Part(kind, name, Part.Change.REMOVE, "DELETE", path, Part.Input.FILE, removeSchema, null, List.of(),
            Map.of(), about));
    }

    /** An unmodifiable map that keeps the order its pairs are given in (bodies built from it are stable). */
    public static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void add(Part p) {
        ALL.add(p);
    }

    private static List<String> cat(List<String> base, String... more) {
        return Operations.cat(base, more);
    }
}
