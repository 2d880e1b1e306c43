package dev.mgmt.cli;

import dev.mgmt.resources.Part;
import dev.mgmt.resources.Target;
import dev.mgmt.run.Destructive;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code mgmt remove KIND NAME PART ...}: removes members from a list of a resource; asks first, as delete does. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt remove ip-group AllowedIPs ips -p MyProject -f old-ips.json",
        "  mgmt remove rlcl gold-tier condition -p MyProject --yes",
        "  mgmt remove proxy-group payments proxies orders-api -p MyProject"},
    name = "remove", description = {
        "Remove members from a list of a resource.",
        "  ip-group NAME     ips (-f FILE with ipList)",
        "  rlcl NAME         credentials, endpoints (-f FILE); condition",
        "  proxy-group NAME  proxies PROXY... (one request each)",
        "  credential NAME   access (-f FILE; or see mgmt revoke)",
        "On a terminal mgmt asks first; in scripts (stdin not a terminal) pass --yes."},
    sortOptions = false)
public final class RemoveCommand extends PartCommand implements Destructive {

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    Part.Change change() {
        return Part.Change.REMOVE;
    }

    @Override
    void beforeSending(Invocation inv, Target target, Part p, String resourceName, List<String> names) {
        String what = p.input() == Part.Input.NAMES ? p.name() + " " + String.join(", ", names) : p.name();
        Confirm.askAbout(inv, "remove " + what + " from " + target.kind().singular() + " '" + resourceName + "'"
            + target.where(), yes, target, resourceName);
    }
}
