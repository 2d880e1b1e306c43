package dev.mgmt.cli;

import dev.mgmt.sandbox.RequestLog;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.mgmt.cli.IpGroupCommandsTest.assertUsage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** create jwk NAME --from generate|url|clipboard|certificate|key|keystore. */
class JwkCommandsTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    static final String RSA = "type: RSA\nrsa:\n  keySize: 2048\n  keyUseType: SIGNATURE\n  algorithm: RSA256\n";

    @BeforeEach
    void clean() {
        sandbox.requests().clear();
    }

    static Cli cli() {
        return sandbox.cli().env("MGMT_PROJECT", "MyProject");
    }

    @Test
    void should_generate_a_jwk_on_the_documented_path_and_then_get_it() {
        CliResult r = cli().stdin(RSA).run("create", "jwk", "signing", "--from", "generate", "-f", "-");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("jwk/signing created\n", r.out());
        RequestLog.Entry post = sandbox.ownRequests().get(0);
        assertEquals("POST /apiops/projects/MyProject/jwks/generate", post.method() + " " + post.path());
        assertTrue(post.bodyText().startsWith("{\"type\":\"RSA\""), post.bodyText());
        assertTrue(post.bodyText().endsWith(",\"name\":\"signing\"}"), post.bodyText());
        assertEquals("signing\n", cli().run("get", "jwk", "signing", "-o", "name").out());
    }

    @Test
    void should_parse_from_a_url_with_the_name_from_the_file() {
        CliResult r = cli().stdin("name: from-url\nurl: https://example.test/jwks.json\n")
            .run("create", "jwk", "--from", "url", "-f", "-");
        assertEquals("jwk/from-url created\n", r.out(), r.describe());
        assertEquals("/apiops/projects/MyProject/jwks/parse-from-url", sandbox.ownRequests().get(0).path());
    }

    @Test
    void should_check_the_generate_body_against_its_schema() {
        CliResult r = cli().stdin(RSA.replace("RSA256", "RS256")).run("create", "jwk", "bad", "--from", "generate", "-f", "-");
        assertUsage(r, "error: stdin does not match the jwk.generate schema (1 problem)");
        assertTrue(r.err().contains("rsa.algorithm"), r.err());
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_refuse_unknown_sources_sending_nothing() {
        assertUsage(cli().stdin(RSA).run("create", "jwk", "x", "--from", "file", "-f", "-"),
            "error: unknown --from 'file' for jwks: expected one of generate, url, clipboard, certificate, key, keystore");
        assertUsage(cli().stdin(RSA).run("create", "proxy", "x", "--from", "url", "-f", "-"),
            "error: --from does not apply to proxies");
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_answer_a_taken_name_with_exit_7() {
        CliResult r = cli().stdin(RSA).run("create", "jwk", "gateway-jwk", "--from", "generate", "-f", "-");
        assertEquals(7, r.exitCode(), r.describe());
    }
}
