package dev.mgmt.exercise;

import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.Permissions;
import dev.mgmt.resources.WriteProbes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code exercise --smoke --require} asks for: {@code read}, {@code write} (every kind that has
 * them), or {@code KIND:read} / {@code KIND:write} for one kind, comma-separated or repeated. Met only
 * when each asked-for permission was seen to be allowed: not checked and unknown fail as well as denied,
 * and so does a need that no row of the matrix answers.
 */
public final class PermissionRequirements {
    private static final String GRAMMAR = "expected read, write, KIND:read or KIND:write (e.g. --require read,proxy:write)";

    /** One thing asked for: {@code kind} null means every kind. */
    record Need(Kind kind, boolean write) {
        String words() {
            return (kind == null ? "" : kind.singular() + ":") + (write ? "write" : "read");
        }
    }

    /** The outcome: exit 0 when met; otherwise one line per permission not confirmed. */
    public record Verdict(int exit, List<String> lines) {
    }

    private final List<Need> needs;

    private PermissionRequirements(List<Need> needs) {
        this.needs = needs;
    }

    public boolean isEmpty() {
        return needs.isEmpty();
    }

    /** Parses every --require value; a bad one is a usage error before anything is sent. */
    public static PermissionRequirements parse(List<String> values) {
        List<Need> needs = new ArrayList<>();
        for (String value : values) {
            for (String raw : value.split(",", -1)) {
                String item = raw.strip().toLowerCase(Locale.ROOT);
                if (item.isEmpty()) {
                    throw new UsageException("invalid --require '" + value + "': an empty item; " + GRAMMAR);
                }
                int colon = item.lastIndexOf(':');
                String access = colon < 0 ? item : item.substring(colon + 1);
                if (!access.equals("read") && !access.equals("write")) {
                    throw new UsageException("invalid --require item '" + raw.strip() + "': " + GRAMMAR);
                }
                Kind kind = colon < 0 ? null : Kinds.find(item.substring(0, colon));
                boolean write = access.equals("write");
                if (kind != null && kind.singular().equals("report")) {
                    throw new UsageException("--require " + raw.strip() + ": reports are for administrators and not "
                        + "part of the sweep");
                }
                if (kind != null && !kind.listable()) {
                    throw new UsageException("--require " + raw.strip() + ": the sweep does not check " + kind.plural()
                        + " (the API cannot list them)");
                }
                if (kind != null && write && WriteProbes.noWrite(kind) != null) {
                    throw new UsageException("--require " + raw.strip() + ": " + WriteProbes.noWrite(kind));
                }
                needs.add(new Need(kind, write));
            }
        }
        return new PermissionRequirements(needs);
    }

    public Verdict check(List<Permissions.Row> rows) {
        Set<String> lines = new LinkedHashSet<>();
        int denied = 0;
        for (Need n : needs) {
            boolean seen = false;
            for (Permissions.Row r : rows) {
                if (n.kind() != null && !n.kind().equals(r.kind())
                    || n.kind() == null && n.write() && WriteProbes.noWrite(r.kind()) != null) {
                    continue;
                }
                seen = true;
                Permissions.Check c = n.write() ? r.write() : r.read();
                if (c.access() == Permissions.Access.ALLOWED) {
                    continue;
                }
                if (c.access() == Permissions.Access.DENIED && denied == 0) {
                    denied = ExitCodes.forStatus(c.status());
                }
                lines.add("--require " + n.words() + ": " + r.kind().plural() + " " + (n.write() ? "write" : "read")
                    + " is " + c.access().word() + (c.status() > 0 ? " (HTTP " + c.status() + ")" : "")
                    + (c.detail().isEmpty() ? "" : ": " + c.detail()));
            }
            // Nothing in the matrix answers this need: unchecked, so never met.
            if (!seen) {
                lines.add("--require " + n.words() + ": not checked: the sweep has no such permission");
            }
        }
        int exit = lines.isEmpty() ? ExitCodes.OK : denied != 0 ? denied : ScenarioRunner.EXPECTATION_FAILED;
        return new Verdict(exit, List.copyOf(lines));
    }
}
