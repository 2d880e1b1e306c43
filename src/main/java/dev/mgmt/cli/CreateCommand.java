package dev.mgmt.cli;

import dev.mgmt.resources.Operations;
import picocli.CommandLine.Command;

/** {@code mgmt create KIND [NAME] -f FILE}. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt create proxy -p MyProject -f examples/bodies/proxy.json",
        "  mgmt create connection -p MyProject -f conn.yaml --curl",
        "  cat env-var.json | mgmt create env-var -p MyProject -f -",
        "  mgmt create proxy -p MyProject -f proxy.json --dry-run"},
    name = "create", description = "Create a resource from a JSON or YAML file.", sortOptions = false)
public final class CreateCommand extends BodyCommand {
    @Override
    Operations.Verb verb() {
        return Operations.Verb.CREATE;
    }

    @Override
    String pastTense() {
        return "created";
    }
}
