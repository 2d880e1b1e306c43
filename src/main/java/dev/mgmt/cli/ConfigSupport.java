package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.config.ContextEntry;
import dev.mgmt.errors.UsageException;
import dev.mgmt.output.Column;
import dev.mgmt.output.ItemSink;
import dev.mgmt.output.StructuredSink;
import dev.mgmt.output.TableSink;
import dev.mgmt.run.Invocation;
import dev.mgmt.run.Sinks;
import dev.mgmt.settings.OutputFormat;
import dev.mgmt.text.Redactor;

import java.util.List;
import java.util.regex.Pattern;

/** What the config, login and auth commands share: output format, printing, masking. */
final class ConfigSupport {
    private static final Pattern CONTEXT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:/+-]*");

    private ConfigSupport() {
    }

    /**
     * -o, then MGMT_OUTPUT, then table. Config commands do not resolve the full settings (a broken
     * token file must not stop you from repairing the config), so a context's output key is not used.
     */
    static OutputFormat format(Invocation inv) {
        if (inv.options().output() != null) {
            return OutputFormat.parse(inv.options().output(), "-o");
        }
        String env = inv.env().var("MGMT_OUTPUT");
        return env == null ? OutputFormat.TABLE : OutputFormat.parse(env, "MGMT_OUTPUT");
    }

    /** One object as JSON or YAML on stdout. */
    static void printObject(Invocation inv, OutputFormat format, JsonNode node) {
        ItemSink sink = format == OutputFormat.YAML ? StructuredSink.yaml(inv.out(), true)
            : StructuredSink.json(inv.out(), true);
        sink.item(node);
        sink.finish();
    }

    /** Rows as an aligned table on stdout. */
    static void printTable(Invocation inv, List<Column> columns, Iterable<? extends JsonNode> rows) {
        TableSink sink = Sinks.table(inv, inv.out(), columns);
        for (JsonNode row : rows) {
            sink.item(row);
        }
        sink.finish();
    }

    /** A progress or confirmation line: stderr, so stdout stays the result. */
    static void note(Invocation inv, String line) {
        inv.err().println(inv.redactor().redact(line));
        inv.err().flush();
    }

    static void warn(Invocation inv, String line) {
        note(inv, "warning: " + line);
    }

    /** How a context authenticates, without the secret: "****abcd", "file /path", or "". */
    static String tokenSummary(ContextEntry e) {
        if (e.get("token") != null) {
            return Redactor.mask(e.get("token"));
        }
        if (e.get("token-file") != null) {
            return "file " + e.get("token-file");
        }
        return "";
    }

    static void checkContextName(String name) {
        if (!CONTEXT_NAME.matcher(name).matches()) {
            throw new UsageException("invalid context name '" + name
                + "': use letters, digits and . _ - @ : / + (starting with a letter or digit)");
        }
    }
}
