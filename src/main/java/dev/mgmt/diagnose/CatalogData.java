package dev.mgmt.diagnose;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog as compact data: what the build writes ({@code dev.mgmt.CompileData}) and {@link Catalog}
 * reads at run time, with nothing but {@code java.io}. The layout is private to one build (the file
 * is written and read by the same classes), so it carries a format number only to fail loudly.
 */
final class CatalogData {
    static final String RESOURCE = "catalog.data";
    private static final int FORMAT = 2;

    private CatalogData() {
    }

    static void write(Catalog catalog, OutputStream sink) throws IOException {
        DataOutputStream out = new DataOutputStream(sink);
        out.writeInt(FORMAT);
        out.writeInt(catalog.topics().size());
        for (Catalog.Topic t : catalog.topics()) {
            out.writeUTF(t.id());
            out.writeInt(t.statuses().size());
            for (int s : t.statuses()) {
                out.writeInt(s);
            }
            out.writeInt(t.exit());
            writeNullable(out, t.title());
            writeNullable(out, t.meaning());
            out.writeInt(t.checks().size());
            for (Catalog.Item i : t.checks()) {
                out.writeUTF(i.id());
                writeNullable(out, i.label());
            }
            out.writeInt(t.steps().size());
            for (Catalog.Next n : t.steps()) {
                writeNullable(out, n.text());
                writeNullable(out, n.unless());
                writeNullable(out, n.unlessFailed());
            }
        }
        out.writeInt(catalog.codes().size());
        for (Catalog.Code c : catalog.codes()) {
            out.writeUTF(c.code());
            out.writeInt(c.status() == null ? -1 : c.status());
            writeNullable(out, c.topic());
            writeNullable(out, c.meaning());
        }
        out.flush();
    }

    static Catalog read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(source));
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException(RESOURCE + " has format " + format + ", expected " + FORMAT);
        }
        List<Catalog.Topic> topics = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            String id = in.readUTF();
            List<Integer> statuses = new ArrayList<>();
            for (int k = in.readInt(); k > 0; k--) {
                statuses.add(in.readInt());
            }
            int exit = in.readInt();
            String title = readNullable(in);
            String meaning = readNullable(in);
            List<Catalog.Item> checks = new ArrayList<>();
            for (int k = in.readInt(); k > 0; k--) {
                checks.add(new Catalog.Item(in.readUTF(), readNullable(in)));
            }
            List<Catalog.Next> steps = new ArrayList<>();
            for (int k = in.readInt(); k > 0; k--) {
                steps.add(new Catalog.Next(readNullable(in), readNullable(in), readNullable(in)));
            }
            topics.add(new Catalog.Topic(id, statuses, exit, title, meaning, checks, steps));
        }
        List<Catalog.Code> codes = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            String code = in.readUTF();
            int status = in.readInt();
            codes.add(new Catalog.Code(code, status < 0 ? null : status, readNullable(in), readNullable(in)));
        }
        return Catalog.of(topics, codes);
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
