package dev.mgmt.cli;

import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.UsageException;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.output.Outcome;
import dev.mgmt.resources.DryRun;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.ProxyArchives;
import dev.mgmt.resources.ResourceReader;
import dev.mgmt.resources.Target;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code mgmt import proxy -f archive.zip [--replace NAME]}. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt import proxy -p MyProject -f petstore.zip",
        "  mgmt import proxy -p MyProject -f petstore.zip --replace petstore-api",
        "  mgmt import proxy -p MyProject -f petstore.zip --replace petstore-api --dry-run"},
    name = "import", description = {"Import a proxy from an archive made by 'mgmt export'.",
    "Without --replace a proxy of the same name gets a suffix; --replace NAME overwrites that proxy."},
    sortOptions = false)
public final class ImportCommand extends ChangeCommand {

    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.OUTCOME;
    }

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
        ResourceReader reader = new ResourceReader(inv.authenticatedClient());
        ProxyArchives archives = new ProxyArchives(inv.authenticatedClient());
        if (dryRun) {
            // A new proxy takes its name from the archive, which only the server reads: the file name stands in.
            DryRun dry = dryRunner();
            if (replace != null) {
                dry.requirePresent(target, replace);
            }
            dry.show(inv.out(), inv.settings().output().value(), "proxy",
                replace != null ? replace : file.getFileName().toString(), spec.name(),
                replace != null ? "replaced" : "imported", archives.uploadRequest(target, file, archive, replace));
            return ExitCodes.OK;
        }
        // The answer does not name the proxy it made (a taken name gets a suffix): the lists before
        // and after tell, unless someone else changed the project at the same moment.
        List<String> before = replace == null ? reader.names(target) : List.of();
        ApiResponse response = archives.upload(target, file, archive, replace);
        String name = replace != null ? replace : created(before, reader, target, file);
        Outcome.print(inv.out(), inv.settings().output().value(), "proxy", name,
            replace != null ? "replaced" : "imported", response);
        return ExitCodes.OK;
    }

    /** The one name the import added, or the archive's file name when the lists do not tell. */
    private static String created(List<String> before, ResourceReader reader, Target target, Path file) {
        List<String> added;
        try {
            added = new ArrayList<>(reader.names(target));
        } catch (MgmtException e) {
            added = new ArrayList<>();
        }
        added.removeAll(before);
        return added.size() == 1 ? added.get(0) : file.getFileName().toString();
    }
}
