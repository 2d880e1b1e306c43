package dev.mgmt.cli;

import dev.mgmt.resources.Deployments;
import picocli.CommandLine.Command;

/** {@code mgmt deploy proxy|proxy-group NAME -e ENV}. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt deploy proxy petstore-api -p MyProject -e production",
        "  mgmt deploy proxy-group public -p MyProject -e staging -o json",
        "  mgmt deploy proxy petstore-api -p MyProject -e production --dry-run"},
    name = "deploy", description = {"Deploy a proxy or proxy group to an environment (-e).",
    "A deployment the server reports as failed in any environment exits 11."})
public final class DeployCommand extends DeploymentCommand {
    @Override
    Deployments.Action action() {
        return Deployments.Action.DEPLOY;
    }

    @Override
    String pastTense() {
        return "deployed to";
    }
}
