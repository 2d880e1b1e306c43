package dev.mgmt.resources;

import dev.mgmt.client.Multipart;
import dev.mgmt.errors.UsageException;
import dev.mgmt.process.BoundedRead;
import dev.mgmt.process.InputLimit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The multipart forms the API takes where it wants a file rather than JSON: a certificate (its PEM file
 * with name, alias, description and environments) and the geolocation database. Everything is checked
 * before a request is built, so bad input sends nothing.
 */
public final class Uploads {
    /** {@link Operation#upload()} of the certificate create and update. */
    public static final String CERTIFICATE = "certificate";

    private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";

    private Uploads() {
    }

    /** What the certificate form holds besides the file. */
    public record CertificateFields(String name, String alias, String description, List<String> environments) {
    }

    /**
     * The certificate form as the reference documents it. {@code checkPem} false (--no-validate) sends a
     * file that does not look like a PEM certificate anyway.
     */
    public static Multipart certificate(CertificateFields f, Path file, boolean checkPem) {
        if (f.name() == null || f.name().isBlank()) {
            throw new UsageException("no name: give the certificate's NAME on the command line");
        }
        if (f.environments().isEmpty()) {
            throw new UsageException("a certificate is uploaded to environments: pass -e/--environment ENV "
                + "(several: -e prod,test) or set MGMT_ENVIRONMENT", "List environments with: mgmt get environments");
        }
        if (f.description() == null || f.description().isBlank()) {
            throw new UsageException("the API requires a description for a certificate: pass --description TEXT");
        }
        byte[] pem = bytes(file);
        if (checkPem && !new String(pem, StandardCharsets.US_ASCII).contains(PEM_BEGIN)) {
            throw new UsageException("'" + file + "' is not a PEM certificate (no '" + PEM_BEGIN + "' line)",
                "Convert a DER file with: openssl x509 -inform der -in cert.der -out cert.pem; --no-validate sends it "
                    + "as it is");
        }
        return new Multipart()
            .text("certificateName", null, f.name())
            .text("alias", null, f.alias() == null ? f.name() : f.alias())
            .text("certificateDescription", null, f.description())
            .text("environmentList", null, String.join(",", f.environments()))
            .file("pemEncodedFile", file, "application/x-pem-file", pem);
    }

    /** The geolocation database form: the .mmdb file as {@code file}. */
    public static Multipart mmdb(Path file, boolean check) {
        byte[] db = bytes(file);
        if (check && (file.getFileName() == null || !file.getFileName().toString().endsWith(".mmdb"))) {
            throw new UsageException("'" + file + "' is not a .mmdb file (a MaxMind GeoIP2 database)",
                "--no-validate sends it anyway");
        }
        if (db.length == 0) {
            throw new UsageException("'" + file + "' is empty");
        }
        return new Multipart().file("file", file, "application/octet-stream", db);
    }

    /** A file to upload, read whole within mgmt's body limit; a missing or unreadable one is a usage error. */
    static byte[] bytes(Path file) {
        try {
            return BoundedRead.bytes(file, InputLimit.BODY);
        } catch (BoundedRead.TooLarge e) {
            throw new UsageException(e.about("'" + file + "'"));
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read '" + file + "': no such file");
        } catch (IOException e) {
            throw new UsageException("cannot read '" + file + "': " + e.getMessage());
        }
    }
}
