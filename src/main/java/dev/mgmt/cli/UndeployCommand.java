package dev.mgmt.cli;

import dev.mgmt.resources.Deployments;
import dev.mgmt.run.Destructive;
import picocli.CommandLine.Command;

/** {@code mgmt undeploy proxy|proxy-group NAME -e ENV}. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt undeploy proxy petstore-api -p MyProject -e staging",
        "  mgmt undeploy proxy petstore-api -p MyProject -e staging --dry-run"},
    name = "undeploy", description = "Undeploy a proxy or proxy group from an environment (-e).")
public final class UndeployCommand extends DeploymentCommand implements Destructive {
    @Override
    Deployments.Action action() {
        return Deployments.Action.UNDEPLOY;
    }

    @Override
    String pastTense() {
        return "undeployed from";
    }
}
