package dev.mgmt.diagnose;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import dev.mgmt.testing.TestServer.Reply;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A manager that issues opaque (non-JWT) tokens and accepts this one is a healthy setup. */
class DoctorOpaqueTokenTest extends ServerTest {
    private static final String OPAQUE = "pat_4f9c2a7d0b1e4c8f9a6d3e2b1c0f9e8d";

    @Test
    void should_exit_0_when_the_server_accepts_an_opaque_token() {
        server.on("test/healthcheck/", Reply.of(200, "text/plain", "OK"));
        server.on("test/hello/mgmt/", Reply.of(200, "text/plain", "Hello mgmt"));
        CliResult r = cli().clock(Clock.systemUTC()).env("MGMT_TOKEN", OPAQUE).run("--url", server.url(), "doctor");
        assertExit(0, r);
        assertTrue(r.out().contains("[ok] token validity (local decode): not a JWT (an opaque token)"), r.describe());
        assertTrue(r.out().contains("[ok] token accepted (GET test/hello/mgmt)"), r.describe());
        assertFalse(r.out().contains(OPAQUE), r.describe());
    }
}
