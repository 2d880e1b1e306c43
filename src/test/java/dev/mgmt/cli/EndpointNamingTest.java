package dev.mgmt.cli;

import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A path alone names one endpoint per method, so every result line names an endpoint as apply does,
 * {@code endpoint/GET /pets}: create, set, delete (real and dry run) and apply alike.
 */
class EndpointNamingTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    static Cli cli() {
        return sandbox.cli().env("MGMT_PROJECT", "MyProject");
    }

    static String run(Cli cli, String... args) {
        CliResult r = cli.run(args);
        assertEquals(0, r.exitCode(), r.describe());
        return r.out();
    }

    static String apply() {
        return run(cli().stdin("kind: endpoint\nproxy: petstore-api\nendpoint: /named\nhttpMethod: GET\nactive: true\n"
            + "backendResourceUrl: /named\nbackendHttpMethod: GET\n"), "apply", "-f", "-");
    }

    @Test
    void should_name_an_endpoint_by_method_and_path_in_every_command() {
        assertEquals("endpoint/GET /named created\n", run(cli().stdin("name: /named\nhttpMethod: GET\n"
            + "backendResourceUrl: /named\nbackendHttpMethod: GET\n"), "create", "endpoint", "-f", "-",
            "--proxy", "petstore-api"));
        assertEquals("endpoint/GET /named unchanged\n", apply());
        assertEquals("endpoint/GET /named status set to false (dry run)\n",
            run(cli(), "set", "endpoint", "/named", "status", "false", "--method", "get", "--dry-run",
                "--proxy", "petstore-api"));
        assertEquals("endpoint/GET /named status set to false\n",
            run(cli(), "set", "endpoint", "/named", "status", "false", "--method", "get", "--proxy", "petstore-api"));
        assertEquals("endpoint/GET /named configured\n", apply());
        assertEquals("endpoint/GET /named\n",
            run(cli(), "set", "endpoint", "/named", "status", "true", "--method", "GET", "-o", "name",
                "--proxy", "petstore-api"));
        assertEquals("endpoint/GET /named deleted (dry run)\n",
            run(cli(), "delete", "endpoint", "/named", "--method", "GET", "--dry-run", "--proxy", "petstore-api"));
        assertEquals("endpoint/GET /named deleted\n",
            run(cli(), "delete", "endpoint", "/named", "--method", "GET", "--yes", "--proxy", "petstore-api"));
        assertEquals("endpoint/GET /named created\n", apply());
    }
}
