package dev.mgmt.cli;

import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes whose outcome is uncertain, for every kind create writes with a JSON body: the printed check
 * works when run as printed (case 3), and a 409 after an opted-in retry is settled by reading the object
 * back and comparing what the body set (case 4).
 */
class UncertainWriteTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension(c -> c.withSleeper(d -> { }));

    /** A create body per kind, with NAME and DESC to fill in, and the --proxy it needs, if any. */
    private static final Map<String, String> BODIES = Map.of(
        "proxy", "{\"apiProxyName\":\"NAME\",\"apiProxyDescription\":\"DESC\",\"apiProxyCreationType\":\"OPEN_API\","
            + "\"specUrl\":\"https://example.test/openapi.json\",\"clientRoute\":{\"relativePathList\":[\"/NAME\"]},"
            + "\"deploy\":false}",
        "endpoint", "{\"name\":\"/NAME\",\"description\":\"DESC\",\"httpMethod\":\"GET\",\"backendResourceUrl\":\"/b\","
            + "\"backendHttpMethod\":\"GET\"}",
        "connection", "{\"name\":\"NAME\",\"type\":\"webhook\",\"description\":\"DESC\","
            + "\"fullUrl\":\"https://hooks.example.test/NAME\"}",
        "credential", "{\"username\":\"NAME\",\"fullName\":\"DESC\",\"email\":\"NAME@example.test\","
            + "\"password\":\"Secret-123\"}",
        "env-var", "{\"name\":\"NAME\",\"description\":\"DESC\",\"environmentValueList\":[{\"environmentName\":"
            + "\"production\",\"value\":\"v\",\"visible\":true}]}",
        "proxy-group", "{\"name\":\"NAME\",\"description\":\"DESC\",\"clientRoute\":{\"relativePathList\":[\"/NAME\"]}}",
        "keystore", "{\"name\":\"NAME\",\"description\":\"DESC\",\"keyStoreEnvironmentList\":[{\"environmentName\":"
            + "\"production\",\"type\":\"JKS\",\"file\":\"QUJD\"}]}",
        "key", "{\"name\":\"NAME\",\"description\":\"DESC\",\"keyType\":\"RSA\",\"cryptoKeyInfoEnvironmentList\":"
            + "[{\"environmentName\":\"production\",\"publicKey\":\"QUJD\"}]}",
        "jwk", "{\"name\":\"NAME\",\"description\":\"DESC\",\"sourceType\":\"URL\",\"url\":\"https://e.test/jwks\"}");

    @TempDir
    static Path dir;

    /** Every kind that create writes with a JSON body (certificates are multipart uploads). */
    static java.util.stream.Stream<String> kinds() {
        return BODIES.keySet().stream().sorted();
    }

    @BeforeEach
    void noFaults() {
        sandbox.setFaults("");
        sandbox.requests().clear();
    }

    private static CliResult run(Cli cli, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[]{"--url", sandbox.url(), "--token", sandbox.adminToken()}, 0, all, 0, 4);
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.run(all);
    }

    /** {@code create KIND -f FILE -p MyProject [--proxy petstore-api]} plus {@code extra}. */
    private static CliResult write(Cli cli, String verb, String kind, String name, String description, String... extra)
        throws Exception {
        Path file = Files.writeString(dir.resolve(kind + "-" + name + "-" + description.hashCode() + ".json"),
            BODIES.get(kind).replace("NAME", name).replace("DESC", description));
        List<String> args = new java.util.ArrayList<>(List.of(extra));
        args.addAll(List.of(verb, kind, "-f", file.toString(), "-p", "MyProject"));
        if (kind.equals("endpoint")) {
            args.addAll(List.of("--proxy", "petstore-api"));
        }
        return run(cli, args.toArray(new String[0]));
    }

    /** The check a failed write names, run as printed (its words are plain: the test names are). */
    private static CliResult runCheck(CliResult failed) {
        String line = failed.err().lines().filter(l -> l.contains("check with: mgmt ")).findFirst()
            .orElseThrow(() -> new AssertionError("no check named: " + failed.describe()));
        String command = line.substring(line.indexOf("check with: mgmt ") + "check with: mgmt ".length()).strip();
        return run(Cli.cli(), command.split(" "));
    }

    /** A write that was lost on the way back (exit 10) names {@code command}, which shows {@code shown}. */
    private static void assertCheckShows(CliResult lost, String command, String shown) {
        assertEquals(10, lost.exitCode(), lost.describe());
        assertTrue(lost.err().contains("may or may not have been applied; check with: " + command), lost.describe());
        sandbox.setFaults("");
        CliResult check = runCheck(lost);
        assertEquals(0, check.exitCode(), check.describe());
        assertTrue(check.out().contains(shown), check.describe());
    }

    private static String shownName(String kind, String name) {
        return kind.equals("endpoint") ? "/" + name : name;
    }

    // ---------------------------------------------------------------- case 3: the printed check works

    @ParameterizedTest
    @MethodSource("kinds")
    void should_name_a_check_that_shows_what_a_lost_create_wrote(String kind) throws Exception {
        String name = "lost-" + kind;
        sandbox.setFaults("reset=after-headers,method=POST");
        CliResult r = write(Cli.cli(), "create", kind, name, "first");
        assertCheckShows(r, "mgmt get " + kind + " ", shownName(kind, name));
    }

    @Test
    void should_name_a_check_that_shows_what_a_lost_update_wrote() throws Exception {
        assertEquals(0, write(Cli.cli(), "create", "connection", "upd1", "before").exitCode());
        sandbox.setFaults("reset=after-headers,method=PUT");
        CliResult r = write(Cli.cli(), "update", "connection", "upd1", "after", "--no-retry");
        assertCheckShows(r, "mgmt get connection upd1 -p MyProject", "after");
    }

    @Test
    void should_name_a_check_that_shows_what_a_lost_import_wrote() throws Exception {
        Path archive = dir.resolve("petstore.zip");
        Files.write(archive, run(Cli.cli(), "export", "proxy", "petstore-api", "-p", "MyProject").outBytes());
        sandbox.setFaults("reset=after-headers,method=POST");
        CliResult r = run(Cli.cli(), "import", "proxy", "-f", archive.toString(), "-p", "MyProject");
        assertCheckShows(r, "mgmt get proxies -p MyProject", "petstore-api");
    }

    // ---------------------------------------------------------------- case 4: a 409 after a retried POST

    @ParameterizedTest
    @MethodSource("kinds")
    void should_succeed_when_the_409_shows_its_own_earlier_attempt(String kind) throws Exception {
        String name = "mine-" + kind;
        sandbox.setFaults("reset=after-headers,method=POST");
        Cli cli = Cli.cli().onSleep((i, d) -> sandbox.setFaults(""));
        CliResult r = write(cli, "create", kind, name, "the same", "--retry-non-idempotent");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.err().contains("holds what mgmt sent: applied by an earlier attempt of this command"),
            r.describe());
        assertEquals(List.of("POST", "POST", "GET"), sandbox.ownRequests().stream().map(e -> e.method()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy", "endpoint", "connection", "env-var", "proxy-group", "keystore", "key", "jwk"})
    void should_exit_7_naming_the_fields_when_the_409_shows_another_object(String kind) throws Exception {
        String name = "theirs-" + kind;
        assertEquals(0, write(Cli.cli(), "create", kind, name, "b").exitCode());
        sandbox.requests().clear();
        sandbox.setFaults("burst=500x1,method=POST");
        CliResult r = write(Cli.cli(), "create", kind, name, "a", "--retry-non-idempotent");
        assertEquals(7, r.exitCode(), r.describe());
        assertTrue(r.err().contains("409 duplicate_name"), r.describe());
        assertTrue(r.err().contains("exists with different values: description ('a' here, 'b' on the manager); a real "
            + "conflict"), r.describe());
        assertFalse(r.err().contains("may or may not"), "the read settled it: " + r.describe());
    }

    @Test
    void should_compare_a_credential_without_its_password() throws Exception {
        assertEquals(0, write(Cli.cli(), "create", "credential", "theirs-cred", "Their Name").exitCode());
        sandbox.setFaults("burst=500x1,method=POST");
        CliResult r = write(Cli.cli(), "create", "credential", "theirs-cred", "My Name", "--retry-non-idempotent");
        assertEquals(7, r.exitCode(), r.describe());
        assertTrue(r.err().contains("exists with different values: fullName ('My Name' here, 'Their Name' on the "
            + "manager)"), r.describe());
        assertFalse(r.err().contains("Secret-123"), "a password the read does not show is not compared or printed");
    }
}
