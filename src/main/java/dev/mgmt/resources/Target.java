package dev.mgmt.resources;

import dev.mgmt.client.ApiPaths;
import dev.mgmt.errors.UsageException;

import java.util.List;

/**
 * Where a kind's endpoints are for this command: the project, proxy and credential names filled
 * into the kind's path templates. Missing context is a usage error naming the flag, before
 * anything is sent.
 */
public record Target(Kind kind, String project, String proxy, String credential, String type) {

    public static Target of(Kind kind, String project, String proxy, String credential, String type) {
        Scope scope = kind.scope();
        if ((scope == Scope.PROJECT || scope == Scope.PROXY || scope == Scope.CREDENTIAL) && project == null) {
            throw new UsageException(subject(kind, "live") + " in a project: pass -p/--project NAME or set MGMT_PROJECT",
                "List projects with: mgmt get projects");
        }
        if (scope == Scope.PROXY && proxy == null) {
            throw new UsageException(subject(kind, "belong") + " to an API proxy: pass --proxy NAME",
                "List proxies with: mgmt get proxies -p " + project);
        }
        if (scope == Scope.CREDENTIAL && credential == null) {
            throw new UsageException(subject(kind, "belong") + " to a credential: pass --credential USERNAME",
                "List credentials with: mgmt get credentials -p " + project);
        }
        if (type != null && !kind.listTypes().contains(type)) {
            throw new UsageException(kind.listTypes().isEmpty()
                ? "--type does not apply to " + kind.plural()
                : "invalid --type '" + type + "' for " + kind.plural() + ": expected one of "
                    + String.join(", ", kind.listTypes()));
        }
        return new Target(kind, project, proxy, credential, type);
    }

    /** "proxies belong", "access belongs": a kind whose plural is its singular is a mass noun. */
    private static String subject(Kind kind, String verb) {
        return kind.plural() + " " + (kind.plural().equals(kind.singular()) ? verb + "s" : verb);
    }

    /** The encoded list paths, relative to /apiops/: one, or one per type when the list needs a type. */
    public List<String> listPaths() {
        if (kind.scope() == Scope.GLOBAL && project != null && kind.narrowedPath() != null) {
            return List.of(fill(kind.narrowedPath(), null));
        }
        String path = fill(kind.listPath(), null);
        if (kind.listTypes().isEmpty()) {
            return List.of(path);
        }
        List<String> types = type != null ? List.of(type) : kind.listTypes();
        List<String> paths = new java.util.ArrayList<>();
        for (String t : types) {
            paths.add(path + "?type=" + ApiPaths.encodeSegment(t));
        }
        return paths;
    }

    public String getPath(String name) {
        return fill(kind.getPath(), name);
    }

    /** "in project X" style words for messages. */
    public String where() {
        switch (kind.scope()) {
            case PROJECT: return " in project '" + project + "'";
            case PROXY: return " in proxy '" + proxy + "' of project '" + project + "'";
            case CREDENTIAL: return " for credential '" + credential + "' in project '" + project + "'";
            default: return project != null && kind.narrowedPath() != null ? " for project '" + project + "'" : "";
        }
    }

    /** Fills a path template (see {@link Kind}); {@code name} replaces {@code {name}}. */
    public String fill(List<String> template, String name) {
        StringBuilder sb = new StringBuilder();
        for (String seg : template) {
            if (seg.equals("~")) {
                sb.setLength(sb.length() - 1);
                break;
            }
            String value;
            switch (seg) {
                case "{project}": value = project; break;
                case "{proxy}": value = proxy; break;
                case "{credential}": value = credential; break;
                case "{name}": value = name; break;
                default: value = seg;
            }
            sb.append(ApiPaths.segments(value));
        }
        return sb.toString();
    }
}
