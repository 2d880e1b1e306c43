package dev.mgmt.cli;

import dev.mgmt.sandbox.RequestLog;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference's "not found" spoken as {@code 400 bad_request} ("Api Proxy (X) is not found!"): mgmt
 * says what get says for a missing name (exit 6, other case first, then near misses), never the
 * validation checklist, and deletes nothing.
 */
class NotFoundSpokenAs400Test {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    @BeforeEach
    void forgetEarlierRequests() {
        sandbox.requests().clear();
    }

    /** In MyProject, whose seed has one of each kind. */
    static Cli cli() {
        return sandbox.cli().env("MGMT_PROJECT", "MyProject");
    }

    private static List<String> sent(String method) {
        return sandbox.ownRequests().stream().filter(e -> e.method().equals(method)).map(RequestLog.Entry::path)
            .toList();
    }

    private static String headline(CliResult r) {
        return r.err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
    }

    /** Kinds whose single read answers 400 for a missing name: the headline is get's own. */
    @ParameterizedTest
    @CsvSource({
        "env-var, backend_base_url, BACKEND_BASE_URL",
        "certificate, gateway-tsl, gateway-tls",
        "keystore, Gateway-Keystore, gateway-keystore",
        "key, signing-kye, signing-key",
        "jwk, gateway-jwks, gateway-jwk",
        "proxy-group, Public-APIs, public-apis",
        "credential, partner-ap, partner-app"})
    void should_exit_6_with_did_you_mean_and_delete_nothing(String kind, String typo, String real) {
        CliResult r = cli().run("delete", kind, typo, "--yes");
        assertEquals(6, r.exitCode(), r.describe());
        assertEquals("error: no " + kind + " '" + typo + "' in project 'MyProject'; did you mean '" + real + "'?",
            headline(r), r.describe());
        assertFalse(r.err().contains("fix the fields"), r.describe());
        assertEquals(List.of(), sent("DELETE"), "nothing deleted");
        assertEquals(0, cli().run("get", kind, real, "--quiet").exitCode(), "still there");
    }

    /** Proxies and connections: the delete answers 400, the read 404; delete now says what get says. */
    @ParameterizedTest
    @CsvSource({
        "proxy, Petstore-API, petstore-api",
        "proxy, petstore-apii, petstore-api",
        "connection, notify-mial, notify-mail"})
    void should_say_what_get_says_when_deleting_a_missing_name(String kind, String typo, String real) {
        CliResult r = cli().run("delete", kind, typo, "--yes");
        CliResult get = cli().run("get", kind, typo);
        assertEquals(6, r.exitCode(), r.describe());
        assertEquals(headline(get), headline(r), r.describe());
        assertTrue(r.err().contains("'" + real + "'"), "did you mean: " + r.describe());
        assertFalse(r.err().contains("fix the fields"), r.describe());
        assertEquals(List.of(), sent("DELETE"), "nothing deleted");
    }

    @Test
    void should_check_before_asking_on_a_terminal() {
        CliResult r = cli().stdinTerminal(true).stdin("y\n").run("delete", "proxy", "Petstore-API");
        assertEquals(6, r.exitCode(), r.describe());
        assertFalse(r.err().contains("[y/N]"), "no prompt for a name that is not there: " + r.describe());
        assertTrue(r.err().contains("did you mean 'petstore-api'?"), r.describe());
        assertEquals(List.of(), sent("DELETE"));
    }

    @Test
    void should_show_a_missing_certificate_as_get_does() {
        CliResult r = cli().run("get", "certificate", "Gateway-TLS");
        assertEquals(6, r.exitCode(), r.describe());
        assertEquals("error: no certificate 'Gateway-TLS' in project 'MyProject'; did you mean 'gateway-tls'?",
            headline(r), r.describe());
        assertTrue(r.err().contains("the manager answered 400 bad_request to GET projects/MyProject/certificates/"
            + "Gateway-TLS/: Certificate (name: Gateway-TLS) is not found!"), r.describe());
    }

    @ParameterizedTest
    @CsvSource({"deploy", "undeploy"})
    void should_name_a_missing_environment_with_did_you_mean(String verb) {
        CliResult r = cli().run(verb, "proxy", "petstore-api", "-e", "Production");
        assertEquals(6, r.exitCode(), r.describe());
        assertEquals("error: no environment 'Production' for project 'MyProject'; did you mean 'production'?",
            headline(r), r.describe());
        assertFalse(r.err().contains("fix the fields"), r.describe());
    }

    @Test
    void should_name_a_missing_proxy_when_deploying() {
        CliResult r = cli().run("deploy", "proxy", "petstore", "-e", "production");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(headline(r).contains("ApiProxy (name: petstore) was not found; did you mean 'petstore-api'?"), r.describe());
        assertTrue(r.err().contains("'petstore-api'"), "did you mean: " + r.describe());
    }

    @Test
    void should_keep_a_400_that_is_not_about_a_missing_name() {
        CliResult r = cli().run("undeploy", "proxy", "Address", "-e", "staging");
        assertEquals(3, r.exitCode(), r.describe());
        assertTrue(headline(r).contains("is not deployed to Environment(staging)"), r.describe());
    }
}
