package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.mgmt.testing.Golden.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GetCommandTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    static Cli cli() {
        return sandbox.cli();
    }

    static CliResult run(String... args) {
        return cli().run(args);
    }

    @Test
    void should_print_projects_as_an_aligned_table() {
        CliResult r = run("get", "projects");
        assertEquals(0, r.exitCode(), r.describe());
        assertMatches("get-projects.txt", r.out());
        assertEquals("", r.err());
    }

    @Test
    void should_accept_singular_plural_and_alias_kind_names() {
        String plural = run("get", "projects").out();
        assertEquals(plural, run("get", "project").out().isEmpty() ? "" : plural);
        assertEquals(run("get", "environments").out(), run("get", "env").out());
        assertEquals(run("get", "proxies", "-p", "MyProject").out(), run("get", "apiproxy", "-p", "MyProject").out());
    }

    @Test
    void should_print_json_yaml_and_name_formats() {
        assertMatches("get-projects.json", run("get", "projects", "-o", "json").out());
        assertMatches("get-projects.yaml", run("get", "projects", "-o", "yaml").out());
        assertEquals("MyProject\nPayments-API\ndemo\n", run("get", "projects", "-o", "name").out());
        assertMatches("get-environments-wide.txt", run("get", "environments", "-o", "wide").out());
    }

    @Test
    void should_print_one_object_not_a_list_for_a_named_get() throws Exception {
        CliResult r = run("get", "project", "MyProject", "-o", "json");
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode node = new ObjectMapper().readTree(r.out());
        assertTrue(node.isObject(), r.describe());
        assertEquals("MyProject", node.get("name").asText());
    }

    @Test
    void should_get_a_proxy_by_name_through_its_get_endpoint() {
        CliResult r = run("get", "proxy", "petstore-api", "-p", "MyProject");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().startsWith("NAME"), r.describe());
        assertTrue(r.out().contains("petstore-api"), r.describe());
    }

    @Test
    void should_exit_6_and_suggest_the_same_name_in_another_case() {
        CliResult r = run("get", "project", "myproject");
        assertEquals(6, r.exitCode(), r.describe());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: no project 'myproject'; did you mean 'MyProject'?"), r.describe());
    }

    @Test
    void should_suggest_a_near_miss_when_a_proxy_name_is_misspelt() {
        CliResult r = run("get", "proxy", "petstore-apii", "-p", "MyProject");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: 404 not_found — ApiProxy (name: petstore-apii) was not found; "
            + "did you mean 'petstore-api'?\n"), r.describe());
        assertEquals(1, r.err().split("did you mean", -1).length - 1, "the suggestion is said once\n" + r.describe());
        assertFalse(r.err().contains("closest"), "nor again in other words\n" + r.describe());
        assertTrue(r.err().contains("[FAIL] proxy 'petstore-apii' exists in project 'MyProject': no proxy named "
            + "'petstore-apii'\n"), r.describe());
        assertFalse(r.err().contains("context path"), "the URL check passed, so no context-path hint\n" + r.describe());
    }

    @Test
    void should_keep_the_suggestion_in_the_one_quiet_line() {
        CliResult r = run("--quiet", "get", "proxy", "Petstore-API", "-p", "MyProject");
        assertEquals(6, r.exitCode(), r.describe());
        assertEquals("error: 404 not_found — ApiProxy (name: Petstore-API) was not found; did you mean 'petstore-api'?\n",
            r.err(), r.describe());
    }

    @Test
    void should_print_nothing_and_say_so_on_stderr_for_an_empty_list() {
        CliResult r = run("get", "proxies", "-p", "demo");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("", r.out());
        assertEquals("No proxies found in project 'demo'.\n", r.err());
        CliResult json = run("get", "proxies", "-p", "demo", "-o", "json");
        assertEquals("[]\n", json.out(), json.describe());
        assertEquals("", json.err());
    }

    @Test
    void should_require_a_project_for_project_kinds_and_send_nothing() {
        long before = sandbox.requests().count();
        CliResult r = run("get", "proxies");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: proxies live in a project: pass -p/--project NAME"), r.describe());
        assertEquals(before, sandbox.requests().count());
    }

    @Test
    void should_require_a_credential_for_access_in_words_that_agree_and_send_nothing() {
        long before = sandbox.requests().count();
        CliResult r = run("get", "access", "-p", "MyProject");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: access belongs to a credential: pass --credential USERNAME\n"),
            r.describe());
        assertEquals(before, sandbox.requests().count());
    }

    @Test
    void should_require_a_proxy_for_endpoints() {
        CliResult r = run("get", "endpoints", "-p", "MyProject");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("pass --proxy NAME"), r.describe());
    }

    @Test
    void should_reject_an_unknown_kind_with_a_suggestion() {
        CliResult r = run("get", "projcts");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: unknown resource kind 'projcts'; did you mean 'projects'?"), r.describe());
    }

    @Test
    void should_exit_4_without_a_token_and_send_nothing() {
        long before = sandbox.requests().count();
        CliResult r = Cli.cli().env("MGMT_URL", sandbox.url()).run("get", "projects");
        assertEquals(4, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: no token"), r.describe());
        assertEquals(before, sandbox.requests().count());
    }

    @Test
    void should_filter_with_a_jsonpath_query() {
        CliResult r = run("get", "proxies", "-p", "MyProject", "-q", "$[?(@.type == 'SOAP')].name", "-o", "name");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("Address\n", r.out());
        CliResult json = run("get", "projects", "-q", "$[0].name");
        assertEquals("\"MyProject\"\n", json.out(), json.describe());
    }

    /** kubectl users expect a filter to narrow the table, not to turn it into JSON. */
    @Test
    void should_keep_the_table_when_a_query_keeps_whole_objects() {
        CliResult table = run("get", "proxies", "-p", "MyProject", "-q", "$[?(@.type == 'SOAP')]");
        assertEquals(0, table.exitCode(), table.describe());
        assertEquals(List.of("NAME      TYPE   RELATIVE-PATH", "Address   SOAP   /address"), table.out().lines().toList(), table.describe());
        CliResult wide = run("get", "proxies", "-p", "MyProject", "-q", "$[?(@.type == 'SOAP')]", "-o", "wide");
        assertTrue(wide.out().startsWith("NAME      TYPE   RELATIVE-PATH   SOAP-TO-REST"), wide.describe());
        CliResult names = run("get", "proxies", "-p", "MyProject", "-q", "$[?(@.type == 'SOAP')]", "-o", "name");
        assertEquals("Address\n", names.out(), names.describe());
        CliResult columns = run("get", "proxy", "Address", "-p", "MyProject", "-q", "$", "-o", "custom-columns=N:.name");
        assertEquals("N\nAddress\n", columns.out(), columns.describe());
        CliResult json = run("get", "proxies", "-p", "MyProject", "-q", "$[?(@.type == 'SOAP')]", "-o", "json");
        assertTrue(json.out().startsWith("[\n  {\n    \"name\": \"Address\""), json.describe());
    }

    @Test
    void should_print_a_query_result_as_yaml_with_o_yaml() {
        CliResult list = run("get", "projects", "-q", "$[*].name", "-o", "yaml");
        assertEquals(0, list.exitCode(), list.describe());
        assertEquals("- MyProject\n- Payments-API\n- demo\n", list.out(), list.describe());
        CliResult object = run("get", "projects", "-q", "$[0]", "-o", "yaml");
        assertEquals(0, object.exitCode(), object.describe());
        assertEquals("name: MyProject\ndescription: Customer-facing APIs\n", object.out(), object.describe());
    }

    @Test
    void should_reject_a_bad_query_before_sending() {
        long before = sandbox.requests().count();
        CliResult r = run("get", "projects", "-q", "$[?(@.name ==");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: invalid -q expression"), r.describe());
        assertEquals(before, sandbox.requests().count());
    }

    @Test
    void should_list_every_connection_type_when_no_type_is_given() {
        CliResult all = run("get", "connections", "-p", "MyProject", "-o", "name");
        assertEquals(0, all.exitCode(), all.describe());
        assertTrue(all.out().contains("notify-mail") && all.out().contains("events-kafka"), all.describe());
        CliResult kafka = run("get", "connections", "-p", "MyProject", "--type", "kafka", "-o", "name");
        assertEquals("events-kafka\n", kafka.out(), kafka.describe());
    }

    @Test
    void should_fit_the_table_to_the_terminal_width_and_bold_the_header_with_colour() {
        CliResult r = cli().env("COLUMNS", "50").terminal(true, false)
            .run("get", "environments", "--color", "always");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().startsWith("\u001B[1m"), r.describe());
        for (String line : r.out().replaceAll("\u001B\\[[0-9;]*m", "").split("\n")) {
            assertTrue(line.length() <= 50, "line too long: " + line);
        }
        CliResult plain = run("get", "projects");
        assertFalse(plain.out().contains("\u001B"), plain.describe());
    }

    @Test
    void should_leave_out_a_column_rather_than_cut_its_header() {
        for (String columns : new String[] {"60", "80", "200"}) {
            CliResult r = cli().env("COLUMNS", columns).terminal(true, false)
                .run("get", "proxies", "-p", "MyProject", "-o", "wide", "--color", "never");
            assertEquals(0, r.exitCode(), r.describe());
            String header = r.out().substring(0, r.out().indexOf('\n'));
            assertTrue(header.startsWith("NAME "), r.describe());
            assertFalse(header.contains("…"), columns + ": " + r.describe());
            assertTrue(header.length() <= Integer.parseInt(columns), r.describe());
        }
    }

    /** A name mgmt did not find in the list has no HTTP status: the JSON error object has no "status" key. */
    @Test
    void should_leave_the_status_out_of_the_error_object_of_a_name_not_in_the_list() {
        CliResult r = run("get", "projects", "nosuch", "-o", "json");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: no project 'nosuch'\n"), r.describe());
        JsonNode e = r.errorObject();
        assertFalse(e.has("status"), r.describe());
        assertEquals("not_found", e.path("error").asText(), r.describe());
        assertEquals("no project 'nosuch'", e.path("error_description").asText(), r.describe());
    }

    /** ESC[21m is double underline on most terminals; bold ends with ESC[22m, normal intensity. */
    @Test
    void should_end_the_bold_header_with_normal_intensity() {
        CliResult r = run("get", "projects", "--color", "always");
        assertEquals(0, r.exitCode(), r.describe());
        String header = r.out().substring(0, r.out().indexOf('\n'));
        assertTrue(header.startsWith("\u001B[1mNAME "), r.describe());
        assertTrue(header.endsWith("DESCRIPTION\u001B[22m\u001B[0m"), r.describe());
        assertFalse(r.out().contains("\u001B[21m"), r.describe());
    }

    @Test
    void should_list_the_api_proxy_report_across_projects() {
        CliResult r = run("get", "reports", "-o", "name");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("petstore-api\n") && r.out().contains("payments\n"), r.describe());
        assertEquals("/apiops/reports/api-proxies", sandbox.requests().last().path(), "documented without a slash");
    }

    @Test
    void should_print_empty_arrays_and_objects_as_jq_does() {
        CliResult r = run("api", "reports/organization-api-data-model-access", "--exact-path");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("\"accessList\": []"), r.describe());
        assertFalse(r.out().contains("[ ]"), r.describe());
    }
}
