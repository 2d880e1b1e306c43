package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.text.DisplayWidth;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl-like aligned columns. Widths come from the first {@value #SAMPLE} rows, which are held
 * back until then; later rows stream with those widths, so memory stays bounded for any list.
 * On a terminal of known width the other columns give way so lines do not wrap: the widest is
 * cut (with …) down to {@value #MIN} columns or its header's width, whichever is more, then the
 * next widest, and if that is not enough the trailing columns are left out. Values may be cut but
 * headers never are (kubectl never cuts a header): a column that would have to be narrower than
 * its header is left out instead. The name column is never cut, as kubectl never cuts names; a
 * name wider than the terminal is printed whole. Widths are display widths ({@link DisplayWidth}).
 */
public final class TableSink implements ItemSink {
    static final int SAMPLE = 500;
    /** A cut column keeps at least this many display columns, and its whole header (a narrower one is never cut). */
    static final int MIN = 8;
    private static final String GAP = "   ";

    private final PrintWriter out;
    private final List<Column> columns;
    private final Ansi ansi;
    private final int maxWidth;
    private final boolean headers;
    private final int nameColumn;
    private final List<String[]> pending = new ArrayList<>();
    /** Display width of each column; -1 for a column left out to fit the terminal. */
    private int[] widths;
    private long count;

    /**
     * @param maxWidth   terminal width to fit, or 0 for no limit (not a terminal)
     * @param headers    whether to print the header line (false for --no-headers)
     * @param nameColumn index of the column that is never cut nor left out
     */
    public TableSink(PrintWriter out, List<Column> columns, boolean color, int maxWidth, boolean headers,
                     int nameColumn) {
        this.out = out;
        this.columns = columns;
        this.ansi = color ? Ansi.ON : Ansi.OFF;
        this.maxWidth = maxWidth;
        this.headers = headers;
        this.nameColumn = nameColumn >= 0 && nameColumn < columns.size() ? nameColumn : 0;
    }

    @Override
    public void item(JsonNode item) {
        String[] row = new String[columns.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = cell(columns.get(i).valueOf(item));
        }
        count++;
        if (widths == null) {
            pending.add(row);
            if (pending.size() >= SAMPLE) {
                flushPending();
            }
        } else {
            print(row);
        }
    }

    @Override
    public void finish() {
        if (widths == null && !pending.isEmpty()) {
            flushPending();
        }
        out.flush();
    }

    @Override
    public java.util.Set<String> fields() {
        return Column.fields(columns);
    }

    @Override
    public long count() {
        return count;
    }

    private void flushPending() {
        widths = new int[columns.size()];
        String[] header = new String[columns.size()];
        for (int i = 0; i < header.length; i++) {
            header[i] = columns.get(i).header();
            widths[i] = headers ? DisplayWidth.width(header[i]) : 0;
        }
        for (String[] row : pending) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], DisplayWidth.width(row[i]));
            }
        }
        widths = fit(widths, floors(header), nameColumn, maxWidth);
        if (headers) {
            String line = format(header);
            out.println(ansi.string("@|bold " + escape(line) + "|@"));
        }
        for (String[] row : pending) {
            print(row);
        }
        pending.clear();
    }

    /** How narrow each column may be cut: {@link #MIN}, or the width of its header when one is printed. */
    private int[] floors(String[] header) {
        int[] floors = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            floors[i] = headers ? Math.max(MIN, DisplayWidth.width(header[i])) : MIN;
        }
        return floors;
    }

    /**
     * The widths to print with: the natural ones when they fit {@code maxWidth} (0: no limit);
     * else, for the most columns that can fit, the widest non-name column cut down to its floor,
     * then the next widest, and so on; columns that still do not fit are left out (-1) from the
     * end. The name column keeps its width whatever it costs.
     */
    static int[] fit(int[] natural, int[] floors, int nameColumn, int maxWidth) {
        int[] widths = natural.clone();
        if (maxWidth <= 0) {
            return widths;
        }
        for (int last = widths.length - 1; ; last--) {
            if (last < 0 || shrink(widths, floors, nameColumn, maxWidth)) {
                return widths;
            }
            if (last == nameColumn) {
                continue;
            }
            // leave out the last column still shown and start again from the natural widths
            for (int i = 0; i < widths.length; i++) {
                widths[i] = i >= last && i != nameColumn || widths[i] < 0 ? -1 : natural[i];
            }
        }
    }

    /** Cuts the shown non-name columns, widest first, down to their floors; true when the line then fits. */
    private static boolean shrink(int[] widths, int[] floors, int nameColumn, int maxWidth) {
        int excess = lineWidth(widths) - maxWidth;
        while (excess > 0) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                if (i != nameColumn && widths[i] > floors[i] && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return false;
            }
            int cut = Math.min(excess, widths[widest] - floors[widest]);
            widths[widest] -= cut;
            excess -= cut;
        }
        return true;
    }

    private static int lineWidth(int[] widths) {
        int total = 0;
        int shown = 0;
        for (int w : widths) {
            if (w >= 0) {
                total += w;
                shown++;
            }
        }
        return total + GAP.length() * Math.max(0, shown - 1);
    }

    private void print(String[] row) {
        out.println(format(row));
    }

    private String format(String[] row) {
        int last = widths.length - 1;
        while (last > 0 && widths[last] < 0) {
            last--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (widths[i] < 0) {
                continue;
            }
            String v = i == nameColumn ? row[i] : DisplayWidth.cut(row[i], widths[i]);
            if (i < last) {
                sb.append(DisplayWidth.pad(v, widths[i])).append(GAP);
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }

    private static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        return sb.toString();
    }

    /** picocli markup treats @| as special; header text never contains it, but be safe. */
    private static String escape(String s) {
        return s.replace("@|", "@ |");
    }
}
