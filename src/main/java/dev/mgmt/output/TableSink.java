package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl-like aligned columns. Widths come from the first {@value #SAMPLE} rows, which are held
 * back until then; later rows stream with those widths, so memory stays bounded for any list.
 * On a terminal of known width the widest column is cut (with …) so lines do not wrap.
 */
public final class TableSink implements ItemSink {
    static final int SAMPLE = 500;
    private static final String GAP = "   ";

    private final PrintWriter out;
    private final List<Column> columns;
    private final Ansi ansi;
    private final int maxWidth;
    private final List<String[]> pending = new ArrayList<>();
    private int[] widths;
    private long count;

    /** @param maxWidth terminal width to fit, or 0 for no limit (not a terminal) */
    public TableSink(PrintWriter out, List<Column> columns, boolean color, int maxWidth) {
        this.out = out;
        this.columns = columns;
        this.ansi = color ? Ansi.ON : Ansi.OFF;
        this.maxWidth = maxWidth;
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
            widths[i] = header[i].length();
        }
        for (String[] row : pending) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        fit();
        String line = format(header);
        out.println(ansi.string("@|bold " + escape(line) + "|@"));
        for (String[] row : pending) {
            print(row);
        }
        pending.clear();
    }

    /** Shrinks the widest columns until the line fits the terminal, never below 8 characters. */
    private void fit() {
        if (maxWidth <= 0) {
            return;
        }
        int total = GAP.length() * (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        while (total > maxWidth) {
            int widest = 0;
            for (int i = 1; i < widths.length; i++) {
                if (widths[i] > widths[widest]) {
                    widest = i;
                }
            }
            if (widths[widest] <= 8) {
                return;
            }
            widths[widest]--;
            total--;
        }
    }

    private void print(String[] row) {
        out.println(format(row));
    }

    private String format(String[] row) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            String v = row[i];
            if (v.length() > widths[i]) {
                v = v.substring(0, Math.max(0, widths[i] - 1)) + "…";
            }
            sb.append(v);
            if (i < row.length - 1) {
                sb.append(" ".repeat(widths[i] - v.length())).append(GAP);
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
