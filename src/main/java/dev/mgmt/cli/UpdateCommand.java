package dev.mgmt.cli;

import dev.mgmt.resources.Operations;
import picocli.CommandLine.Command;

/** {@code mgmt update KIND [NAME] -f FILE}. */
@Command(name = "update", description = "Update a resource from a JSON or YAML file.", sortOptions = false)
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
