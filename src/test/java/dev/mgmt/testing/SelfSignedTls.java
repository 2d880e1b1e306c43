package dev.mgmt.testing;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A self-signed server certificate made with the JDK's keytool at test time, and the TLS context that serves it. */
public final class SelfSignedTls {
    private SelfSignedTls() {
    }

    /**
     * Makes a key pair for {@code cn} with the subject alternative names {@code san} (keytool's
     * form, e.g. {@code ip:127.0.0.1,dns:localhost}) in {@code dir}, writes the certificate as PEM to
     * {@code certPem} (what a client passes as --cacert), and returns a server context for it.
     */
    public static SSLContext serverContext(Path dir, String cn, String san, Path certPem) throws Exception {
        Path ks = dir.resolve("server.p12");
        keytool("-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "srv", "-keystore", ks.toString(),
            "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit", "-dname", "CN=" + cn,
            "-ext", "SAN=" + san, "-validity", "2");
        keytool("-exportcert", "-rfc", "-alias", "srv", "-keystore", ks.toString(), "-storetype", "PKCS12",
            "-storepass", "changeit", "-file", certPem.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + out);
    }
}
