package dev.mgmt.real;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.Nginx;
import dev.mgmt.testing.OpenSsl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static dev.mgmt.real.Expect.contains;
import static dev.mgmt.real.Expect.exit;
import static dev.mgmt.real.Expect.headline;
import static dev.mgmt.real.Expect.lacks;
import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Case 8 of issue 13: a real nginx serving certificates made by openssl at test time, each fault on its
 * own port. Every fault is named precisely, without Java's class names, in the headline (exit 10) and in
 * doctor's TLS step; --cacert is the hint only where a CA is what is missing.
 */
class TlsIT {
    private static final String LOCAL = "IP:127.0.0.1,DNS:localhost";
    private static final Instant NOW = Instant.now();
    private static final Instant EXPIRED_ON = NOW.minus(Duration.ofDays(2));

    @TempDir
    static Path dir;
    private static Nginx nginx;
    private static OpenSsl ssl;
    private static int selfSigned;
    private static int expired;
    private static int wrongHost;
    private static int withIntermediate;
    private static int leafOnly;

    @BeforeAll
    static void start() throws IOException {
        ssl = new OpenSsl(dir.resolve("pki"));
        Instant from = NOW.minus(Duration.ofDays(30));
        Instant until = NOW.plus(Duration.ofDays(30));
        ssl.selfSigned("root", "mgmt Test Root CA", true, null);
        ssl.signed("intermediate", "mgmt Test Intermediate CA", null, "root", from, until);
        ssl.selfSigned("self", "localhost", false, LOCAL);
        ssl.signed("expired", "localhost", LOCAL, "root", from, EXPIRED_ON);
        ssl.signed("wrong", "wrong.example", "DNS:wrong.example", "root", from, until);
        ssl.signed("leaf", "localhost", LOCAL, "intermediate", from, until);
        ssl.bundle("leaf-chain", "leaf", "intermediate");

        List<Integer> ports = new ArrayList<>();
        StringBuilder servers = new StringBuilder();
        selfSigned = server(servers, ports, "self", "self");
        expired = server(servers, ports, "expired", "expired");
        wrongHost = server(servers, ports, "wrong", "wrong");
        withIntermediate = server(servers, ports, "leaf-chain", "leaf");
        leafOnly = server(servers, ports, "leaf", "leaf");
        nginx = Nginx.start(dir.resolve("nginx"), servers.toString(), ports.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int server(StringBuilder servers, List<Integer> ports, String cert, String key) {
        int port = Nginx.freePort();
        ports.add(port);
        servers.append("  server {\n")
            .append("    listen 127.0.0.1:").append(port).append(" ssl;\n")
            .append("    ssl_certificate ").append(ssl.pem(cert)).append(";\n")
            .append("    ssl_certificate_key ").append(ssl.key(key)).append(";\n")
            .append("    default_type text/plain;\n")
            .append("    location / { return 200 'OK'; }\n")
            .append("  }\n");
        return port;
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
    }

    private static CliResult mgmt(int port, boolean trustRoot, String... args) {
        var c = cli().env("MGMT_URL", "https://127.0.0.1:" + port + "/").env("MGMT_TOKEN", "opaque-token-abcd1234")
            .config(dir.resolve("config.yaml"));
        if (trustRoot) {
            c.env("MGMT_CACERT", ssl.pem("root").toString());
        }
        return c.run(args);
    }

    /** The headline of a failed health check, exit 10, with no Java internals anywhere on stderr. */
    private static CliResult tlsFailure(int port, boolean trustRoot, String... cause) {
        CliResult r = mgmt(port, trustRoot, "--no-retry", "api", "test/healthcheck");
        exit(r, 10);
        String headline = headline(r);
        contains(headline, r, "error: TLS handshake with 127.0.0.1:" + port + " failed: ");
        contains(headline, r, cause);
        lacks(r.err(), r, "sun.security", "javax.net", "PKIX", "Exception", "opaque-token-abcd1234");
        assertEquals("", r.out(), r::describe);
        return r;
    }

    /** doctor's TLS step says the same cause. */
    private static void doctorSays(int port, boolean trustRoot, String cause) {
        CliResult r = mgmt(port, trustRoot, "doctor");
        exit(r, 10);
        String all = r.out() + r.err();
        String tlsLine = all.lines().filter(l -> l.contains("TLS")).findFirst().orElse("");
        contains(tlsLine, r, "[FAIL]", cause);
        lacks(all, r, "sun.security", "javax.net", "PKIX");
    }

    @Test
    void selfSignedCertificateIsNamedAndTrustedWithCacert() {
        String cause = "the server's certificate (CN=localhost) is self-signed, which this machine does not trust;"
            + " pass --cacert FILE with that certificate";
        tlsFailure(selfSigned, false, cause);
        doctorSays(selfSigned, false, cause);
    }

    @Test
    void expiredCertificateShowsItsDateEvenWithQuiet() {
        String day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(EXPIRED_ON);
        String cause = "the server's certificate expired on " + day + " (CN=localhost)";
        CliResult r = tlsFailure(expired, true, cause);
        lacks(r.err(), r, "--cacert");
        CliResult quiet = mgmt(expired, true, "--quiet", "--no-retry", "api", "test/healthcheck");
        exit(quiet, 10);
        contains(quiet.err(), quiet, cause);
        assertEquals(1, quiet.err().lines().count(), quiet::describe);
        doctorSays(expired, true, cause);
    }

    @Test
    void certificateForAnotherHostNamesBoth() {
        String cause = "the certificate is for wrong.example, not 127.0.0.1";
        CliResult r = tlsFailure(wrongHost, true, cause);
        lacks(r.err(), r, "--cacert");
        doctorSays(wrongHost, true, cause);
    }

    @Test
    void chainWithIntermediateIsTrustedWithTheRootAsCacert() {
        CliResult r = mgmt(withIntermediate, true, "api", "test/healthcheck");
        exit(r, 0);
        assertEquals("OK", r.out().strip(), r::describe);
    }

    @Test
    void untrustedIssuerAsksForItsCa() {
        String cause = "the server's certificate (CN=localhost) is signed by CN=mgmt Test Root CA, which this machine"
            + " does not trust; pass --cacert FILE with that CA";
        tlsFailure(withIntermediate, false, cause);
        doctorSays(withIntermediate, false, cause);
    }

    @Test
    void missingIntermediateIsTheServersChainNotCacert() {
        String cause = "the server sent its certificate without the intermediate CA CN=mgmt Test Intermediate CA"
            + " that signed it: fix the server's chain; --cacert with the root will not help";
        tlsFailure(leafOnly, true, cause);
        doctorSays(leafOnly, true, cause);
    }
}
