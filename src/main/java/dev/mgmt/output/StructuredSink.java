package dev.mgmt.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.mgmt.json.Json;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * -o json and -o yaml: the API's objects as they came, written as they arrive. A list becomes
 * an array (an empty one prints {@code []}, so pipes into jq still work); a single object, itself.
 */
public final class StructuredSink implements ItemSink {
    private final PrintWriter out;
    private final JsonGenerator gen;
    private final boolean single;
    private long count;
    private JsonNode only;

    private final boolean yaml;

    private StructuredSink(PrintWriter out, JsonGenerator gen, boolean single, boolean yaml) {
        this.out = out;
        this.gen = gen;
        this.single = single;
        this.yaml = yaml;
    }

    public static StructuredSink json(PrintWriter out, boolean single) {
        try {
            JsonGenerator g = Json.factory().createGenerator(new NonClosingWriter(out));
            g.setPrettyPrinter(Json.printer());
            return new StructuredSink(out, g, single, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StructuredSink yaml(PrintWriter out, boolean single) {
        try {
            YAMLFactory f = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
            JsonGenerator g = f.createGenerator(new NonClosingWriter(out));
            return new StructuredSink(out, g, single, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void item(JsonNode item) {
        try {
            if (single) {
                if (count == 0) {
                    only = item;
                } else {
                    // More than one match for a name: fall back to a list.
                    if (count == 1) {
                        gen.writeStartArray();
                        Json.write(gen, only);
                        only = null;
                    }
                    Json.write(gen, item);
                }
            } else {
                if (count == 0) {
                    gen.writeStartArray();
                }
                Json.write(gen, item);
            }
            count++;
            // Each item whole in the writer below: an interrupted copy counts the items it printed.
            gen.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        try {
            if (only != null) {
                Json.write(gen, only);
            } else if (count == 0) {
                gen.close();
                out.println("[]");
                out.flush();
                return;
            } else if (!single || count > 1) {
                gen.writeEndArray();
            }
            gen.flush();
            gen.close();
            if (!yaml) {
                out.println();
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long count() {
        return count;
    }

    /** Lets the generator close without closing stdout. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(java.io.Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
