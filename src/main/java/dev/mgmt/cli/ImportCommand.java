package dev.mgmt.cli;

import dev.mgmt.run.Invocation;
import dev.mgmt.client.ApiClient;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.client.Multipart;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.output.Outcome;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code mgmt import proxy -f archive.zip [--replace NAME]}. */
@Command(name = "import", description = {"Import a proxy from an archive made by 'mgmt export'.",
    "Without --replace a proxy of the same name gets a suffix; --replace NAME overwrites that proxy."},
    sortOptions = false)
public final class ImportCommand extends BaseCommand {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

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
        byte[] archive = readArchive(file);
        Target target = Target.of(k, inv.settings().project().value(), null, null, null);
        ApiClient client = inv.authenticatedClient();
        String path = replace == null
            ? target.fill(List.of("projects", "{project}", "apiProxies", "import"), null)
            : target.fill(List.of("projects", "{project}", "apiProxies", "{name}", "import"), replace);
        Multipart form = new Multipart().file("apiProxyExportFile", file.getFileName().toString(), "application/zip",
            archive);
        ApiRequest request = client.request(replace == null ? "POST" : "PUT", client.base().resolve(path),
            List.of(new ApiRequest.Header("Content-Type", form.contentType())), form.bytes());
        ApiResponse response = client.call(request);
        Outcome.print(inv.out(), inv.settings().output().value(), "proxy", replace != null ? replace
            : file.getFileName().toString(), replace != null ? "replaced" : "imported", response);
        return ExitCodes.OK;
    }

    /** The API takes only .zip archives: check name and content before sending anything. */
    static byte[] readArchive(Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new UsageException("'" + file + "' is not a .zip file; the API imports only the ZIP archives export makes");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read '" + file + "': no such file");
        } catch (IOException e) {
            throw new UsageException("cannot read '" + file + "': " + e.getMessage());
        }
        if (bytes.length < 4 || bytes[0] != ZIP_MAGIC[0] || bytes[1] != ZIP_MAGIC[1] || bytes[2] != ZIP_MAGIC[2]
            || bytes[3] != ZIP_MAGIC[3]) {
            throw new UsageException("'" + file + "' is not a ZIP archive (it does not start with PK)");
        }
        return bytes;
    }
}
