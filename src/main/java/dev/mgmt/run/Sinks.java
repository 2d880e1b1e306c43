package dev.mgmt.run;

import dev.mgmt.output.Column;
import dev.mgmt.output.EmptyNotice;
import dev.mgmt.output.ItemSink;
import dev.mgmt.output.JsonQuery;
import dev.mgmt.output.NameSink;
import dev.mgmt.output.QuerySink;
import dev.mgmt.output.SortingSink;
import dev.mgmt.output.SpooledSink;
import dev.mgmt.output.StructuredSink;
import dev.mgmt.output.TableSink;
import dev.mgmt.resources.Identity;
import dev.mgmt.resources.Kind;
import dev.mgmt.settings.FieldPath;
import dev.mgmt.settings.OutputFormat;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Picks the sink for the output format (and -q). */
public final class Sinks {
    private Sinks() {
    }

    /**
     * Every format is spooled: stdout gets the result whole or not at all. Close it in every path.
     * {@code noneFound}: the stderr line of a list whose table has no row (nothing listed, or -q kept nothing).
     */
    public static ItemSink create(Invocation inv, Kind kind, OutputFormat format, boolean single, String noneFound) {
        return new SpooledSink(inv.out(), inv.env().stdout(), inv.env().interrupt(),
            out -> sorted(inv, forFormat(inv, out, kind, format, single, noneFound), single));
    }

    /** --sort-by on a list: the items are collected and sorted before the format sees them. */
    private static ItemSink sorted(Invocation inv, ItemSink sink, boolean single) {
        String sortBy = inv.options().sortBy();
        return sortBy == null || single ? sink : new SortingSink(sink, FieldPath.parse(sortBy, "--sort-by"), sortBy);
    }

    /** A table on stdout fitted to the terminal, with a header line unless --no-headers; name column first. */
    public static TableSink table(Invocation inv, PrintWriter out, List<Column> columns) {
        return table(inv, out, columns, 0);
    }

    private static TableSink table(Invocation inv, PrintWriter out, List<Column> columns, int nameColumn) {
        return new TableSink(out, columns, inv.colorOnStdout(), inv.tableWidth(), !inv.options().noHeaders(), nameColumn);
    }

    private static ItemSink forFormat(Invocation inv, PrintWriter out, Kind kind, OutputFormat format, boolean single,
                                      String noneFound) {
        boolean table = format == OutputFormat.TABLE || format == OutputFormat.WIDE
            || format == OutputFormat.CUSTOM_COLUMNS;
        ItemSink plain = plain(inv, out, kind, format, single);
        ItemSink shown = table && !single ? new EmptyNotice(plain, inv.err(), noneFound) : plain;
        String query = inv.options().query();
        if (query == null) {
            return shown;
        }
        boolean rows = table || format == OutputFormat.NAME;
        return new QuerySink(out, JsonQuery.Expr.query(query), format, single, rows ? shown : null);
    }

    private static ItemSink plain(Invocation inv, PrintWriter out, Kind kind, OutputFormat format, boolean single) {
        switch (format) {
            case JSON:
                return StructuredSink.json(out, single);
            case YAML:
                return StructuredSink.yaml(out, single);
            case JSONPATH:
                return new QuerySink(out, JsonQuery.Expr.jsonpath(inv.settings().outputArgument()), format, single);
            case CUSTOM_COLUMNS: {
                List<Column> cols = new ArrayList<>();
                for (FieldPath.Spec spec : FieldPath.columns(inv.settings().outputArgument(), "-o custom-columns", "-o")) {
                    cols.add(new Column(spec.header(), List.of(spec.path()), "<none>"));
                }
                return table(inv, out, cols);
            }
            case NAME: {
                Identity.Key name = Identity.whole(kind);
                return new NameSink(out, name.of(), name.fields());
            }
            case WIDE: {
                List<Column> cols = new ArrayList<>(kind.columns());
                cols.addAll(kind.wideColumns());
                return table(inv, out, cols, Column.indexOf(cols, kind.nameField()));
            }
            default:
                return table(inv, out, kind.columns(), Column.indexOf(kind.columns(), kind.nameField()));
        }
    }
}
