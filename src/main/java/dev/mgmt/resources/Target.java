package dev.mgmt.resources;

import dev.mgmt.client.ApiPaths;
import dev.mgmt.errors.UsageException;

import java.util.List;

/**
 * Where a kind's endpoints are for this command: the project, proxy and credential names filled
 * into the kind's path templates. Missing context is a usage error naming the flag, before
 * anything is sent.
 */
public record Target(Kind kind, String project, String proxy, String credential) {

    public static Target of(Kind kind, String project, String proxy, String credential) {
        Scope scope = kind.scope();
        if ((scope == Scope.PROJECT || scope == Scope.PROXY || scope == Scope.CREDENTIAL) && project == null) {
            throw new UsageException(kind.plural() + " live in a project: pass -p/--project NAME or set MGMT_PROJECT",
                "List projects with: mgmt get projects");
        }
        if (scope == Scope.PROXY && proxy == null) {
            throw new UsageException(kind.plural() + " belong to an API proxy: pass --proxy NAME",
                "List proxies with: mgmt get proxies -p " + project);
        }
        if (scope == Scope.CREDENTIAL && credential == null) {
            throw new UsageException(kind.plural() + " belong to a credential: pass --credential USERNAME",
                "List credentials with: mgmt get credentials -p " + project);
        }
        return new Target(kind, project, proxy, credential);
    }

    /** The encoded list path, relative to /apiops/. */
    public String listPath() {
        if (kind.scope() == Scope.GLOBAL && project != null && kind.narrowedPath() != null) {
            return fill(kind.narrowedPath(), null);
        }
        return fill(kind.listPath(), null);
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

    private String fill(List<String> template, String name) {
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
