package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.client.Multipart;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.exercise.Variables;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.input.InputData;
import dev.mgmt.output.Outcome;
import dev.mgmt.resources.DryRun;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.NameArgument;
import dev.mgmt.resources.Operation;
import dev.mgmt.resources.Operations;
import dev.mgmt.resources.ResourceReader;
import dev.mgmt.resources.ResourceWriter;
import dev.mgmt.resources.Uploads;
import dev.mgmt.resources.Target;
import dev.mgmt.resources.Identity;
import dev.mgmt.run.Invocation;
import dev.mgmt.settings.Settings;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What create and update share: KIND [NAME] -f FILE, checked before it is sent. */
abstract class BodyCommand extends ChangeCommand {

    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.OUTCOME;
    }

    @Parameters(index = "0", paramLabel = "KIND", description = "Resource kind, e.g. proxy, connection, env-var.")
    String kind;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME",
        description = "Name (default: the name field of the file).")
    String name;

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE",
        description = "The body, JSON or YAML (decided by content); '-' reads stdin.")
    String file;

    @Option(names = "--proxy", paramLabel = "NAME", description = "The API proxy (for endpoints and policies).")
    String proxy;

    @Option(names = "--no-validate", description = "Send even if the body fails mgmt's schema check.")
    boolean noValidate;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "For a certificate: its alias (default: NAME).")
    String alias;

    @Option(names = "--description", paramLabel = "TEXT", description = "For a certificate: its description.")
    String description;

    /**
     * The body as it is meant: a {@code ${name}} left in a file would be sent as those characters
     * (a proxy named "${name}"), so it is refused; {@code $${} stands for a literal {@code ${}, as in
     * scenarios, whose variables only {@code mgmt exercise} expands.
     */
    static JsonNode literal(JsonNode body, String origin) {
        Set<String> refs = Variables.references(body);
        if (!refs.isEmpty()) {
            String first = refs.iterator().next();
            throw new UsageException(origin + ": '${" + first + "}' is not expanded: create and update send a file "
                + "as it is; put the value in, or write $${" + first + "} for a literal ${" + first + "}",
                "Scenario variables are expanded by mgmt exercise (a step's bodyFile).");
        }
        return new Variables(name -> null).expand(body);
    }

    /** NAME's method ("GET /pets") fills a file without httpMethod; a file with another method is refused. */
    private JsonNode withMethod(JsonNode body, NameArgument named) {
        if (named.method() == null || !(body instanceof ObjectNode object)) {
            return body;
        }
        JsonNode inFile = object.get(NameArgument.METHOD_FIELD);
        if (inFile == null || inFile.isNull()) {
            return object.deepCopy().put(NameArgument.METHOD_FIELD, named.method());
        }
        if (!inFile.asText().equalsIgnoreCase(named.method())) {
            throw new UsageException("NAME '" + name + "' differs from 'httpMethod: " + inFile.asText()
                + "' in the file; give one method");
        }
        return body;
    }

    abstract Operations.Verb verb();

    /** The endpoint this command sends to: the kind's for the verb (create --from picks another). */
    Operation operation(Kind k) {
        return Operations.find(k, verb());
    }

    abstract String pastTense();

    @Override
    public Integer call() {
        Invocation inv = invocation();
        Kind k = Kinds.find(kind);
        Operation op = operation(k);
        if (op.upload() != null) {
            return upload(inv, k, op);
        }
        if (alias != null || description != null) {
            throw new UsageException("--alias and --description apply only to certificates; for "
                + k.plural() + " they go in the file");
        }
        NameArgument named = NameArgument.of(k, name, null);
        InputData input = InputData.read(file.equals("-") ? "@-" : "@" + file, inv.env().stdin());
        JsonNode body = withMethod(literal(input.parseAuto(), input.origin()), named);
        String resolved = ResourceWriter.resolveName(op, named.name(), body);
        if (!noValidate) {
            BodyCheck.check(op, input, named);
        }
        Settings s = inv.settings();
        Target target = Target.of(k, s.project().value(), proxy, null, null);
        ResourceWriter writer = new ResourceWriter(inv.authenticatedClient());
        JsonNode sent = ResourceWriter.withName(op, resolved, body);
        String shown = Identity.shown(k, resolved, sent);
        if (dryRun) {
            DryRun dry = checkedDryRun(target, shown);
            dry.show(inv.out(), s.output().value(), k.singular(), shown, spec.name(), pastTense(),
                writer.request(target, op, resolved, sent));
            return ExitCodes.OK;
        }
        ApiResponse response;
        try {
            response = writer.send(target, op, resolved, sent);
        } catch (ApiException e) {
            throw BodyCheck.withLines(e, input);
        }
        Outcome.print(inv.out(), s.output().value(), k.singular(), shown, pastTense(), response);
        return ExitCodes.OK;
    }

    /** A dry run that has checked what the real one would find: a create needs the name free, an update taken. */
    private DryRun checkedDryRun(Target target, String name) {
        DryRun dry = dryRunner();
        if (verb() == Operations.Verb.CREATE) {
            dry.requireAbsent(target, name);
        } else {
            dry.requirePresent(target, name);
        }
        return dry;
    }

    /** -e/--environment for an upload: one name or several, comma-separated. */
    private static List<String> environments(String option) {
        List<String> envs = new ArrayList<>();
        if (option != null) {
            for (String e : option.split(",")) {
                if (!e.isBlank() && !envs.contains(e.strip())) {
                    envs.add(e.strip());
                }
            }
        }
        return envs;
    }

    /** A certificate: -f is the PEM file itself, the other fields are flags; sent as the documented form. */
    private Integer upload(Invocation inv, Kind k, Operation op) {
        if (file.equals("-")) {
            throw new UsageException("a " + k.singular() + " is uploaded from a file: -f - (stdin) does not apply");
        }
        Settings s = inv.settings();
        Multipart form = Uploads.certificate(new Uploads.CertificateFields(name, alias, description,
            environments(s.environment().value())), Path.of(file), !noValidate);
        Target target = Target.of(k, s.project().value(), proxy, null, null);
        ResourceWriter writer = new ResourceWriter(inv.authenticatedClient());
        if (dryRun) {
            DryRun dry = checkedDryRun(target, name);
            dry.show(inv.out(), s.output().value(), k.singular(), name, spec.name(), pastTense(),
                writer.uploadRequest(target, op, name, form));
            return ExitCodes.OK;
        }
        ApiResponse response;
        try {
            response = writer.upload(target, op, name, form);
        } catch (ApiException e) {
            throw new ResourceReader(inv.authenticatedClient()).missing(target, name, e);
        }
        Outcome.print(inv.out(), s.output().value(), k.singular(), name, pastTense(), response);
        return ExitCodes.OK;
    }
}
