package dev.mgmt.run;

import dev.mgmt.output.StructuredSink;
import dev.mgmt.output.NameSink;
import dev.mgmt.output.TableSink;
import dev.mgmt.output.QuerySink;
import dev.mgmt.output.ItemSink;
import dev.mgmt.output.Column;
import dev.mgmt.resources.Kind;
import dev.mgmt.settings.OutputFormat;

import java.util.ArrayList;
import java.util.List;

/** Picks the sink for the output format (and -q). */
public final class Sinks {
    private Sinks() {
    }

    public static ItemSink create(Invocation inv, Kind kind, OutputFormat format, boolean single) {
        String query = inv.options().query();
        if (query != null) {
            return new QuerySink(inv.out(), query, format, single);
        }
        switch (format) {
            case JSON:
                return StructuredSink.json(inv.out(), single);
            case YAML:
                return StructuredSink.yaml(inv.out(), single);
            case NAME:
                return new NameSink(inv.out(), Column.of("NAME", kind.nameField()));
            case WIDE: {
                List<Column> cols = new ArrayList<>(kind.columns());
                cols.addAll(kind.wideColumns());
                return new TableSink(inv.out(), cols, inv.colorOnStdout(), inv.tableWidth());
            }
            default:
                return new TableSink(inv.out(), kind.columns(), inv.colorOnStdout(), inv.tableWidth());
        }
    }
}
