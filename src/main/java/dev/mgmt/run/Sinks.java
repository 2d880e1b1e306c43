package dev.mgmt.run;

import dev.mgmt.output.Column;
import dev.mgmt.output.ItemSink;
import dev.mgmt.output.NameSink;
import dev.mgmt.output.QuerySink;
import dev.mgmt.output.SpooledSink;
import dev.mgmt.output.StructuredSink;
import dev.mgmt.output.TableSink;
import dev.mgmt.resources.Kind;
import dev.mgmt.settings.OutputFormat;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Picks the sink for the output format (and -q). */
public final class Sinks {
    private Sinks() {
    }

    /** Every format is spooled: stdout gets the result whole or not at all. Close it in every path. */
    public static ItemSink create(Invocation inv, Kind kind, OutputFormat format, boolean single) {
        return new SpooledSink(inv.out(), inv.env().stdout(), inv.env().interrupt(), out -> forFormat(inv, out, kind, format, single));
    }

    private static ItemSink forFormat(Invocation inv, PrintWriter out, Kind kind, OutputFormat format, boolean single) {
        String query = inv.options().query();
        if (query != null) {
            return new QuerySink(out, query, format, single);
        }
        switch (format) {
            case JSON:
                return StructuredSink.json(out, single);
            case YAML:
                return StructuredSink.yaml(out, single);
            case NAME:
                return new NameSink(out, Column.of("NAME", kind.nameField()));
            case WIDE: {
                List<Column> cols = new ArrayList<>(kind.columns());
                cols.addAll(kind.wideColumns());
                return new TableSink(out, cols, inv.colorOnStdout(), inv.tableWidth());
            }
            default:
                return new TableSink(out, kind.columns(), inv.colorOnStdout(), inv.tableWidth());
        }
    }
}
