package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.resources.GrantConflict;
import dev.mgmt.resources.Part;
import dev.mgmt.resources.Target;
import picocli.CommandLine.Command;

/** {@code mgmt grant access CREDENTIAL --proxy NAME}. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt grant access alice --proxy petstore-api -p MyProject",
        "  mgmt grant access alice --proxy petstore-api --proxy-group payments -p MyProject",
        "  mgmt grant access alice -p MyProject -f access.yaml"},
    name = "grant", description = {"Let a credential call API proxies or API proxy groups.",
    "What it has already stays; see it with: mgmt get access -p PROJECT --credential NAME."}, sortOptions = false)
public final class GrantCommand extends AccessCommand {
    @Override
    Part.Change change() {
        return Part.Change.ADD;
    }

    @Override
    String pastTense() {
        return "granted";
    }

    @Override
    MgmtException refused(ApiClient client, Target target, JsonNode body, ApiException e) {
        return GrantConflict.explain(client, target, credential, body, e);
    }
}
