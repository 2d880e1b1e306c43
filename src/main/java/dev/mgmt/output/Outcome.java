package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.json.Json;
import dev.mgmt.settings.OutputFormat;

import java.io.PrintWriter;

/**
 * What a change prints on success: kubectl's {@code proxy/petstore-api created} for people and
 * {@code -o name}, the server's answer for {@code -o json|yaml}.
 */
public final class Outcome {
    private Outcome() {
    }

    public static void print(PrintWriter out, OutputFormat format, String kind, String name, String done,
                             ApiResponse response) {
        String ref = ref(kind, name);
        if (format == OutputFormat.NAME) {
            out.println(ref);
        } else if (format.structured()) {
            JsonNode body = response == null ? null : Json.tryParse(response.body());
            ItemSink sink = format == OutputFormat.JSON ? StructuredSink.json(out, true) : StructuredSink.yaml(out, true);
            sink.item(body != null ? body : Json.mapper().createObjectNode().put("result", ref + " " + done));
            sink.finish();
        } else {
            out.println(ref + " " + done);
        }
        out.flush();
    }

    /** How every result line names an object: {@code proxy/petstore-api}, or the kind alone when it has no name. */
    public static String ref(String kind, String name) {
        return name == null ? kind : kind + "/" + name;
    }
}
