package dev.mgmt.resources;

import dev.mgmt.client.ApiClient;
import dev.mgmt.client.Multipart;
import dev.mgmt.errors.UsageException;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A proxy as a ZIP archive: export downloads it, import uploads it as a new proxy or over an existing one. */
public final class ProxyArchives {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final ApiClient client;

    public ProxyArchives(ApiClient client) {
        this.client = client;
    }

    /** The raw answer: the archive, or the JSON error the server sends instead, for the caller to write as it is. */
    public ApiResponse export(Target target, String name) {
        String path = target.fill(List.of("projects", "{project}", "apiProxies", "{name}", "export"), name);
        return client.call(client.request("GET", client.base().resolve(path),
            List.of(new ApiRequest.Header("Accept", "application/octet-stream, application/json")), null));
    }

    /** Uploads an archive from {@link #read} as a new proxy, or over the proxy {@code replace} when that is not null. */
    public ApiResponse upload(Target target, Path file, byte[] archive, String replace) {
        return client.call(uploadRequest(target, file, archive, replace),
            replace == null ? WriteChecks.listing(target) : WriteChecks.of(client, target, replace));
    }

    /** The request {@link #upload} sends. */
    public ApiRequest uploadRequest(Target target, Path file, byte[] archive, String replace) {
        String path = replace == null
            ? target.fill(List.of("projects", "{project}", "apiProxies", "import"), null)
            : target.fill(List.of("projects", "{project}", "apiProxies", "{name}", "import"), replace);
        Multipart form = new Multipart().file("apiProxyExportFile", file, "application/zip", archive);
        return client.request(replace == null ? "POST" : "PUT", client.base().resolve(path),
            List.of(new ApiRequest.Header("Content-Type", form.contentType())), form.bytes()).withForm(form.parts());
    }

    /** The API takes only .zip archives: check name and content before sending anything. */
    public static byte[] read(Path file) {
        // The root directory has no file name.
        if (file.getFileName() == null || !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new UsageException("'" + file + "' is not a .zip file; the API imports only the ZIP archives export makes");
        }
        byte[] bytes = Uploads.bytes(file);
        if (bytes.length < 4 || bytes[0] != ZIP_MAGIC[0] || bytes[1] != ZIP_MAGIC[1] || bytes[2] != ZIP_MAGIC[2]
            || bytes[3] != ZIP_MAGIC[3]) {
            throw new UsageException("'" + file + "' is not a ZIP archive (it does not start with PK)");
        }
        return bytes;
    }
}
