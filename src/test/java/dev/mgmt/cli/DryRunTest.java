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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --dry-run on every command that changes something: reads only, the request shown, the real run's exit code. */
class DryRunTest {
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

    /** The methods the sandbox saw: a dry run shows only reads. */
    static void assertOnlyReads(CliResult r) {
        List<String> methods = sandbox.ownRequests().stream().map(RequestLog.Entry::method).toList();
        assertTrue(methods.stream().allMatch("GET"::equals), "only reads were sent: " + methods + "\n" + r.describe());
    }

    static void assertNoTokenIn(CliResult r) {
        assertFalse(r.out().contains(sandbox.adminToken()) || r.err().contains(sandbox.adminToken()), r.describe());
    }

    @Test
    void should_show_a_create_and_send_only_reads(@TempDir Path dir) throws Exception {
        CliResult r = cli().run("create", "proxy", "-f", ResourceCommandsTest.proxyFile(dir, "orders-dry").toString(),
            "--dry-run");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("proxy/orders-dry created (dry run)\n", r.out());
        assertTrue(r.err().startsWith("curl -sS -X POST '" + sandbox.url()), r.describe());
        assertTrue(r.err().contains("/apiops/projects/MyProject/apiProxies/url/'"), r.describe());
        assertTrue(r.err().contains("\"Authorization: Bearer $MGMT_TOKEN\""), r.describe());
        assertTrue(r.err().contains("--data-binary '{\"apiProxyName\":\"orders-dry\""), r.describe());
        assertNoTokenIn(r);
        assertOnlyReads(r);
        assertFalse(sandbox.ownRequests().isEmpty(), "existence is checked with a read");
        assertEquals(6, cli().run("get", "proxy", "orders-dry", "--quiet").exitCode(), "nothing was created");
    }

    @Test
    void should_describe_the_request_as_json_with_o_json(@TempDir Path dir) throws Exception {
        CliResult r = cli().run("create", "proxy", "-f", ResourceCommandsTest.proxyFile(dir, "orders-json").toString(),
            "--dry-run", "-o", "json");
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertTrue(o.path("dry_run").asBoolean(), r.describe());
        assertEquals("proxy", o.path("kind").asText());
        assertEquals("orders-json", o.path("name").asText());
        assertEquals("create", o.path("action").asText());
        assertEquals("POST", o.path("request").path("method").asText());
        assertTrue(o.path("request").path("url").asText().endsWith("/apiops/projects/MyProject/apiProxies/url/"), r.describe());
        assertEquals("orders-json", o.path("request").path("body").path("apiProxyName").asText());
        assertNoTokenIn(r);
        assertOnlyReads(r);
    }

    @Test
    void should_exit_7_for_a_create_of_an_existing_object_without_sending_it(@TempDir Path dir) throws Exception {
        CliResult r = cli().run("create", "proxy", "-f", ResourceCommandsTest.proxyFile(dir, "petstore-api").toString(),
            "--dry-run");
        assertEquals(7, r.exitCode(), r.describe());
        assertTrue(r.err().contains("proxy 'petstore-api' already exists in project 'MyProject'"), r.describe());
        assertEquals("", r.out());
        assertOnlyReads(r);
    }

    @Test
    void should_leave_the_status_out_of_the_error_object_of_a_conflict_mgmt_found(@TempDir Path dir) throws Exception {
        CliResult r = cli().run("create", "proxy", "-f", ResourceCommandsTest.proxyFile(dir, "petstore-api").toString(),
            "--dry-run", "-o", "json");
        assertEquals(7, r.exitCode(), r.describe());
        JsonNode e = r.errorObject();
        assertFalse(e.has("status"), r.describe());
        assertEquals("conflict", e.path("error").asText(), r.describe());
        assertTrue(e.path("error_description").asText().contains("proxy 'petstore-api' already exists"), r.describe());
        assertOnlyReads(r);
    }

    @Test
    void should_fail_the_schema_check_as_a_real_run_does() {
        CliResult r = cli().run("create", "proxy", "-f", "src/test/resources/bodies/proxy-bad.yaml", "--dry-run");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("proxy-bad.yaml:3: apiProxyCreationType: must be one of"), r.describe());
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_show_an_update_of_an_existing_object_as_a_put(@TempDir Path dir) throws Exception {
        Path f = ResourceCommandsTest.proxyFile(dir, "orders-upd");
        assertEquals(0, cli().run("create", "proxy", "-f", f.toString()).exitCode());
        sandbox.requests().clear();
        CliResult r = cli().run("update", "proxy", "-f", f.toString(), "--dry-run");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("proxy/orders-upd updated (dry run)\n", r.out());
        assertTrue(r.err().startsWith("curl -sS -X PUT "), r.describe());
        assertOnlyReads(r);
    }

    @Test
    void should_exit_6_for_an_update_of_a_missing_object(@TempDir Path dir) throws Exception {
        CliResult r = cli().run("update", "proxy", "-f", ResourceCommandsTest.proxyFile(dir, "petstore-apx").toString(),
            "--dry-run");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: 404 ") && r.err().contains("did you mean 'petstore-api'?"), r.describe());
        assertOnlyReads(r);
    }

    @Test
    void should_show_a_delete_without_asking_even_without_yes_or_a_terminal() {
        CliResult r = cli().run("delete", "proxy", "Address", "--dry-run");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("proxy/Address deleted (dry run)\n", r.out());
        assertTrue(r.err().startsWith("curl -sS -X DELETE "), r.describe());
        assertFalse(r.err().contains("[y/N]"), r.describe());
        assertOnlyReads(r);
        assertEquals(0, cli().run("get", "proxy", "Address", "--quiet").exitCode(), "still there");
    }

    @Test
    void should_not_prompt_on_a_terminal_for_a_dry_run_delete() {
        CliResult r = cli().stdin("").stdinTerminal(true).run("delete", "proxy", "Address", "--dry-run");
        assertEquals(0, r.exitCode(), r.describe());
        assertFalse(r.err().contains("[y/N]"), r.describe());
        assertOnlyReads(r);
    }

    @Test
    void should_exit_6_for_a_delete_of_a_missing_object() {
        CliResult r = cli().run("delete", "proxy", "Adress", "--dry-run");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: 404 ") && r.err().contains("did you mean 'Address'?"), r.describe());
        assertEquals("", r.out());
        assertOnlyReads(r);
    }

    @Test
    void should_show_an_endpoint_delete_with_its_body() {
        CliResult r = cli().run("delete", "endpoint", "/pets", "--proxy", "petstore-api", "--method", "get",
            "--dry-run", "-o", "yaml");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("dry_run: true"), r.describe());
        assertTrue(r.out().contains("httpMethod: GET"), r.describe());
        assertOnlyReads(r);
    }

    @Test
    void should_show_a_deploy_and_an_undeploy() {
        CliResult r = cli().run("deploy", "proxy", "petstore-api", "-e", "production", "--dry-run");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("proxy/petstore-api deployed to production (dry run)\n", r.out());
        assertTrue(r.err().startsWith("curl -sS -X POST "), r.describe());
        assertTrue(r.err().contains("/apiProxies/petstore-api/environments/production/'"), r.describe());
        CliResult un = cli().run("undeploy", "proxy", "petstore-api", "-e", "production", "--dry-run", "-o", "name");
        assertEquals(0, un.exitCode(), un.describe());
        assertEquals("proxy/petstore-api\n", un.out());
        assertTrue(un.err().startsWith("curl -sS -X DELETE "), un.describe());
        assertOnlyReads(un);
    }

    @Test
    void should_exit_6_for_a_deploy_to_a_missing_environment_or_of_a_missing_proxy() {
        CliResult env = cli().run("deploy", "proxy", "petstore-api", "-e", "prodution", "--dry-run");
        assertEquals(6, env.exitCode(), env.describe());
        assertTrue(env.err().contains("no environment 'prodution'"), env.describe());
        CliResult proxy = cli().run("undeploy", "proxy", "petstore-apx", "-e", "production", "--dry-run");
        assertEquals(6, proxy.exitCode(), proxy.describe());
        assertTrue(proxy.err().contains("did you mean 'petstore-api'?"), proxy.describe());
        assertOnlyReads(proxy);
    }

    @Test
    void should_show_an_import_as_the_form_it_would_upload(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("petstore.zip");
        Files.write(archive, cli().run("export", "proxy", "petstore-api").outBytes());
        sandbox.requests().clear();
        CliResult r = cli().run("import", "proxy", "-f", archive.toString(), "--dry-run");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("proxy/petstore.zip imported (dry run)\n", r.out());
        assertTrue(r.err().contains(" -F 'apiProxyExportFile=@" + archive + ";type=application/zip'"), r.describe());
        assertEquals(0, sandbox.ownRequests().size(), "a new import has nothing to check");
        CliResult json = cli().run("import", "proxy", "-f", archive.toString(), "--replace", "petstore-api",
            "--dry-run", "-o", "json");
        assertEquals(0, json.exitCode(), json.describe());
        JsonNode o = new ObjectMapper().readTree(json.out());
        assertEquals("PUT", o.path("request").path("method").asText());
        assertEquals(archive.toString(), o.path("request").path("form").path(0).path("file").asText());
        assertOnlyReads(json);
    }

    @Test
    void should_exit_6_for_an_import_over_a_missing_proxy(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("petstore.zip");
        Files.write(archive, cli().run("export", "proxy", "petstore-api").outBytes());
        sandbox.requests().clear();
        CliResult r = cli().run("import", "proxy", "-f", archive.toString(), "--replace", "nope", "--dry-run");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: 404 ") && r.err().contains("proxy 'nope' exists"), r.describe());
        assertOnlyReads(r);
    }

    @Test
    void should_show_a_part_change_and_check_the_proxy_is_there() {
        CliResult r = cli().stdin("name: cors\ncorsActive: true\nallowOriginList: ['*']\n")
            .run("set", "proxy", "petstore-api", "cors", "-f", "-", "--dry-run");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("proxy/petstore-api cors updated (dry run)\n", r.out());
        assertTrue(r.err().contains("-X PATCH") && r.err().contains("/apiProxies/petstore-api/settings/cors/"),
            r.describe());
        assertOnlyReads(r);
        assertNoTokenIn(r);

        CliResult missing = cli().stdin("name: cors\ncorsActive: true\n")
            .run("set", "proxy", "petstore-apx", "cors", "-f", "-", "--dry-run");
        assertEquals(6, missing.exitCode(), missing.describe());
        assertTrue(missing.err().contains("petstore-api"), "did you mean: " + missing.err());
        assertOnlyReads(missing);
    }

    @Test
    void should_not_ask_before_a_dry_run_remove_or_revoke() {
        CliResult remove = cli().stdin(IpGroupCommandsTest.IPS).run("remove", "ip-group", "g", "ips", "-f", "-",
            "--dry-run");
        assertEquals(0, remove.exitCode(), remove.describe());
        assertTrue(remove.out().endsWith("(dry run)\n"), remove.out());
        assertTrue(remove.err().contains("-X DELETE"), remove.describe());
        assertOnlyReads(remove);

        CliResult revoke = cli().run("revoke", "access", "partner-app", "--proxy", "Address", "--dry-run");
        assertEquals(0, revoke.exitCode(), revoke.describe());
        assertTrue(revoke.out().startsWith("credential/partner-app access revoked"), revoke.out());
        assertTrue(revoke.out().endsWith("(dry run)\n"), revoke.out());
        assertOnlyReads(revoke);

        CliResult nobody = cli().run("grant", "access", "partner-ap", "--proxy", "Address", "--dry-run");
        assertEquals(6, nobody.exitCode(), nobody.describe());
        assertOnlyReads(nobody);
    }
}
