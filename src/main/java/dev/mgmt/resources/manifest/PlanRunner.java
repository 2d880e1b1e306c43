package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.json.Json;
import dev.mgmt.resources.DryRun;
import dev.mgmt.resources.Identity;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.resources.Operation;
import dev.mgmt.resources.Part;
import dev.mgmt.resources.PartWriter;
import dev.mgmt.resources.Operations;
import dev.mgmt.resources.ResourceWriter;
import dev.mgmt.settings.OutputFormat;
import dev.mgmt.text.TerminalText;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Carries out a plan, step by step, one line per object on stdout. A failure stops it: stderr says
 * which objects were applied and which were not, and the failure (with its exit code) goes on up.
 * Nothing is retried here beyond what the client's policy allows for each request.
 */
public final class PlanRunner {
    private final ResourceWriter writer;
    private final PartWriter parts;
    private final ApiClient client;

    public PlanRunner(ApiClient client) {
        this.writer = new ResourceWriter(client);
        this.parts = new PartWriter(client);
        this.client = client;
    }

    public void run(Plan plan, PrintWriter out, PrintWriter err) {
        List<String> applied = new ArrayList<>();
        List<Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            try {
                send(s);
            } catch (MgmtException e) {
                out.flush();
                List<String> notApplied = new ArrayList<>();
                notApplied.add(s.ref() + " (failed)");
                for (Step rest : steps.subList(i + 1, steps.size())) {
                    if (rest.writes()) {
                        notApplied.add(rest.ref());
                    }
                }
                err.println(TerminalText.safe("applied: " + (applied.isEmpty() ? "(nothing)"
                    : String.join(", ", applied))));
                err.println(TerminalText.safe("not applied: " + String.join(", ", notApplied)));
                err.flush();
                throw e;
            }
            if (s.writes()) {
                applied.add(s.ref());
            }
            out.println(TerminalText.safe(s.ref()) + " " + s.action().done());
            out.flush();
        }
    }

    /**
     * {@code apply --dry-run}: the plan was made with reads only; each write is shown as the real run
     * would send it (curl on stderr) and its line gets " (dry run)"; nothing is sent.
     */
    public void preview(Plan plan, DryRun dry, PrintWriter out, OutputFormat format) {
        for (Step s : plan.steps()) {
            List<Write> writes = write(s);
            if (writes.isEmpty()) {
                if (!format.structured()) {
                    out.println(TerminalText.safe(s.ref()) + " " + s.action().done() + " (dry run)");
                    out.flush();
                }
                continue;
            }
            dry.show(out, format, s.kind().singular(), s.name(), s.action().name().toLowerCase(Locale.ROOT),
                s.action().done(), writes.stream().map(Write::request).toList());
        }
    }

    private void send(Step s) {
        write(s).forEach(Write::send);
        if (!s.settings().isEmpty()) {
            verify(s);
        }
    }

    /**
     * A settings PATCH writes only the fields its page takes, and a manager may drop the rest of what it was given
     * (a new routing address's healthCheckEnabled): the object is read back, and what still differs is a failure,
     * never "configured".
     */
    private void verify(Step s) {
        JsonNode after = new LiveObjects(client).find(s.manifest());
        List<Change> left = after == null ? List.of() : Comparison.changes(s.shape(), s.manifest().fields(), after);
        if (left.isEmpty()) {
            return;
        }
        List<String> fields = new ArrayList<>();
        for (Change c : left) {
            fields.add(c.path() + " (" + PlanPrinter.show(c.path(), c.live()) + ", the document says "
                + PlanPrinter.show(c.path(), c.wanted()) + ")");
        }
        throw new MgmtException(ExitCodes.REPORTED_FAILURE, s.ref() + ": the manager accepted the settings PATCHes but "
            + "still differs from the document in " + String.join(", ", fields),
            List.of("No settings PATCH writes " + (left.size() == 1 ? "that field" : "those fields")
                + (s.shape().unpatchedHint() == null ? "" : ": " + s.shape().unpatchedHint())), null);
    }

    /** One request a step makes. */
    private interface Write {
        ApiRequest request();

        void send();
    }

    /** The requests a step makes, in order: none, a body, settings PATCHes, or both. */
    private List<Write> write(Step s) {
        List<Write> out = new ArrayList<>();
        switch (s.action()) {
            case CREATE -> out.add(upsert(s, Operations.Verb.CREATE));
            case UPDATE -> {
                if (s.body() != null) {
                    out.add(upsert(s, Operations.Verb.UPDATE));
                }
            }
            case DELETE -> out.add(delete(s));
            default -> { }
        }
        if (s.action() != Step.Action.UNCHANGED) {
            s.settings().forEach(w -> out.add(setting(s, w)));
        }
        return out;
    }

    private Write resource(Step s, Operation op, String name, JsonNode body) {
        return new Write() {
            public ApiRequest request() {
                return writer.request(s.target(), op, name, body);
            }

            public void send() {
                writer.send(s.target(), op, name, body);
            }
        };
    }

    private Write setting(Step s, SettingWrite w) {
        Part part = w.part(s.kind());
        String name = Identity.plainName(s.kind(), s.manifest().fields());
        return new Write() {
            public ApiRequest request() {
                return parts.request(s.target(), part, name, null, w.body());
            }

            public void send() {
                parts.send(s.target(), part, name, null, w.body());
            }
        };
    }

    private Write upsert(Step s, Operations.Verb verb) {
        return resource(s, Operations.find(s.kind(), verb), Identity.plainName(s.kind(), s.manifest().fields()),
            s.body());
    }

    /** A delete named in its path needs no body; one named in its body (an endpoint) gets its key fields. */
    private Write delete(Step s) {
        Operation op = Operations.find(s.kind(), Operations.Verb.DELETE);
        String name = Identity.plainName(s.kind(), s.live());
        ObjectNode body = null;
        if (op.nameField() != null) {
            body = Json.mapper().createObjectNode().put(op.nameField(), name);
            for (String key : s.kind().keyFields()) {
                body.set(key, s.live().get(key));
            }
        }
        return resource(s, op, name, body);
    }
}
