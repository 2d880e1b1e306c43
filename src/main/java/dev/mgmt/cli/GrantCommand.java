package dev.mgmt.cli;

import dev.mgmt.resources.Part;
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
}
