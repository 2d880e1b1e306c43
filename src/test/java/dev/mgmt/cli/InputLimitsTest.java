package dev.mgmt.cli;

import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Each input mgmt reads whole has a documented size limit, checked while reading: one byte over
 * it, or an endless device, is exit 2 with one line naming the input and the limit, quickly, and
 * nothing reaches the server.
 */
class InputLimitsTest extends ServerTest {
    private static final int KIB = 1024;
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    /** A sparse file of zeros one byte over the limit: instant to make, no disk used. */
    private Path justOver(String name, int limit) throws IOException {
        Path f = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(limit + 1L);
        }
        return f;
    }

    private Cli authed() {
        return cli().env("MGMT_URL", server.url()).env("MGMT_TOKEN", "t0ken-abcd");
    }

    private static CliResult within10s(Supplier<CliResult> run) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), run::get);
    }

    private void assertRefused(CliResult r, String headline) {
        assertExit(2, r);
        assertStdoutEmpty(r);
        assertNothingSent(r);
        assertEquals("error: " + headline, lines(r.err()).get(0), r.describe());
    }

    @Test
    void a_data_file_over_64_mib_or_dev_zero_is_refused() throws IOException {
        Path f = justOver("body.json", 64 * MIB);
        assertRefused(within10s(() -> authed().run("api", "POST", "projects/", "-d", "@" + f)),
            "file '" + f + "' is larger than 64 MiB, the limit for a request body");
        assertRefused(within10s(() -> authed().run("api", "POST", "projects/", "-d", "@/dev/zero")),
            "file '/dev/zero' is larger than 64 MiB, the limit for a request body");
    }

    @Test
    void a_body_on_stdin_over_64_mib_is_refused() {
        byte[] body = new byte[64 * MIB + 1];
        assertRefused(within10s(() -> authed().stdin(body).run("api", "POST", "projects/", "-d", "@-")),
            "the request body from stdin is larger than 64 MiB, the limit for a request body");
        assertRefused(within10s(() -> authed().stdin(body).run("create", "proxy", "-p", "p", "-f", "-")),
            "the request body from stdin is larger than 64 MiB, the limit for a request body");
    }

    @Test
    void a_create_file_over_64_mib_or_dev_zero_is_refused() throws IOException {
        Path f = justOver("proxy.yaml", 64 * MIB);
        assertRefused(within10s(() -> authed().run("create", "proxy", "-p", "p", "-f", f.toString())),
            "file '" + f + "' is larger than 64 MiB, the limit for a request body");
        assertRefused(within10s(() -> authed().run("create", "proxy", "-p", "p", "-f", "/dev/zero")),
            "file '/dev/zero' is larger than 64 MiB, the limit for a request body");
    }

    @Test
    void an_archive_over_64_mib_is_refused() throws IOException {
        Path f = justOver("big.zip", 64 * MIB);
        assertRefused(within10s(() -> authed().run("import", "proxy", "-p", "p", "-f", f.toString())),
            "'" + f + "' is larger than 64 MiB, the limit for a request body");
    }

    @Test
    void a_token_file_over_64_kib_or_dev_urandom_is_refused() throws IOException {
        Path f = justOver("token", 64 * KIB);
        Cli c = cli().env("MGMT_URL", server.url());
        assertRefused(within10s(() -> c.run("--token-file", f.toString(), "api", "projects/")),
            "token file '" + f + "' (--token-file) is larger than 64 KiB, the limit for a token or password");
        assertRefused(within10s(() -> cli().env("MGMT_URL", server.url()).run("--token-file", "/dev/urandom", "api",
            "projects/")), "token file '/dev/urandom' (--token-file) is larger than 64 KiB, the limit for a token or password");
        assertRefused(within10s(() -> cli().env("MGMT_URL", server.url()).env("MGMT_TOKEN_FILE", "/dev/zero")
                .run("api", "projects/")),
            "token file '/dev/zero' (MGMT_TOKEN_FILE) is larger than 64 KiB, the limit for a token or password");
        assertRefused(within10s(() -> cli().env("MGMT_URL", server.url()).stdin(new byte[64 * KIB + 1])
                .run("--token-file", "-", "api", "projects/")),
            "token file '-' (--token-file) is larger than 64 KiB, the limit for a token or password");
    }

    @Test
    void a_config_file_over_1_mib_or_dev_zero_is_refused() throws IOException {
        Path f = justOver("config.yaml", MIB);
        assertRefused(within10s(() -> authed().run("--config", f.toString(), "api", "projects/")),
            "config file " + f + " is larger than 1 MiB, the limit for a config file");
        assertRefused(within10s(() -> authed().run("--config", "/dev/zero", "api", "projects/")),
            "config file /dev/zero is larger than 1 MiB, the limit for a config file");
    }

    @Test
    void a_ca_bundle_over_1_mib_or_dev_zero_is_refused_and_does_not_hang() throws IOException {
        Path f = justOver("ca.pem", MIB);
        assertRefused(within10s(() -> authed().run("--cacert", f.toString(), "api", "projects/")),
            "--cacert '" + f + "' is larger than 1 MiB, the limit for a CA bundle");
        assertRefused(within10s(() -> authed().env("MGMT_CACERT", "/dev/zero").run("api", "projects/")),
            "--cacert '/dev/zero' is larger than 1 MiB, the limit for a CA bundle");
    }

    @Test
    void a_scenario_over_16_mib_is_refused() throws IOException {
        Path f = justOver("big.yaml", 16 * MIB);
        assertRefused(within10s(() -> authed().run("exercise", f.toString())),
            "scenario '" + f + "' is larger than 16 MiB, the limit for a scenario");
    }

    @Test
    void a_scenario_body_file_of_dev_zero_is_refused_before_the_first_step() throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "steps:\n  - method: POST\n    path: projects/\n    bodyFile: /dev/zero\n");
        CliResult r = within10s(() -> authed().run("exercise", f.toString()));
        assertExit(2, r);
        assertNothingSent(r);
        assertErrContains(r, "bodyFile '/dev/zero': file '/dev/zero' is larger than 64 MiB, the limit for a request body");
    }

    @Test
    void sandbox_data_over_16_mib_or_dev_zero_is_refused() throws IOException {
        Path f = justOver("data.yaml", 16 * MIB);
        CliResult r = within10s(() -> cli().run("sandbox", "--once", "--data", f.toString()));
        assertExit(2, r);
        assertStdoutEmpty(r);
        assertEquals("error: sandbox data file " + f + " is larger than 16 MiB, the limit for sandbox data",
            lines(r.err()).get(0), r.describe());
        r = within10s(() -> cli().run("sandbox", "--once", "--data", "/dev/zero"));
        assertExit(2, r);
        assertEquals("error: sandbox data file /dev/zero is larger than 16 MiB, the limit for sandbox data",
            lines(r.err()).get(0), r.describe());
    }

    @Test
    void a_config_file_exactly_at_the_limit_is_read() throws IOException {
        Path f = dir.resolve("config.yaml");
        Files.writeString(f, "#" + "x".repeat(MIB - 2) + "\n");
        server.on("projects/", dev.mgmt.testing.TestServer.Reply.json(200, "{\"resultList\":[],\"resultCount\":0}"));
        CliResult r = authed().run("--config", f.toString(), "api", "projects/");
        assertExit(0, r);
        assertEquals(1, server.requests().size(), r.describe());
    }
}
