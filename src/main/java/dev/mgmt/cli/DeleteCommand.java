package dev.mgmt.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.output.Outcome;
import dev.mgmt.resources.DryRun;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.NameArgument;
import dev.mgmt.resources.Operation;
import dev.mgmt.resources.Operations;
import dev.mgmt.resources.ResourceReader;
import dev.mgmt.resources.ResourceWriter;
import dev.mgmt.resources.Target;
import dev.mgmt.run.Destructive;
import dev.mgmt.run.Invocation;
import dev.mgmt.settings.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mgmt delete KIND NAME}: asks first on a terminal unless --yes. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt delete proxy petstore-example -p MyProject",
        "  mgmt delete env-var OLD_FLAG -p MyProject --yes",
        "  mgmt delete ip-group BlockedIPs -p MyProject",
        "  mgmt delete proxy petstore-example -p MyProject --dry-run"},
    name = "delete", description = {"Delete a resource.",
    "On a terminal mgmt asks first; in scripts (stdin not a terminal) pass --yes."}, sortOptions = false)
public final class DeleteCommand extends ChangeCommand implements Destructive {

    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.OUTCOME;
    }

    @Parameters(index = "0", paramLabel = "KIND", description = "Resource kind.")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME",
        description = "Its exact name (for an endpoint: 'GET /pets', or its path with --method).")
    String name;

    @Option(names = "--proxy", paramLabel = "NAME", description = "The API proxy (for endpoints and policies).")
    String proxy;

    @Option(names = "--method", paramLabel = "METHOD", description = "HTTP method of the endpoint to delete.")
    String method;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        Kind k = Kinds.find(kind);
        Operation op = Operations.find(k, Operations.Verb.DELETE);
        NameArgument named = NameArgument.of(k, name, method).requireMethod(k);
        // An endpoint is named in the body of its delete, not in the path.
        ObjectNode body = named.method() == null ? null : named.key(op.nameField());
        String shown = named.shown();
        Settings s = inv.settings();
        Target target = Target.of(k, s.project().value(), proxy, null, null);
        ApiClient client = inv.authenticatedClient();
        if (dryRun) {
            // Nothing will be deleted, so there is nothing to confirm.
            DryRun dry = dryRunner();
            dry.requirePresent(target, shown);
            dry.show(inv.out(), s.output().value(), k.singular(), shown, spec.name(), "deleted",
                new ResourceWriter(client).request(target, op, named.name(), body));
            return ExitCodes.OK;
        }
        Confirm.askAbout(inv, "delete " + k.singular() + " '" + shown + "'" + target.where(), yes, target, shown);
        ResourceReader reader = new ResourceReader(client);
        ApiResponse response;
        try {
            response = new ResourceWriter(client).send(target, op, named.name(), body);
        } catch (ApiException e) {
            // Gone between the check and the delete: the same answer as when the check finds it missing.
            throw reader.missing(target, named.name(), e);
        }
        Outcome.print(inv.out(), s.output().value(), k.singular(), shown, "deleted", response);
        return ExitCodes.OK;
    }
}
