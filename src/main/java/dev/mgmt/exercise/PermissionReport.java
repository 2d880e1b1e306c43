package dev.mgmt.exercise;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.json.Json;
import dev.mgmt.resources.Permissions;
import dev.mgmt.resources.Permissions.Access;
import dev.mgmt.resources.WriteProbes;
import dev.mgmt.text.TerminalText;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The permission matrix of {@code exercise --smoke}: a table with a summary line, or JSON. */
public final class PermissionReport {
    private PermissionReport() {
    }

    public static void table(PrintWriter out, List<Permissions.Row> rows) {
        int kw = "KIND".length();
        for (Permissions.Row r : rows) {
            kw = Math.max(kw, r.kind().plural().length());
        }
        String fmt = "%-" + kw + "s  %-11s  %-11s  %s";
        out.println(String.format(Locale.ROOT, fmt, "KIND", "READ", "WRITE", "WRITE PROBE"));
        for (Permissions.Row r : rows) {
            out.println(String.format(Locale.ROOT, fmt, r.kind().plural(), r.read().access().word(),
                r.write().access().word(), TerminalText.safe(probeText(r.write()))).stripTrailing());
        }
        out.println(summary(rows));
    }

    /** "13 kinds: read 13 allowed; write 10 allowed, 3 not checked". */
    public static String summary(List<Permissions.Row> rows) {
        return rows.size() + " kinds: read " + counts(rows, false) + "; write " + counts(rows, true);
    }

    private static String counts(List<Permissions.Row> rows, boolean write) {
        Map<Access, Integer> n = new EnumMap<>(Access.class);
        for (Permissions.Row r : rows) {
            n.merge((write ? r.write() : r.read()).access(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        n.forEach((a, c) -> parts.add(c + " " + a.word()));
        return String.join(", ", parts);
    }

    /** What the WRITE column's probe was and what came back, or why there was none. */
    private static String probeText(Permissions.Check c) {
        if (c.request() == null) {
            return "- (" + c.detail() + ")";
        }
        return c.request() + " -> " + (c.status() == 0 ? c.detail() : Integer.toString(c.status()));
    }

    /** The warnings of probes that may have changed something: for stderr, loudly. */
    public static List<String> warnings(List<Permissions.Row> rows) {
        List<String> out = new ArrayList<>();
        for (Permissions.Row r : rows) {
            if (r.write().warning() != null) {
                out.add("warning: " + r.write().warning());
            }
        }
        return out;
    }

    public static ObjectNode json(List<Permissions.Row> rows) {
        ObjectNode o = Json.mapper().createObjectNode();
        ArrayNode kinds = o.putArray("kinds");
        for (Permissions.Row r : rows) {
            ObjectNode k = kinds.addObject().put("kind", r.kind().singular());
            check(k.putObject("read"), r.read());
            ObjectNode w = check(k.putObject("write"), r.write());
            WriteProbes.Probe p = WriteProbes.forKind(r.kind());
            if (p != null && r.write().request() != null) {
                w.put("why_harmless", p.why());
            }
        }
        o.put("summary", summary(rows));
        ArrayNode warnings = o.putArray("warnings");
        warnings(rows).forEach(warnings::add);
        return o;
    }

    private static ObjectNode check(ObjectNode o, Permissions.Check c) {
        o.put("result", c.access().word());
        if (c.request() != null) {
            o.put("probe", c.request());
        } else {
            o.putNull("probe");
        }
        if (c.status() > 0) {
            o.put("status", c.status());
        } else {
            o.putNull("status");
        }
        if (!c.detail().isEmpty()) {
            o.put("detail", c.detail());
        }
        return o;
    }
}
