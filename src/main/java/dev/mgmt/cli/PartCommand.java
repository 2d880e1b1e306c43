package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.client.Multipart;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.UsageException;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.input.InputData;
import dev.mgmt.output.Outcome;
import dev.mgmt.resources.DryRun;
import dev.mgmt.resources.GrantConflict;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.NameArgument;
import dev.mgmt.resources.Part;
import dev.mgmt.resources.PartWriter;
import dev.mgmt.resources.Parts;
import dev.mgmt.resources.ResourceReader;
import dev.mgmt.resources.Target;
import dev.mgmt.resources.Uploads;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * What set, add and remove share: {@code KIND NAME PART [VALUE...] [-f FILE]}, one {@link Part} of the table,
 * checked before anything is sent.
 */
abstract class PartCommand extends ChangeCommand {

    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.OUTCOME;
    }

    @Parameters(index = "0", paramLabel = "KIND", completionCandidates = PartKinds.class, description = "Resource kind, e.g. proxy, ip-group, rlcl.")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME",
        description = "Its name (for an endpoint: 'GET /pets', or its path with --method; geolocation has none, "
            + "PART comes first).")
    String name;

    @Parameters(index = "2", arity = "0..1", paramLabel = "PART", completionCandidates = PartNames.class, description = "Which part, e.g. cors, ips.")
    String part;

    @Parameters(index = "3..*", arity = "0..*", paramLabel = "VALUE", description = "true|false, or names.")
    List<String> values = new ArrayList<>();

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE",
        description = "The body, JSON or YAML (decided by content); '-' reads stdin.")
    String file;

    @Option(names = "--proxy", paramLabel = "NAME", description = "The API proxy (for endpoints).")
    String proxy;

    @Option(names = "--method", paramLabel = "METHOD", description = "HTTP method of the endpoint.")
    String method;

    @Option(names = "--no-validate", description = "Send even if the body fails mgmt's schema check.")
    boolean noValidate;

    abstract Part.Change change();

    /** Runs before anything is sent, once the input is known to be good: remove asks here. */
    void beforeSending(Invocation inv, Target target, Part p, String resourceName, List<String> names) {
    }

    @Override
    public Integer call() {
        Invocation inv = invocation();
        Kind k = Kinds.find(kind);
        String resourceName = name;
        String partWord = part;
        List<String> given = new ArrayList<>(values);
        if (!Parts.named(k)) {
            if (partWord != null) {
                given.add(0, partWord);
            }
            partWord = resourceName;
            resourceName = null;
        }
        if (partWord == null) {
            throw new UsageException("missing PART after " + k.singular() + " " + resourceName,
                "Parts of " + k.plural() + " for mgmt " + change().word() + ": "
                    + String.join(", ", Parts.names(k, change())));
        }
        Part p = Parts.find(k, change(), partWord);
        checkInput(p, given);
        NameArgument named = NameArgument.of(k, resourceName, method);
        if (p.needsMethod()) {
            named.requireMethod(k);
        }
        resourceName = named.name();
        String endpointMethod = named.method();
        Target target = Target.of(k, inv.settings().project().value(), proxy, null, null);
        InputData input = null;
        JsonNode body = null;
        Multipart form = null;
        if (p.input() == Part.Input.FILE) {
            input = InputData.read(file.equals("-") ? "@-" : "@" + file, inv.env().stdin());
            body = BodyCommand.literal(input.parseAuto(), input.origin());
            if (!noValidate) {
                BodyCheck.check(p.schema(), input, p.filled().keySet());
            }
            body = PartWriter.filled(p, body, resourceName, endpointMethod);
        } else if (p.input() == Part.Input.SWITCH) {
            body = PartWriter.switchBody(p, PartWriter.switchValue(p, given.get(0)), resourceName, endpointMethod);
        } else if (p.input() == Part.Input.UPLOAD) {
            form = Uploads.mmdb(Path.of(file), !noValidate);
        }
        List<String> pathValues = PartWriter.values(p, given);
        ApiClient client = inv.authenticatedClient();
        PartWriter writer = new PartWriter(client);
        String shown = named.shown();
        if (dryRun) {
            // Nothing will change, so remove has nothing to confirm; a listed resource must be there.
            DryRun dry = dryRunner();
            dry.requirePresent(target, shown);
            for (String value : pathValues) {
                dry.show(inv.out(), inv.settings().output().value(), k.singular(), shown, change().word(),
                    done(p, given, value), form != null ? writer.uploadRequest(target, p, resourceName, form)
                        : writer.request(target, p, resourceName, value, body));
            }
            return ExitCodes.OK;
        }
        beforeSending(inv, target, p, resourceName, given);
        for (String value : pathValues) {
            ApiResponse response;
            try {
                response = form != null ? writer.upload(target, p, resourceName, form)
                    : writer.send(target, p, resourceName, value, body);
            } catch (ApiException e) {
                MgmtException m = missing(client, target, p, resourceName, value, e);
                if (m == e && GrantConflict.grants(p)) {
                    m = GrantConflict.explain(client, target, resourceName, body, e);
                }
                throw m == e && input != null ? BodyCheck.withLines(e, input) : m;
            }
            Outcome.print(inv.out(), inv.settings().output().value(), k.singular(), shown,
                done(p, given, value), response);
        }
        return ExitCodes.OK;
    }

    /** Each input exactly as the part takes it, before anything is read or sent. */
    private void checkInput(Part p, List<String> given) {
        boolean wantsFile = p.input() == Part.Input.FILE || p.input() == Part.Input.UPLOAD;
        if (wantsFile && file == null) {
            throw new UsageException(p.name() + " is given as a file: pass -f FILE (" + p.about() + ")");
        }
        if (!wantsFile && file != null) {
            throw new UsageException("-f does not apply to " + p.name()
                + (p.input() == Part.Input.SWITCH ? ": give true or false after it" : ""));
        }
        if (p.input() == Part.Input.UPLOAD && file.equals("-")) {
            throw new UsageException(p.name() + " is uploaded from a file: -f - (stdin) does not apply");
        }
        int max = p.input() == Part.Input.SWITCH ? 1 : p.input() == Part.Input.NAMES ? Integer.MAX_VALUE : 0;
        if (given.size() > max) {
            throw new UsageException("unexpected '" + given.get(max) + "' after " + p.name());
        }
        if (p.input() == Part.Input.SWITCH && given.isEmpty()) {
            throw new UsageException(p.name() + " needs a VALUE: true or false");
        }
    }

    /** The API's 400 "X is not found" as exit 6 with did-you-mean, for the resource or for a name given after PART. */
    private static MgmtException missing(ApiClient client, Target target, Part p, String resourceName, String value,
                                         ApiException e) {
        ResourceReader reader = new ResourceReader(client);
        MgmtException m = resourceName == null ? e : reader.missing(target, resourceName, e);
        if (m == e && p.input() == Part.Input.NAMES && value != null) {
            Target members = Target.of(Kinds.find(p.name()), target.project(), null, null, null);
            m = reader.missing(members, value, e);
        }
        return m;
    }

    private String done(Part p, List<String> given, String value) {
        switch (p.input()) {
            case SWITCH:
                return p.name() + " set to " + given.get(0).toLowerCase(Locale.ROOT);
            case NAMES:
                return Outcome.ref(Kinds.find(p.name()).singular(), value) + " " + change().done();
            default:
                return p.name() + " " + change().done();
        }
    }

    /** Completion candidates: the kinds that have parts. */
    static final class PartKinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Parts.all().stream().map(Part::kind).distinct().iterator();
        }
    }

    /** Completion candidates: every part's name (a static script cannot tell them by kind). */
    static final class PartNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Parts.all().stream().map(Part::name).distinct().sorted().iterator();
        }
    }
}
