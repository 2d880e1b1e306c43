package dev.mgmt.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made at test time by the real openssl, in one directory: a root CA, an intermediate,
 * and leaves signed by either, with any validity window (openssl ca takes explicit start and end dates,
 * which is how an expired certificate is made without faking the clock).
 */
public final class OpenSsl {
    private static final DateTimeFormatter ASN1_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
        .withZone(ZoneOffset.UTC);

    private final Path binary;
    private final Path dir;

    public OpenSsl(Path dir) throws IOException {
        this.binary = RealPrograms.require("openssl", "openssl");
        this.dir = Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    /** A self-signed certificate NAME.pem with key NAME.key; {@code ca} makes it a CA. */
    public Path selfSigned(String name, String cn, boolean ca, String san) throws IOException {
        List<String> args = new ArrayList<>(List.of("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256",
            "-days", "30", "-subj", "/CN=" + cn, "-keyout", key(name).toString(), "-out", pem(name).toString(),
            "-addext", ca ? "basicConstraints=critical,CA:TRUE" : "basicConstraints=CA:FALSE"));
        if (san != null) {
            args.addAll(List.of("-addext", "subjectAltName=" + san));
        }
        run(args);
        return pem(name);
    }

    /**
     * A certificate NAME.pem signed by the CA {@code issuer}, valid from {@code notBefore} to {@code notAfter};
     * {@code san} null makes another CA (an intermediate).
     */
    public Path signed(String name, String cn, String san, String issuer, Instant notBefore, Instant notAfter)
        throws IOException {
        run(List.of("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + cn,
            "-keyout", key(name).toString(), "-out", dir.resolve(name + ".csr").toString()));
        Path ext = dir.resolve(name + ".ext");
        Files.writeString(ext, san == null
            ? "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
            : "basicConstraints=CA:FALSE\nsubjectAltName=" + san + "\n", StandardCharsets.UTF_8);
        Path ca = dir.resolve("ca-" + name);
        Files.createDirectories(ca);
        Files.writeString(ca.resolve("index.txt"), "");
        Files.writeString(ca.resolve("serial"), String.format("%016x%n", System.nanoTime() | 1L << 60));
        Path conf = dir.resolve(name + ".cnf");
        Files.writeString(conf, "[ca]\ndefault_ca = test\n[test]\n"
            + "database = " + ca.resolve("index.txt") + "\n"
            + "new_certs_dir = " + ca + "\n"
            + "serial = " + ca.resolve("serial") + "\n"
            + "default_md = sha256\npolicy = any\nunique_subject = no\n"
            + "[any]\ncommonName = supplied\n", StandardCharsets.UTF_8);
        run(List.of("ca", "-batch", "-notext", "-config", conf.toString(), "-cert", pem(issuer).toString(),
            "-keyfile", key(issuer).toString(), "-in", dir.resolve(name + ".csr").toString(),
            "-out", pem(name).toString(), "-extfile", ext.toString(),
            "-startdate", ASN1_TIME.format(notBefore), "-enddate", ASN1_TIME.format(notAfter)));
        return pem(name);
    }

    /** Several PEM files in one, in order: a certificate followed by its chain. */
    public Path bundle(String name, String... parts) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            sb.append(Files.readString(pem(p)));
        }
        Path out = dir.resolve(name + ".pem");
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        return out;
    }

    public Path pem(String name) {
        return dir.resolve(name + ".pem");
    }

    public Path key(String name) {
        return dir.resolve(name + ".key");
    }

    private void run(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("openssl " + String.join(" ", args) + " failed:\n"
                    + new String(out, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
