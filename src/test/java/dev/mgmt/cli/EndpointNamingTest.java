package dev.mgmt.cli;

import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A path alone names one endpoint per method, so every result line names an endpoint as apply does,
 * {@code endpoint/GET /pets}: create, set, delete (real and dry run) and apply alike. That name, and what
 * -o name prints, are taken back by every command that takes an endpoint.
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

    static String created(String path) {
        return run(cli().stdin("name: " + path + "\nhttpMethod: POST\nbackendResourceUrl: /b\nbackendHttpMethod: POST\n"),
            "create", "endpoint", "-f", "-", "--proxy", "petstore-api");
    }

    @Test
    void should_print_method_and_path_for_o_name_so_the_lines_can_be_fed_back() {
        String names = run(cli(), "get", "endpoints", "--proxy", "petstore-api", "-o", "name");
        assertTrue(names.contains("GET /pets\nPOST /pets\n"), names);
        for (String line : names.split("\n")) {
            String shown = run(cli(), "get", "endpoint", line, "--proxy", "petstore-api", "-o", "name");
            assertEquals(line + "\n", shown);
        }
    }

    @Test
    void should_get_set_and_delete_an_endpoint_by_the_name_a_result_printed() {
        assertEquals("endpoint/POST /fed created\n", created("/fed"));
        String json = run(cli(), "get", "endpoint", "post /fed", "--proxy", "petstore-api", "-o", "json");
        assertTrue(json.contains("\"httpMethod\": \"POST\"") && json.contains("\"endpoint\": \"/fed\""), json);
        assertEquals("POST /fed\n",
            run(cli(), "get", "endpoint", "/fed", "--method", "POST", "--proxy", "petstore-api", "-o", "name"));
        assertEquals("endpoint/POST /fed status set to false\n",
            run(cli(), "set", "endpoint", "POST /fed", "status", "false", "--proxy", "petstore-api"));
        assertEquals("endpoint/POST /fed updated\n", run(cli().stdin("backendResourceUrl: /c\nbackendHttpMethod: POST\n"),
            "update", "endpoint", "POST /fed", "-f", "-", "--proxy", "petstore-api", "--no-validate"));
        CliResult wrongMethod = cli().run("delete", "endpoint", "GET /fed", "--yes", "--proxy", "petstore-api");
        assertEquals(6, wrongMethod.exitCode(), wrongMethod.describe());
        assertTrue(wrongMethod.err().startsWith("error: no endpoint 'GET /fed' in proxy 'petstore-api'"),
            wrongMethod.err());
        assertEquals("endpoint/POST /fed deleted\n",
            run(cli(), "delete", "endpoint", "POST /fed", "--yes", "--proxy", "petstore-api"));
        assertEquals("POST /pets\n", run(cli(), "get", "endpoint", "/pets", "--proxy", "petstore-api", "-o", "name",
            "--method", "post"));
    }

    /** A name and a --method (or a file) that disagree: one line, exit 2, nothing sent. */
    @Test
    void should_refuse_two_different_methods_sending_nothing() {
        sandbox.requests().clear();
        String[][] cases = {
            {"get", "endpoint", "GET /pets", "--method", "POST"},
            {"delete", "endpoint", "GET /pets", "--method", "post", "--yes"},
            {"set", "endpoint", "GET /pets", "status", "false", "--method", "PUT"},
            {"edit", "endpoint", "GET /pets", "--method", "DELETE"}};
        for (String[] c : cases) {
            CliResult r = cli().run(with(c, "--proxy", "petstore-api"));
            assertEquals(2, r.exitCode(), r.describe());
            assertEquals("error: endpoint 'GET /pets' and --method " + c[c.length - (c[0].equals("delete") ? 2 : 1)]
                + " name different methods; give one of them\n", r.err());
        }
        CliResult file = cli().stdin("name: /pets\nhttpMethod: POST\n").run("update", "endpoint", "GET /pets", "-f", "-",
            "--proxy", "petstore-api");
        assertEquals(2, file.exitCode(), file.describe());
        assertEquals("error: NAME 'GET /pets' differs from 'httpMethod: POST' in the file; give one method\n",
            file.err());
        CliResult unknown = cli().run("get", "endpoint", "FETCH /pets", "--proxy", "petstore-api");
        assertEquals(2, unknown.exitCode(), unknown.describe());
        assertTrue(unknown.err().startsWith("error: invalid method 'FETCH' in endpoint 'FETCH /pets': expected one of "
            + "GET, POST"), unknown.err());
        CliResult listed = cli().run("get", "endpoints", "--method", "FETCH", "--proxy", "petstore-api");
        assertEquals(2, listed.exitCode(), listed.describe());
        assertTrue(listed.err().startsWith("error: invalid --method 'FETCH': expected one of GET, POST"), listed.err());
        assertEquals(0, sandbox.ownRequests().size());
    }

    /** Without a path, --method narrows the list, in every output form; none left says so on stderr. */
    @Test
    void should_list_only_the_endpoints_of_the_method_given() {
        // Other tests of this class add endpoints of their own to the same proxy.
        String names = run(cli(), "get", "endpoints", "--method", "get", "--proxy", "petstore-api", "-o", "name");
        assertTrue(names.startsWith("GET /pets\nGET /pets/{petId}\n"), names);
        assertTrue(names.lines().allMatch(l -> l.startsWith("GET /")), names);
        String table = run(cli(), "get", "endpoints", "--method", "POST", "--proxy", "petstore-api");
        assertTrue(table.startsWith("METHOD") && table.contains("POST") && !table.contains("GET "), table);
        // Columns that leave the method out: the list still reads it to filter by.
        String paths = run(cli(), "get", "endpoints", "--method", "POST", "--proxy", "petstore-api", "-o",
            "custom-columns=PATH:.endpoint", "--no-headers");
        assertEquals("/pets\n", paths.lines().filter(l -> l.startsWith("/pets")).collect(
            java.util.stream.Collectors.joining("\n", "", "\n")));
        String methods = run(cli(), "get", "endpoints", "--method", "GET", "--proxy", "petstore-api", "-o", "json",
            "-q", "$[*].httpMethod");
        assertTrue(methods.contains("\"GET\"") && !methods.contains("POST"), methods);
        String yaml = run(cli(), "get", "endpoints", "--method", "POST", "--proxy", "petstore-api", "-o", "yaml");
        assertTrue(yaml.contains("kind: endpoint") && yaml.contains("httpMethod: POST") && !yaml.contains("httpMethod: GET"),
            yaml);
        CliResult none = cli().run("get", "endpoints", "--method", "TRACE", "--proxy", "petstore-api");
        assertEquals(0, none.exitCode(), none.describe());
        assertEquals("", none.out());
        assertEquals("No endpoints of method TRACE found in proxy 'petstore-api' of project 'MyProject'.\n", none.err());
    }

    private static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
