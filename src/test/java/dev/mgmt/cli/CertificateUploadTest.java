package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgmt.sandbox.RequestLog;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.mgmt.cli.IpGroupCommandsTest.assertUsage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** create|update certificate NAME -f cert.pem: the documented multipart form, not JSON. */
class CertificateUploadTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    @TempDir
    static Path dir;

    static Path pem;

    /** The seed certificate's content, as a PEM file: a real certificate the sandbox parses. */
    @BeforeAll
    static void pemFile() throws Exception {
        CliResult r = cli().run("get", "certificate", "gateway-tls", "-o", "json");
        JsonNode c = new ObjectMapper().readTree(r.out());
        String b64 = c.path("certificateEnvironmentList").get(0).path("base64EncodedContent").asText();
        pem = Files.writeString(dir.resolve("backend-ca.pem"),
            "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n");
    }

    @BeforeEach
    void clean() {
        sandbox.requests().clear();
    }

    static Cli cli() {
        return sandbox.cli().env("MGMT_PROJECT", "MyProject");
    }

    @Test
    void should_upload_a_certificate_as_the_documented_form() {
        CliResult r = cli().run("create", "certificate", "backend-ca", "-f", pem.toString(), "-e", "production,staging",
            "--description", "Backend CA", "--alias", "backend");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("certificate/backend-ca created\n", r.out());
        RequestLog.Entry post = sandbox.ownRequests().get(0);
        assertEquals("POST /apiops/projects/MyProject/certificates/", post.method() + " " + post.path());
        assertTrue(post.header("Content-Type").startsWith("multipart/form-data; boundary="), post.header("Content-Type"));
        String body = post.bodyText();
        for (String part : new String[]{"name=\"certificateName\"\r\n\r\nbackend-ca\r\n", "name=\"alias\"\r\n\r\nbackend\r\n",
            "name=\"certificateDescription\"\r\n\r\nBackend CA\r\n", "name=\"environmentList\"\r\n\r\nproduction,staging\r\n",
            "name=\"pemEncodedFile\"; filename=\"backend-ca.pem\"\r\nContent-Type: application/x-pem-file\r\n\r\n-----BEGIN CERTIFICATE-----"}) {
            assertTrue(body.contains(part), part + " in\n" + body);
        }
        CliResult get = cli().run("get", "certificates");
        assertTrue(get.out().lines().anyMatch(l -> l.matches("backend-ca +production,staging +.* Backend CA")),
            get.describe());
    }

    @Test
    void should_send_nothing_on_dry_run_and_exit_as_the_real_upload_would() {
        CliResult r = cli().run("create", "certificate", "dry-ca", "-f", pem.toString(), "-e", "production",
            "--description", "Dry CA", "--dry-run");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("certificate/dry-ca created (dry run)\n", r.out());
        assertTrue(r.err().contains("-F 'certificateName=dry-ca'"), r.err());
        assertTrue(sandbox.ownRequests().stream().allMatch(e -> e.method().equals("GET")),
            sandbox.ownRequests().toString());
        assertTrue(cli().run("get", "certificates").out().lines().noneMatch(l -> l.startsWith("dry-ca ")));

        CliResult taken = cli().run("create", "certificate", "gateway-tls", "-f", pem.toString(), "-e", "production",
            "--description", "Dry CA", "--dry-run");
        assertEquals(7, taken.exitCode(), taken.describe());
        CliResult missing = cli().run("update", "certificate", "gateway-tl", "-f", pem.toString(), "-e", "production",
            "--description", "Dry CA", "--dry-run");
        assertEquals(6, missing.exitCode(), missing.describe());
        assertTrue(missing.err().contains("did you mean 'gateway-tls'?"), missing.err());
        assertTrue(sandbox.ownRequests().stream().allMatch(e -> e.method().equals("GET")),
            sandbox.ownRequests().toString());
    }

    @Test
    void should_print_the_form_as_curl_F_parts() {
        CliResult r = cli().run("create", "certificate", "curl-ca", "-f", pem.toString(), "-e", "production,staging",
            "--description", "Backend CA", "--curl");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.err().contains("-F 'certificateName=curl-ca' -F 'alias=curl-ca' -F 'certificateDescription=Backend CA'"
            + " -F 'environmentList=\"production,staging\"' -F 'pemEncodedFile=@" + pem + ";type=application/x-pem-file'"),
            r.err());
        assertTrue(!r.err().contains("Content-Type: multipart"), "curl -F writes its own: " + r.err());
    }

    @Test
    void should_update_with_a_put_of_the_same_form_and_answer_a_missing_one_with_6() {
        assertEquals(0, cli().run("create", "certificate", "upd-ca", "-f", pem.toString(), "-e", "production",
            "--description", "v1").exitCode());
        sandbox.requests().clear();
        CliResult r = cli().run("update", "certificate", "upd-ca", "-f", pem.toString(), "-e", "staging",
            "--description", "v2");
        assertEquals("certificate/upd-ca updated\n", r.out(), r.describe());
        RequestLog.Entry put = sandbox.ownRequests().get(0);
        assertEquals("PUT /apiops/projects/MyProject/certificates/upd-ca/", put.method() + " " + put.path());
        assertTrue(put.bodyText().contains("name=\"environmentList\"\r\n\r\nstaging\r\n"), put.bodyText());

        CliResult missing = cli().run("update", "certificate", "upd-c", "-f", pem.toString(), "-e", "staging",
            "--description", "v2");
        assertEquals(6, missing.exitCode(), missing.describe());
        assertTrue(missing.err().startsWith("error: no certificate 'upd-c' in project 'MyProject'; did you mean 'upd-ca'?"),
            missing.err());
    }

    @Test
    void should_refuse_missing_fields_and_non_pem_files_sending_nothing() throws Exception {
        assertUsage(cli().run("create", "certificate", "x", "-f", pem.toString(), "--description", "d"),
            "error: a certificate is uploaded to environments: pass -e/--environment ENV");
        assertUsage(cli().run("create", "certificate", "x", "-f", pem.toString(), "-e", "production"),
            "error: the API requires a description for a certificate: pass --description TEXT");
        assertUsage(cli().run("create", "certificate", "-f", pem.toString(), "-e", "production", "--description", "d"),
            "error: no name: give the certificate's NAME on the command line");
        Path der = Files.write(dir.resolve("cert.der"), new byte[]{0x30, (byte) 0x82, 1, 2});
        assertUsage(cli().run("create", "certificate", "x", "-f", der.toString(), "-e", "production", "--description", "d"),
            "error: '" + der + "' is not a PEM certificate");
        assertUsage(cli().run("create", "certificate", "x", "-f", "-", "-e", "production", "--description", "d"),
            "error: a certificate is uploaded from a file: -f - (stdin) does not apply");
        assertUsage(cli().run("create", "certificate", "x", "-f", dir.resolve("none.pem").toString(), "-e", "production",
            "--description", "d"), "error: cannot read '" + dir.resolve("none.pem") + "': no such file");
        assertUsage(cli().stdin("{}").run("create", "env-var", "x", "-f", "-", "--description", "d"),
            "error: --alias and --description apply only to certificates");
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_send_a_non_pem_file_with_no_validate_and_show_the_server_answer() throws Exception {
        Path der = Files.write(dir.resolve("raw.der"), new byte[]{0x30, (byte) 0x82, 1, 2});
        CliResult r = cli().run("create", "certificate", "raw", "-f", der.toString(), "-e", "production",
            "--description", "d", "--no-validate");
        assertEquals(3, r.exitCode(), r.describe());
        assertTrue(r.err().contains("pemEncodedFile could not be parsed"), r.err());
        assertEquals(1, sandbox.ownRequests().size());
    }
}
