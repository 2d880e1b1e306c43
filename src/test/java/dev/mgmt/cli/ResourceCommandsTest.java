package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgmt.sandbox.RequestLog;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** create / update / delete / deploy / undeploy / export / import against the sandbox. */
class ResourceCommandsTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    @BeforeEach
    void clean() {
        sandbox.setFaults("");
        sandbox.requests().clear();
    }

    static Cli cli() {
        return sandbox.cli().env("MGMT_PROJECT", "MyProject");
    }


    static final String PROXY_YAML = String.join("\n",
        "apiProxyName: NAME",
        "apiProxyDescription: Orders",
        "apiProxyCreationType: OPEN_API",
        "specUrl: https://example.test/openapi.json",
        "clientRoute:",
        "  relativePathList: [\"/PATH\"]",
        "deploy: false", "");

    static Path proxyFile(Path dir, String name) throws Exception {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, PROXY_YAML.replace("NAME", name).replace("PATH", name));
        return f;
    }

    @Test
    void should_create_a_proxy_from_yaml_and_then_get_it(@TempDir Path dir) throws Exception {
        CliResult r = cli().run("create", "proxy", "-f", proxyFile(dir, "orders-a").toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("proxy/orders-a created\n", r.out());
        RequestLog.Entry post = sandbox.ownRequests().get(0);
        assertEquals("POST", post.method());
        assertEquals("/apiops/projects/MyProject/apiProxies/url/", post.path());
        assertTrue(post.bodyText().startsWith("{\"apiProxyName\":\"orders-a\""), post.bodyText());
        CliResult get = cli().run("get", "proxy", "orders-a", "-o", "name");
        assertEquals("orders-a\n", get.out(), get.describe());
    }

    @Test
    void should_read_the_body_from_stdin() {
        CliResult r = cli().stdin(PROXY_YAML.replace("NAME", "orders-stdin").replace("PATH", "stdin"))
            .run("create", "proxy", "-f", "-", "-o", "json");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("\"success\""), r.describe());
    }

    @Test
    void should_refuse_a_body_that_fails_the_schema_naming_lines_and_send_nothing() {
        CliResult r = cli().run("create", "proxy", "-f", "src/test/resources/bodies/proxy-bad.yaml");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("proxy-bad.yaml:3: apiProxyCreationType: must be one of"), r.describe());
        assertTrue(r.err().contains("proxy-bad.yaml:7: deploy: must be a boolean"), r.describe());
        assertTrue(r.err().contains("\n  Nothing was sent"), r.describe());
        assertFalse(r.err().contains("\\u000a"), "each problem on a line of its own: " + r.describe());
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_send_an_invalid_body_with_no_validate_and_show_the_servers_answer() {
        CliResult r = cli().run("create", "proxy", "-f", "src/test/resources/bodies/proxy-bad.yaml", "--no-validate");
        assertEquals(3, r.exitCode(), r.describe());
        assertEquals(1, sandbox.ownRequests().size());
        assertTrue(r.err().startsWith("error: 400 "), r.describe());
    }

    @Test
    void should_reject_invalid_json_with_line_and_column(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\n  \"name\": \"x\",\n}\n");
        CliResult r = cli().run("create", "connection", "-f", f.toString());
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("line 3, column 1"), r.describe());
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_refuse_a_name_that_differs_from_the_file(@TempDir Path dir) throws Exception {
        CliResult r = cli().run("create", "proxy", "other-name", "-f", proxyFile(dir, "orders-b").toString());
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("NAME 'other-name' differs from 'apiProxyName: orders-b'"), r.describe());
    }

    @Test
    void should_exit_7_when_the_name_already_exists(@TempDir Path dir) throws Exception {
        Path f = proxyFile(dir, "orders-dup");
        assertEquals(0, cli().run("create", "proxy", "-f", f.toString()).exitCode());
        CliResult again = cli().run("create", "proxy", "-f", f.toString(), "--quiet");
        assertEquals(7, again.exitCode(), again.describe());
        assertEquals(1, again.err().lines().count(), "--quiet keeps errors to one line: " + again.describe());
    }

    @Test
    void should_update_a_proxy(@TempDir Path dir) throws Exception {
        Path f = proxyFile(dir, "orders-up");
        assertEquals(0, cli().run("create", "proxy", "-f", f.toString()).exitCode());
        Files.writeString(f, Files.readString(f).replace("Orders", "Orders v2") + "reParse: true\n");
        CliResult r = cli().run("update", "proxy", "-f", f.toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("proxy/orders-up updated\n", r.out());
        assertEquals("PUT", sandbox.ownRequests().get(sandbox.ownRequests().size() - 1).method());
    }

    @Test
    void should_refuse_to_delete_without_a_terminal_or_yes_and_send_nothing() {
        CliResult r = cli().run("delete", "proxy", "Address");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("stdin is not a terminal"), r.describe());
        assertTrue(r.err().contains("--yes"), r.describe());
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_delete_with_yes_and_then_not_find_it(@TempDir Path dir) throws Exception {
        assertEquals(0, cli().run("create", "proxy", "-f", proxyFile(dir, "orders-del").toString()).exitCode());
        CliResult r = cli().run("delete", "proxy", "orders-del", "--yes");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("proxy/orders-del deleted\n", r.out());
        assertEquals(6, cli().run("get", "proxy", "orders-del", "--quiet").exitCode());
    }

    @Test
    void should_ask_on_a_terminal_and_stop_when_the_answer_is_no() {
        CliResult r = cli().stdin("n\n").stdinTerminal(true).run("delete", "proxy", "Address");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("Delete proxy 'Address' in project 'MyProject'? [y/N] "), r.describe());
        assertTrue(r.err().contains("not confirmed; nothing was changed"), r.describe());
        assertEquals(List.of("GET"), sandbox.ownRequests().stream().map(RequestLog.Entry::method).toList(),
            "only the check that it exists");
    }

    @Test
    void should_require_a_method_to_delete_an_endpoint() {
        CliResult r = cli().run("delete", "endpoint", "/pets", "--proxy", "petstore-api", "--yes");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("--method"), r.describe());
    }

    @Test
    void should_deploy_and_print_the_result_per_environment() {
        CliResult r = cli().run("deploy", "proxy", "petstore-api", "-e", "production");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().startsWith("ENVIRONMENT"), r.describe());
        assertTrue(r.out().contains("production"), r.describe());
        CliResult un = cli().run("undeploy", "proxy", "petstore-api", "-e", "production");
        assertEquals(0, un.exitCode(), un.describe());
        assertEquals("DELETE", sandbox.ownRequests().get(sandbox.ownRequests().size() - 1).method());
    }

    @Test
    void should_exit_11_when_a_deployment_fails_in_an_environment() {
        sandbox.setFaults("deployfail=staging");
        CliResult r = cli().run("deploy", "proxy", "petstore-api", "-e", "staging");
        assertEquals(11, r.exitCode(), r.describe());
        assertTrue(r.err().contains("failed: staging"), r.describe());
    }

    @Test
    void should_require_an_environment_to_deploy() {
        CliResult r = cli().run("deploy", "proxy", "petstore-api");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("-e/--environment"), r.describe());
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_export_a_zip_and_import_it_back(@TempDir Path dir) throws Exception {
        CliResult r = cli().run("export", "proxy", "petstore-api");
        assertEquals(0, r.exitCode(), r.describe());
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.outBytes()))) {
            assertNotNull(zip.getNextEntry(), "the export is a ZIP archive");
        }
        Path archive = dir.resolve("petstore.zip");
        Files.write(archive, r.outBytes());
        CliResult imported = cli().run("import", "proxy", "-f", archive.toString(), "-o", "json");
        assertEquals(0, imported.exitCode(), imported.describe());
        JsonNode body = new ObjectMapper().readTree(imported.out());
        assertTrue(body.isObject(), imported.describe());
        RequestLog.Entry post = sandbox.ownRequests().stream().filter(e -> e.method().equals("POST") && e.path().contains("/import")).findFirst()
            .orElseThrow();
        assertTrue(String.valueOf(post.header("Content-Type")).startsWith("multipart/form-data; boundary="), post + " " + sandbox.ownRequests());
    }

    @Test
    void should_report_the_name_the_server_gave_the_imported_proxy(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("petstore.zip");
        Files.write(archive, cli().run("export", "proxy", "petstore-api").outBytes());
        CliResult first = cli().run("import", "proxy", "-f", archive.toString());
        assertEquals(0, first.exitCode(), first.describe());
        assertTrue(first.out().matches("proxy/petstore-api_\\d+ imported\n"), first.describe());
        String name = first.out().substring("proxy/".length(), first.out().indexOf(' '));
        assertEquals(0, cli().run("get", "proxy", name).exitCode(), "the reported name exists");
        CliResult second = cli().run("import", "proxy", "-f", archive.toString());
        assertTrue(second.out().matches("proxy/petstore-api_\\d+ imported\n"), second.describe());
        assertFalse(second.out().contains(name + " "), "each import reports its own proxy\n" + second.describe());
    }

    @Test
    void should_print_an_import_as_the_multipart_form_curl_sends(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("pet; store.zip");
        Files.write(archive, cli().run("export", "proxy", "petstore-api").outBytes());
        CliResult r = cli().run("import", "proxy", "-f", archive.toString(), "--curl");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.err().contains(" -F 'apiProxyExportFile=@\"" + archive + "\";type=application/zip'"), r.describe());
        assertFalse(r.err().contains("--data-binary"), r.describe());
        assertFalse(r.err().contains("Content-Type: multipart"), "curl -F sets its own boundary\n" + r.describe());
    }

    @Test
    void should_not_export_to_a_terminal() {
        CliResult r = cli().terminal(true, false).run("export", "proxy", "petstore-api");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("--output-file"), r.describe());
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_create_the_shipped_example_proxy_as_it_is() {
        CliResult r = cli().run("create", "proxy", "-f", Path.of("examples/bodies/proxy.json").toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(0, cli().run("get", "proxy", "petstore-example").exitCode(), "created under its own name");
    }

    @Test
    void should_refuse_a_body_with_an_unexpanded_variable_and_send_nothing() {
        String template = Path.of("examples/bodies/proxy.template.json").toString();
        CliResult r = cli().run("create", "proxy", "-f", template);
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: file '" + template + "': '${name}' is not expanded"), r.describe());
        assertTrue(r.err().contains("write $${name} for a literal ${name}"), r.describe());
        assertEquals(0, sandbox.ownRequests().size(), "nothing is sent");
    }

    @Test
    void should_send_an_escaped_variable_as_a_literal(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("conn.json");
        Files.writeString(f, "{\"apiProxyName\": \"lit\", \"apiProxyDescription\": \"costs $${price}\"}");
        CliResult r = cli().run("create", "proxy", "-f", f.toString(), "--no-validate");
        RequestLog.Entry post = sandbox.ownRequests().stream().filter(e -> e.method().equals("POST")).findFirst()
            .orElseThrow(() -> new AssertionError(r.describe()));
        assertTrue(post.bodyText().contains("costs ${price}"), post.bodyText());
        assertFalse(post.bodyText().contains("$${"), post.bodyText());
    }

    @Test
    void should_refuse_to_import_a_file_that_is_not_a_zip(@TempDir Path dir) throws Exception {
        Path notZip = dir.resolve("proxy.zip");
        Files.writeString(notZip, "hello");
        CliResult r = cli().run("import", "proxy", "-f", notZip.toString());
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("is not a ZIP archive"), r.describe());
        Path json = dir.resolve("proxy.json");
        Files.writeString(json, "{}");
        assertEquals(2, cli().run("import", "proxy", "-f", json.toString()).exitCode());
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_point_the_servers_validation_errors_at_lines_of_the_file(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ep.yaml");
        Files.writeString(f, "name: /orders\ndescription: list orders\nhttpMethod: GETT\n");
        CliResult r = cli().run("create", "endpoint", "--proxy", "petstore-api", "-f", f.toString(), "--no-validate");
        assertEquals(3, r.exitCode(), r.describe());
        assertTrue(r.err().contains(f + ":3: httpMethod: "), r.describe());
        assertTrue(r.err().contains(f + ":1: backendResourceUrl: "), r.describe());
    }

    @Test
    void should_say_which_kinds_cannot_be_created() {
        CliResult r = cli().run("create", "project", "-f", "src/test/resources/bodies/proxy-bad.yaml");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("the API has no way to create projects"), r.describe());
    }
}
