package dev.mgmt.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Matches request paths (relative to /apiops/) against templates like {@code projects/{project}/}. */
final class Router {

    @FunctionalInterface
    interface Handler {
        Http.Resp handle(Http.Req req) throws Exception;
    }

    /**
     * Route flags. ADMIN routes need a token; whether the user holds the admin role is checked by the handler,
     * because those pages document their own error for non-admin users.
     */
    enum Access { PUBLIC, READ, WRITE, ADMIN }

    record Route(String method, String[] segments, boolean trailingSlash, boolean slashOptional,
                 Access access, Handler handler, int literals) { }

    record Match(Route route, Map<String, String> params) { }

    /** Result of a lookup: a match, or the set of methods allowed on the path (empty = unknown path). */
    record Lookup(Match match, Set<String> allowed) { }

    private final List<Route> routes = new ArrayList<>();

    /**
     * Adds a route. A template ending in "/" requires the trailing slash; one ending in "/?" accepts both forms;
     * one without a slash requires its absence (but see slashOptional).
     */
    void add(String method, String template, Access access, Handler h) {
        boolean optional = template.endsWith("/?");
        String t = optional ? template.substring(0, template.length() - 2) : template;
        boolean trailing = t.endsWith("/");
        if (trailing) {
            t = t.substring(0, t.length() - 1);
        }
        String[] segs = t.split("/");
        int literals = 0;
        for (String s : segs) {
            if (!s.startsWith("{")) {
                literals++;
            }
        }
        routes.add(new Route(method, segs, trailing, optional, access, h, literals));
    }

    Lookup find(String method, String rawRelativePath) {
        boolean trailing = rawRelativePath.endsWith("/");
        String p = trailing ? rawRelativePath.substring(0, rawRelativePath.length() - 1) : rawRelativePath;
        String[] raw = p.split("/", -1);
        Match best = null;
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            if (!(r.slashOptional || r.trailingSlash == trailing)) {
                continue;
            }
            Map<String, String> params = match(r.segments, raw);
            if (params == null) {
                continue;
            }
            allowed.add(r.method);
            if (!r.method.equals(method)) {
                continue;
            }
            if (best == null || better(r, best.route)) {
                best = new Match(r, params);
            }
        }
        return new Lookup(best, allowed);
    }

    /** More literal segments wins; on a tie, the earlier literal wins. */
    private static boolean better(Route a, Route b) {
        if (a.literals != b.literals) {
            return a.literals > b.literals;
        }
        for (int i = 0; i < a.segments.length; i++) {
            boolean la = !a.segments[i].startsWith("{");
            boolean lb = !b.segments[i].startsWith("{");
            if (la != lb) {
                return la;
            }
        }
        return false;
    }

    private static Map<String, String> match(String[] tpl, String[] raw) {
        if (tpl.length != raw.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < tpl.length; i++) {
            String t = tpl[i];
            String seg;
            try {
                seg = URLDecoder.decode(raw[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (t.startsWith("{")) {
                if (seg.isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), seg);
            } else if (!t.equals(seg)) {
                return null;
            }
        }
        return params;
    }
}
