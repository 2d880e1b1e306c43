package dev.mgmt.cli;

import picocli.CommandLine.Command;

/** {@code mgmt undeploy proxy|proxy-group NAME -e ENV}. */
@Command(name = "undeploy", description = "Undeploy a proxy or proxy group from an environment (-e).")
public final class UndeployCommand extends DeploymentCommand {
    @Override
    String method() {
        return "DELETE";
    }

    @Override
    String pastTense() {
        return "undeployed from";
    }
}
