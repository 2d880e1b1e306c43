package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.UsageException;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.input.InputData;
import dev.mgmt.output.Outcome;
import dev.mgmt.resources.AccessItems;
import dev.mgmt.resources.DryRun;
import dev.mgmt.resources.GrantConflict;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.Part;
import dev.mgmt.resources.PartWriter;
import dev.mgmt.resources.Parts;
import dev.mgmt.resources.ResourceReader;
import dev.mgmt.resources.Target;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * What grant and revoke share: {@code access CREDENTIAL} with the proxies and groups as flags (or the
 * documented body as -f FILE); the credential's access part ({@link Parts}) sends it.
 */
abstract class AccessCommand extends ChangeCommand {

    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.OUTCOME;
    }

    @Parameters(index = "0", paramLabel = "access", description = "The word 'access'.")
    String what;

    @Parameters(index = "1", paramLabel = "CREDENTIAL", description = "The credential's username.")
    String credential;

    @Option(names = "--proxy", paramLabel = "NAME", description = "An API proxy (repeatable).")
    List<String> proxies = new ArrayList<>();

    @Option(names = "--proxy-group", paramLabel = "NAME", description = "An API proxy group (repeatable).")
    List<String> groups = new ArrayList<>();

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE",
        description = "The body instead of flags: {credentialAccessList: [{name, type}]}; '-' reads stdin.")
    String file;

    @Option(names = "--no-validate", description = "Send even if the body fails mgmt's schema check.")
    boolean noValidate;

    abstract Part.Change change();

    /** "granted", "revoked". */
    abstract String pastTense();

    /** Runs once the input is known to be good, before anything is sent: revoke asks here. */
    void beforeSending(Invocation inv, Target target) {
    }

    @Override
    public Integer call() {
        Invocation inv = invocation();
        if (!what.equals("access")) {
            throw new UsageException("expected 'access' after " + spec.name() + ", not '" + what + "'",
                "Usage: mgmt " + spec.name() + " access CREDENTIAL --proxy NAME");
        }
        Kind k = Kinds.find("credential");
        Part p = Parts.find(k, change(), "access");
        InputData input = null;
        JsonNode body;
        if (file != null) {
            if (!proxies.isEmpty() || !groups.isEmpty()) {
                throw new UsageException("give the proxies and groups as flags or in -f FILE, not both");
            }
            input = InputData.read(file.equals("-") ? "@-" : "@" + file, inv.env().stdin());
            body = BodyCommand.literal(input.parseAuto(), input.origin());
            if (!noValidate) {
                BodyCheck.check(p.schema(), input, java.util.Set.of());
            }
        } else if (proxies.isEmpty() && groups.isEmpty()) {
            throw new UsageException("nothing to " + spec.name() + ": pass --proxy NAME or --proxy-group NAME (or -f FILE)");
        } else {
            body = AccessItems.body(proxies, groups);
        }
        Target target = Target.of(k, inv.settings().project().value(), null, null, null);
        ApiClient client = inv.authenticatedClient();
        if (dryRun) {
            // Nothing will change, so revoke has nothing to confirm; the credential must be there.
            DryRun dry = dryRunner();
            dry.requirePresent(target, credential);
            dry.show(inv.out(), inv.settings().output().value(), "credential", credential, spec.name(),
                "access " + pastTense() + describe(body), new PartWriter(client).request(target, p, credential, null, body));
            return ExitCodes.OK;
        }
        beforeSending(inv, target);
        ApiResponse response;
        try {
            response = new PartWriter(client).send(target, p, credential, null, body);
        } catch (ApiException e) {
            MgmtException m = missing(client, target, body, e);
            if (m == e && GrantConflict.grants(p)) {
                m = GrantConflict.explain(client, target, credential, body, e);
            }
            throw m == e && input != null ? BodyCheck.withLines(e, input) : m;
        }
        Outcome.print(inv.out(), inv.settings().output().value(), "credential", credential,
            "access " + pastTense() + describe(body), response);
        return ExitCodes.OK;
    }

    /** The API's 400 "X is not found" may name the credential or any proxy or group in the body: a 6 for each. */
    private MgmtException missing(ApiClient client, Target target, JsonNode body, ApiException e) {
        ResourceReader reader = new ResourceReader(client);
        MgmtException m = reader.missing(target, credential, e);
        for (JsonNode item : body.path("credentialAccessList")) {
            if (m != e) {
                break;
            }
            Kind kind = Kinds.find(AccessItems.kind(item));
            m = reader.missing(Target.of(kind, target.project(), null, null, null), item.path("name").asText(), e);
        }
        return m;
    }

    /** ": proxy/a, proxy-group/b", from the body as sent. */
    private static String describe(JsonNode body) {
        List<String> names = new ArrayList<>();
        for (JsonNode item : body.path("credentialAccessList")) {
            names.add(AccessItems.ref(item));
        }
        return names.isEmpty() ? "" : ": " + String.join(", ", names);
    }
}
