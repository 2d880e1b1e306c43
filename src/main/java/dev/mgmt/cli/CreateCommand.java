package dev.mgmt.cli;

import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Operation;
import dev.mgmt.resources.Operations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mgmt create KIND [NAME] -f FILE}. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt create proxy -p MyProject -f examples/bodies/proxy.json",
        "  mgmt create connection -p MyProject -f conn.yaml --curl",
        "  cat env-var.json | mgmt create env-var -p MyProject -f -",
        "  mgmt create certificate backend-ca -p MyProject -f ca.pem -e production --description 'Backend CA'",
        "  mgmt create jwk signing -p MyProject --from generate -f jwk-spec.yaml",
        "  mgmt create proxy -p MyProject -f proxy.json --dry-run"},
    name = "create", description = {"Create a resource from a JSON or YAML file.",
    "A certificate is uploaded: -f is its PEM file, -e its environments (comma-separated), with --description",
    "and --alias (default: NAME).",
    "A JWK can also be generated or parsed: --from generate|url|clipboard|certificate|key|keystore."},
    sortOptions = false)
public final class CreateCommand extends BodyCommand {

    @Option(names = "--from", paramLabel = "SOURCE",
        description = "For a JWK: generate it, or parse it from a url, clipboard (pasted JSON), certificate, key "
            + "or keystore, as the file describes.")
    String from;

    @Override
    Operation operation(Kind k) {
        return from == null ? super.operation(k) : Operations.create(k, from);
    }
    @Override
    Operations.Verb verb() {
        return Operations.Verb.CREATE;
    }

    @Override
    String pastTense() {
        return "created";
    }
}
