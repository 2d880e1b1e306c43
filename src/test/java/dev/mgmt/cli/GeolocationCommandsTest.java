package dev.mgmt.cli;

import dev.mgmt.sandbox.RequestLog;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.mgmt.cli.IpGroupCommandsTest.assertUsage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Geolocation: switched on and off, and its database uploaded as a form. It has no NAME. */
class GeolocationCommandsTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    @BeforeEach
    void clean() {
        sandbox.requests().clear();
    }

    @Test
    void should_enable_and_disable_on_the_documented_paths_without_a_body() {
        CliResult on = sandbox.cli().run("set", "geolocation", "enabled", "true");
        assertEquals("geolocation enabled set to true\n", on.out(), on.describe());
        CliResult off = sandbox.cli().run("set", "geo", "enabled", "FALSE");
        assertEquals("geolocation enabled set to false\n", off.out(), off.describe());
        RequestLog.Entry first = sandbox.ownRequests().get(0);
        assertEquals("PUT /apiops/settings/geolocation/enable", first.method() + " " + first.path());
        assertEquals(0, first.body().length);
        assertEquals("/apiops/settings/geolocation/disable", sandbox.ownRequests().get(1).path());
    }

    @Test
    void should_print_the_real_result_line_on_dry_run_and_send_nothing(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("GeoLite2-City.mmdb");
        Files.write(db, new byte[]{1, 2, 3, 4});
        CliResult r = sandbox.cli().run("set", "geolocation", "mmdb", "-f", db.toString(), "--dry-run");
        assertEquals("geolocation mmdb updated (dry run)\n", r.out(), r.describe());
        CliResult on = sandbox.cli().run("set", "geolocation", "enabled", "true", "--dry-run");
        assertEquals("geolocation enabled set to true (dry run)\n", on.out(), on.describe());
        assertEquals(List.of(), sandbox.ownRequests());
    }

    @Test
    void should_upload_the_database_as_multipart(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("GeoLite2-City.mmdb");
        Files.write(db, new byte[]{1, 2, 3, 4});
        CliResult r = sandbox.cli().run("set", "geolocation", "mmdb", "-f", db.toString(), "--curl");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("geolocation mmdb updated\n", r.out());
        assertTrue(r.err().contains("-F 'file=@" + db + ";type=application/octet-stream'"), r.err());
        RequestLog.Entry put = sandbox.ownRequests().get(0);
        assertEquals("PUT /apiops/settings/geolocation/mmdb", put.method() + " " + put.path());
        assertTrue(put.header("Content-Type").startsWith("multipart/form-data; boundary="), put.header("Content-Type"));
        assertTrue(put.bodyText().contains("name=\"file\"; filename=\"GeoLite2-City.mmdb\""), put.bodyText());
    }

    @Test
    void should_refuse_bad_values_and_files_sending_nothing(@TempDir Path dir) throws Exception {
        assertUsage(sandbox.cli().run("set", "geolocation", "enabled"), "error: enabled needs a VALUE: true or false");
        assertUsage(sandbox.cli().run("set", "geolocation", "enabled", "yes"),
            "error: invalid VALUE 'yes' for enabled: expected true or false");
        Path notDb = Files.writeString(dir.resolve("cities.csv"), "a,b\n");
        assertUsage(sandbox.cli().run("set", "geolocation", "mmdb", "-f", notDb.toString()),
            "error: '" + notDb + "' is not a .mmdb file");
        assertUsage(sandbox.cli().run("set", "geolocation", "mmdb", "-f", dir.resolve("none.mmdb").toString()),
            "error: cannot read '" + dir.resolve("none.mmdb") + "': no such file");
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_be_refused_for_a_user_who_is_not_an_admin() {
        CliResult r = sandbox.cli().env("MGMT_TOKEN", sandbox.readOnlyToken()).run("set", "geolocation", "enabled", "true");
        assertEquals(4, r.exitCode(), r.describe());
        assertTrue(r.err().contains("User does not have privilege to access admin settings!"), r.err());
    }
}
