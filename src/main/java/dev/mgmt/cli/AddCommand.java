package dev.mgmt.cli;

import dev.mgmt.resources.Part;
import picocli.CommandLine.Command;

/** {@code mgmt add KIND NAME PART ...}: adds members to a list of a resource. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt add ip-group AllowedIPs ips -p MyProject -f ips.json",
        "  mgmt add rlcl gold-tier credentials -p MyProject -f creds.yaml",
        "  mgmt add proxy-group payments proxies petstore-api orders-api -p MyProject"},
    name = "add", description = {
        "Add members to a list of a resource (what is there already stays).",
        "  ip-group NAME     ips (-f FILE with ipList)",
        "  rlcl NAME         credentials, endpoints, condition (-f FILE)",
        "  proxy-group NAME  proxies PROXY... (one request each)",
        "  credential NAME   access (-f FILE; or see mgmt grant)",
        "The body is checked against the API's schema first (--no-validate skips it)."},
    sortOptions = false)
public final class AddCommand extends PartCommand {

    @Override
    Part.Change change() {
        return Part.Change.ADD;
    }
}
