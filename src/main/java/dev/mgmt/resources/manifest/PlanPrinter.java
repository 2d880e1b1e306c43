package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.text.Redactor;
import dev.mgmt.text.TerminalText;
import picocli.CommandLine.Help.Ansi.Style;

import java.io.PrintWriter;

/**
 * A plan as people read it, field by field: {@code ~ proxy/petstore-api (x.yaml:1)} then
 * {@code description: "old" -> "new"}; {@code +} creates, {@code -} deletes. Secret fields are masked
 * on both sides, server text is escaped, colour only when asked.
 */
public final class PlanPrinter {
    private static final Style RED = Style.fg_red;
    private static final Style GREEN = Style.fg_green;
    private static final Style YELLOW = Style.fg_yellow;

    private final PrintWriter out;
    private final boolean color;

    public PlanPrinter(PrintWriter out, boolean color) {
        this.out = out;
        this.color = color;
    }

    /** Prints every step that changes something; returns how many there were. */
    public int print(Plan plan) {
        int n = 0;
        for (Step s : plan.steps()) {
            if (!s.writes()) {
                continue;
            }
            n++;
            String where = s.manifest() != null ? " (" + s.manifest().origin() + ")"
                : " (on the manager" + s.target().where() + ", not in the files)";
            switch (s.action()) {
                case CREATE -> line(GREEN, "+ " + s.ref() + where);
                case DELETE -> line(RED, "- " + s.ref() + where);
                default -> line(YELLOW, "~ " + s.ref() + where);
            }
            for (Change c : s.changes()) {
                if (s.action() == Step.Action.CREATE) {
                    line(GREEN, "    " + c.path() + ": " + show(c.path(), c.wanted()));
                } else {
                    out.println("    " + TerminalText.safe(c.path()) + ": " + paint(RED, show(c.path(), c.live()))
                        + " -> " + paint(GREEN, show(c.path(), c.wanted())));
                }
            }
        }
        out.flush();
        return n;
    }

    private void line(Style colour, String text) {
        out.println(paint(colour, text));
    }

    /** Picocli's escapes, as the rest of mgmt's colour; the text itself never goes through its markup. */
    private String paint(Style colour, String text) {
        String safe = TerminalText.safe(text);
        return color ? colour.on() + safe + Style.reset.on() : safe;
    }

    /** A value as compact JSON; "(none)" when a side has none; "****" for a secret. */
    static String show(String path, JsonNode value) {
        if (value == null) {
            return "(none)";
        }
        String field = Comparison.unindexed(path);
        field = field.substring(field.lastIndexOf('.') + 1);
        if (Redactor.isSecretName(field) || Redactor.isSecretName(path)) {
            return "****";
        }
        return Json.compact(masked(value));
    }

    /** A copy with every secret-named field's value replaced, however deep. */
    static JsonNode masked(JsonNode value) {
        if (value.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = Json.mapper().createObjectNode();
            value.fields().forEachRemaining(e -> copy.set(e.getKey(),
                Redactor.isSecretName(e.getKey()) && !e.getValue().isNull() ? copy.textNode("****")
                    : masked(e.getValue())));
            return copy;
        }
        if (value.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = Json.mapper().createArrayNode();
            value.forEach(v -> copy.add(masked(v)));
            return copy;
        }
        return value;
    }
}
