package dev.mgmt.resources;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of mgmt's body schemas a request answers to, found from its method and path alone: what the
 * checklist after a 400 checks the body against, also for bodies that mgmt did not check before sending
 * ({@code mgmt api}, {@code --no-validate}).
 */
public final class RequestSchemas {
    private RequestSchemas() {
    }

    /**
     * The schema name for a request, or null when mgmt has none for it.
     *
     * @param path the path under the API's base ({@code projects/MyProject/apiProxies/url/}), decoded or not
     */
    public static String of(String method, String path) {
        List<String> given = segments(path);
        String best = null;
        int bestLiterals = -1;
        for (Candidate c : candidates()) {
            if (!c.method.equalsIgnoreCase(method)) {
                continue;
            }
            int literals = literalsMatched(c.path, given);
            if (literals > bestLiterals) {
                best = c.schema;
                bestLiterals = literals;
            }
        }
        return best;
    }

    private record Candidate(String method, List<String> path, String schema) {
    }

    private static List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>();
        for (Operation o : Operations.withSchemas()) {
            out.add(new Candidate(o.method(), o.path(), o.schema()));
        }
        for (Part p : Parts.all()) {
            if (p.schema() != null) {
                out.add(new Candidate(p.method(), p.path(), p.schema()));
            }
        }
        return out;
    }

    /** How many literal segments of the template the path matches; -1 when it does not match at all. */
    private static int literalsMatched(List<String> template, List<String> given) {
        List<String> t = template.isEmpty() || !template.get(template.size() - 1).equals("~") ? template
            : template.subList(0, template.size() - 1);
        if (t.size() != given.size()) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < t.size(); i++) {
            String seg = t.get(i);
            if (seg.startsWith("{") && seg.endsWith("}")) {
                continue;
            }
            if (!seg.equals(given.get(i))) {
                return -1;
            }
            literals++;
        }
        return literals;
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
