package dev.mgmt.resources;

import dev.mgmt.client.ApiClient;
import dev.mgmt.client.retry.ReadBack;

import java.util.Map;

/**
 * How to see whether a write of one object took effect: the read mgmt makes to reconcile a 409 after
 * a retried POST, and the command a user can run, as printed, to look at the object.
 */
public final class WriteChecks {
    /** Body fields that a kind's read shows under another name: the proxy's create form is flat and prefixed. */
    private static final Map<String, Map<String, String>> READ_AS = Map.of(
        "proxy", Map.of("apiProxyName", "name", "apiProxyDescription", "description"));

    private WriteChecks() {
    }

    /** The object {@code name} of the target's kind: its single read, or its item in the list. */
    public static ReadBack of(ApiClient client, Target target, String name) {
        Kind k = target.kind();
        String command = "mgmt get " + k.singular() + " " + shellWord(name) + flags(target);
        Map<String, String> readAs = READ_AS.getOrDefault(k.singular(), Map.of());
        if (k.nesting() != Kind.Nesting.FLAT) {
            // The list's elements are not the objects (policies sit inside the proxy): only the command can tell.
            return new ReadBack(null, command);
        }
        return k.hasGet()
            ? new ReadBack(client.base().resolve(target.getPath(name)), command, null, null, readAs)
            : new ReadBack(client.base().resolve(target.listPaths().get(0)), command, k.nameField(), name, readAs);
    }

    /** When the name is not known before the answer (an import takes it from the archive): the list shows it. */
    public static ReadBack listing(Target target) {
        return new ReadBack(null, "mgmt get " + target.kind().plural() + flags(target));
    }

    static String flags(Target target) {
        StringBuilder sb = new StringBuilder();
        Scope scope = target.kind().scope();
        if (scope != Scope.GLOBAL) {
            sb.append(" -p ").append(shellWord(target.project()));
        }
        if (scope == Scope.PROXY) {
            sb.append(" --proxy ").append(shellWord(target.proxy()));
        }
        if (scope == Scope.CREDENTIAL) {
            sb.append(" --credential ").append(shellWord(target.credential()));
        }
        return sb.toString();
    }

    /** A word as a shell needs it: bare when safe, else single-quoted. */
    static String shellWord(String s) {
        if (s.matches("[A-Za-z0-9._@%+=:,/-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
