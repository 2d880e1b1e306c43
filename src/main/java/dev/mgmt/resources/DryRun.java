package dev.mgmt.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.Bodies;
import dev.mgmt.json.Json;
import dev.mgmt.output.ItemSink;
import dev.mgmt.output.Outcome;
import dev.mgmt.output.StructuredSink;
import dev.mgmt.settings.OutputFormat;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code --dry-run} for every command that changes something: the reads a real run would make to
 * settle what happens (is the object there?) are made, the change itself is not. What would have
 * been sent is shown as {@code --curl} shows it (stderr, the token as {@code $MGMT_TOKEN}), and the
 * result as the real run prints it with " (dry run)" after it, or as an object for {@code -o json|yaml}.
 */
public final class DryRun {
    private final ApiClient client;

    public DryRun(ApiClient client) {
        this.client = client;
    }

    /** A create of an object that is there would answer 409: exit 7 without sending it. */
    public void requireAbsent(Target target, String name) {
        if (name == null) {
            return;   // nothing to look for: the server names what it makes
        }
        try {
            new ResourceReader(client).require(target, name);
        } catch (MgmtException e) {
            if (e.exitCode() == ExitCodes.NOT_FOUND) {
                return;
            }
            throw e;
        }
        throw new MgmtException(ExitCodes.CONFLICT, target.kind().singular() + " '" + name + "' already exists"
            + target.where(), List.of("Nothing was sent (dry run); a real create would be refused (409). See it with: "
                + WriteChecks.of(client, target, name).command()), null);
    }

    /**
     * An update, delete or (un)deploy of an object that is not there: exit 6 with did-you-mean, as get
     * reports it. A kind the API cannot list (or a change that names no object) cannot be checked.
     */
    public void requirePresent(Target target, String name) {
        if (!target.kind().listable() || name == null) {
            return;
        }
        new ResourceReader(client).require(target, name);
    }

    /**
     * Shows what would have been sent and what the real run would print.
     *
     * @param kind   the kind's singular name, as in {@code proxy/orders}
     * @param action the verb of the write: create, update, delete, deploy, undeploy, import
     * @param done   the real run's past tense: "created", "deployed to production", ...
     */
    public void show(PrintWriter out, OutputFormat format, String kind, String name, String action, String done,
                     ApiRequest request) {
        client.tracer().curl(request);
        String ref = Outcome.ref(kind, name);
        if (format == OutputFormat.NAME) {
            out.println(ref);
        } else if (format.structured()) {
            ItemSink sink = format == OutputFormat.JSON ? StructuredSink.json(out, true) : StructuredSink.yaml(out, true);
            sink.item(describe(kind, name, action, request));
            sink.finish();
        } else {
            out.println(ref + " " + done + " (dry run)");
        }
        out.flush();
    }

    /**
     * As {@link #show(PrintWriter, OutputFormat, String, String, String, String, ApiRequest)} for a write of several
     * requests (an update made by settings PATCHes): each request shown, one line for the object.
     */
    public void show(PrintWriter out, OutputFormat format, String kind, String name, String action, String done,
                     List<ApiRequest> requests) {
        if (format.structured()) {
            requests.forEach(r -> show(out, format, kind, name, action, done, r));
            return;
        }
        requests.subList(0, requests.size() - 1).forEach(client.tracer()::curl);
        show(out, format, kind, name, action, done, requests.get(requests.size() - 1));
    }

    /** The machine-readable form: no headers, so the token cannot be in it. */
    static ObjectNode describe(String kind, String name, String action, ApiRequest request) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("dry_run", true).put("kind", kind).put("name", name).put("action", action);
        ObjectNode r = o.putObject("request");
        r.put("method", request.method()).put("url", request.uri().toString());
        if (request.form() != null) {
            ArrayNode form = r.putArray("form");
            for (ApiRequest.FormPart part : request.form()) {
                ObjectNode p = form.addObject().put("field", part.field());
                if (part.file() != null) {
                    p.put("file", part.file());
                } else {
                    p.put("value", part.text());
                }
                if (part.contentType() != null) {
                    p.put("content_type", part.contentType());
                }
            }
        } else if (request.hasBody()) {
            JsonNode json = Json.tryParse(request.body());
            if (json != null) {
                r.set("body", json);
            } else if (Bodies.looksTextual(request.body(), request.header("Content-Type"))) {
                r.put("body", new String(request.body(), StandardCharsets.UTF_8));
            } else {
                r.put("body_bytes", request.body().length);
            }
        } else {
            r.putNull("body");
        }
        return o;
    }
}
