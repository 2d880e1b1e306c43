package dev.mgmt.real;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.Locust;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.mgmt.real.Expect.exit;
import static dev.mgmt.real.Expect.lacks;
import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An exported scenario under a real Locust in distributed mode (Debian's python3-locust): a master
 * with the host and no token, two workers with the token and no host, on loopback against the sandbox.
 */
class LocustIT {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    @TempDir
    Path dir;

    private Path export(Path scenario, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("exercise", scenario.toString(), "--export", "locust",
            "-p", "MyProject"));
        args.addAll(List.of(more));
        CliResult r = cli().env("MGMT_URL", sandbox.url()).env("MGMT_TOKEN", sandbox.adminToken())
            .run(args.toArray(String[]::new));
        exit(r, 0);
        lacks(r.out(), r, sandbox.adminToken(), sandbox.url());
        Path file = dir.resolve("locustfile.py");
        Files.write(file, r.outBytes());
        return file;
    }

    @Test
    void aPassingScenarioRunsOnTwoWorkersWithoutFailures() throws Exception {
        Path file = export(Path.of("examples/read-only.yaml"), "-e", "production");
        Locust.Stats stats = Locust.distributed(dir, file, sandbox.url(), sandbox.adminToken(), 2, 4, 5);
        assertEquals(0, stats.masterExit(), stats.masterLog());
        assertTrue(stats.requests("Aggregated") > 7, stats.masterLog());
        assertEquals(0, stats.failures("Aggregated"), stats.failures());
        for (String step : List.of("manager is up", "proxy is listed once", "proxy details match the list",
            "an unknown proxy is reported as missing")) {
            assertTrue(stats.requests(step) > 0, step + " was not sent:\n" + stats.rows().keySet());
        }
        assertTrue(!stats.masterLog().contains("pre 2.0"), stats.masterLog());
    }

    @Test
    void theLifecycleScenarioRunsAsTwoUsersWithoutCollisions() throws Exception {
        Path file = export(Path.of("examples/proxy-lifecycle.yaml"), "-e", "staging");
        Locust.Stats stats = Locust.distributed(dir, file, sandbox.url(), sandbox.adminToken(), 2, 2, 5);
        assertEquals(0, stats.masterExit(), stats.masterLog());
        assertEquals(0, stats.failures("Aggregated"), stats.failures());
        for (String step : List.of("the name is free", "create the proxy", "deploy to ${environment}", "delete the proxy",
            "it is gone")) {
            assertTrue(stats.requests(step) > 1, step + " was not sent by both users:\n" + stats.rows().keySet());
        }
    }

    @Test
    void aBrokenExpectationIsALocustFailure() throws Exception {
        Path scenario = dir.resolve("broken.yaml");
        Files.writeString(scenario, String.join("\n",
            "name: broken \"expectation\"",
            "steps:",
            "  - name: the first proxy",
            "    path: projects/${project}/apiProxies/",
            "    capture:",
            "      proxy: $.resultList[0].name",
            "  - name: its name is \"${proxy}\" ü",
            "    path: projects/${project}/apiProxies/${proxy}/",
            "    expect:",
            "      body:",
            "        - {path: $.name, equals: \"not-${proxy}\"}",
            "  - name: never reached",
            "    path: projects/",
            ""));
        Path file = export(scenario);
        Locust.Stats stats = Locust.distributed(dir, file, sandbox.url(), sandbox.adminToken(), 2, 2, 3);
        assertEquals(1, stats.masterExit(), stats.masterLog());
        assertEquals(0, stats.failures("the first proxy"), stats.failures());
        long broken = stats.failures("its name is \"${proxy}\" ü");
        assertTrue(broken > 0, stats.rows().keySet() + "\n" + stats.failures());
        assertEquals(broken, stats.requests("its name is \"${proxy}\" ü"), "every pass breaks the expectation");
        assertEquals(0, stats.requests("never reached"), "a failed step stops the pass");
        assertTrue(stats.failures().contains("line 11: $.name is \"\"petstore-api\"\", expected \"\"not-petstore-api\"\"")
            || stats.failures().matches("(?s).*line 11: \\$\\.name is \"\"[^\"]+\"\", expected \"\"not-.*"), stats.failures());
        assertTrue(!stats.failures().contains(sandbox.adminToken()), "the token is not in the report");
    }
}
