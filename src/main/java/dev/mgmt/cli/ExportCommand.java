package dev.mgmt.cli;

import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.output.ResultWriter;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.ProxyArchives;
import dev.mgmt.resources.Target;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mgmt export proxy NAME > file.zip}: the proxy as the archive import takes. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt export proxy petstore-api -p MyProject --output-file petstore.zip",
        "  mgmt export proxy petstore-api -p MyProject > petstore.zip"},
    name = "export", description = {"Export a proxy as a ZIP archive, to stdout or --output-file.",
    "The archive is binary: mgmt will not write it to a terminal."})
public final class ExportCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "KIND", description = "proxy.")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME", description = "The proxy's exact name.")
    String name;

    @Option(names = "--output-file", paramLabel = "FILE", description = "Write the archive to FILE.")
    String outputFile;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        Kind k = Kinds.find(kind);
        if (!k.singular().equals("proxy")) {
            throw new UsageException("only proxies can be exported, not " + k.plural());
        }
        if (outputFile == null && inv.env().stdoutTerminal()) {
            throw new UsageException("the export is a binary ZIP archive and stdout is a terminal; not sending the request",
                "Redirect stdout (> " + name + ".zip) or pass --output-file FILE");
        }
        Target target = Target.of(k, inv.settings().project().value(), null, null, null);
        ApiResponse response = new ProxyArchives(inv.authenticatedClient()).export(target, name);
        new ResultWriter(inv.out(), inv.env().stdout(), inv.env().stdoutTerminal(), inv.redactor()).write(response, true, outputFile);
        if (outputFile != null) {
            inv.err().println("wrote " + response.body().length + " bytes to " + outputFile);
        }
        return ExitCodes.OK;
    }
}
