package dev.mgmt.cli;

import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.output.Outcome;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.ProxyArchives;
import dev.mgmt.resources.Target;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** {@code mgmt import proxy -f archive.zip [--replace NAME]}. */
@Command(name = "import", description = {"Import a proxy from an archive made by 'mgmt export'.",
    "Without --replace a proxy of the same name gets a suffix; --replace NAME overwrites that proxy."},
    sortOptions = false)
public final class ImportCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "KIND", description = "proxy.")
    String kind;

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE", description = "The .zip archive.")
    Path file;

    @Option(names = "--replace", paramLabel = "NAME", description = "Overwrite this existing proxy with the archive.")
    String replace;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        Kind k = Kinds.find(kind);
        if (!k.singular().equals("proxy")) {
            throw new UsageException("only proxies can be imported, not " + k.plural());
        }
        byte[] archive = ProxyArchives.read(file);
        Target target = Target.of(k, inv.settings().project().value(), null, null, null);
        String fileName = file.getFileName().toString();
        ApiResponse response = new ProxyArchives(inv.authenticatedClient()).upload(target, fileName, archive, replace);
        Outcome.print(inv.out(), inv.settings().output().value(), "proxy", replace != null ? replace : fileName,
            replace != null ? "replaced" : "imported", response);
        return ExitCodes.OK;
    }
}
