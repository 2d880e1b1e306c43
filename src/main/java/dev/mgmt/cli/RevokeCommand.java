package dev.mgmt.cli;

import dev.mgmt.resources.Part;
import dev.mgmt.resources.Target;
import dev.mgmt.run.Destructive;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mgmt revoke access CREDENTIAL --proxy NAME}: asks first, as delete does. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt revoke access alice --proxy petstore-api -p MyProject",
        "  mgmt revoke access alice --proxy-group payments -p MyProject --yes"},
    name = "revoke", description = {"Take away a credential's access to API proxies or API proxy groups.",
    "On a terminal mgmt asks first; in scripts (stdin not a terminal) pass --yes."}, sortOptions = false)
public final class RevokeCommand extends AccessCommand implements Destructive {

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    Part.Change change() {
        return Part.Change.REMOVE;
    }

    @Override
    String pastTense() {
        return "revoked";
    }

    @Override
    void beforeSending(Invocation inv, Target target) {
        Confirm.askAbout(inv, "revoke access of credential '" + credential + "'" + target.where(), yes, target,
            credential);
    }
}
