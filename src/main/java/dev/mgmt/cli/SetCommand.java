package dev.mgmt.cli;

import dev.mgmt.resources.Part;
import picocli.CommandLine.Command;

/** {@code mgmt set KIND NAME PART ...}: replaces one part of a resource on its own endpoint. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt set proxy petstore-api cors -p MyProject -f cors.yaml",
        "  mgmt set proxy petstore-api hide-spec-file true -p MyProject",
        "  mgmt set endpoint /pets status false --proxy petstore-api --method GET -p MyProject",
        "  mgmt set ip-group AllowedIPs ips -p MyProject -f ips.json   # replaces every IP",
        "  mgmt set geolocation mmdb -f GeoLite2-City.mmdb"},
    name = "set", description = {
        "Replace one part of a resource: a proxy setting, an endpoint's status or cache, a list's members.",
        "  proxy NAME      api-keys, cache, circuit-breaker, client-route, connection, cors, forwarded-ip-header,",
        "                  json-error-template, xml-error-template, metadata, mtls, ntlm, proxy-server,",
        "                  routing-addresses, routing-status, traffic-log (-f FILE); hide-spec-file true|false",
        "  endpoint PATH   status true|false; cache, wsa (-f FILE); with --proxy and --method",
        "  ip-group NAME   ips (-f FILE: every IP)",
        "  rlcl NAME       credentials, endpoints, condition (-f FILE)",
        "  geolocation     enabled true|false; mmdb (-f FILE.mmdb, uploaded)",
        "The body is checked against the API's schema first (--no-validate skips it)."},
    sortOptions = false)
public final class SetCommand extends PartCommand {

    @Override
    Part.Change change() {
        return Part.Change.SET;
    }
}
