package dev.mgmt.cli;

import dev.mgmt.resources.Operations;
import picocli.CommandLine.Command;

/** {@code mgmt update KIND [NAME] -f FILE}. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt update proxy petstore-example -p MyProject -f proxy.json",
        "  mgmt get connection db -p MyProject -o yaml > db.yaml   # edit, then",
        "  mgmt update connection db -p MyProject -f db.yaml",
        "  mgmt update certificate backend-ca -p MyProject -f new-ca.pem -e production --description 'Backend CA'",
        "  mgmt update connection db -p MyProject -f db.yaml --dry-run -o json"},
    name = "update", description = "Update a resource from a JSON or YAML file.", sortOptions = false)
public final class UpdateCommand extends BodyCommand {
    @Override
    Operations.Verb verb() {
        return Operations.Verb.UPDATE;
    }

    @Override
    String pastTense() {
        return "updated";
    }
}
