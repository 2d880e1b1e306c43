package dev.mgmt.cli;

import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, keeping proxies in Git: apply changes a proxy in place with its settings PATCHes, refuses what no
 * write changes, and diff agrees with it. Each test works on a proxy of its own, created from a document.
 */
class ApplyProxySettingsTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    static Cli cli() {
        return sandbox.cli().env("MGMT_PROJECT", "MyProject");
    }

    /** Every request that could have changed something, with its body. */
    static List<String> writes() {
        return sandbox.requests().list().stream().filter(e -> !e.method().equals("GET"))
            .map(e -> e.method() + " " + e.path() + " " + e.bodyText()).toList();
    }

    static String settings(String proxy, String family) {
        return "PATCH /apiops/projects/MyProject/apiProxies/" + proxy + "/settings/" + family + "/ ";
    }

    /** Creates the proxy and returns its {@code get -o yaml}, as a user would keep it in Git; the log is cleared. */
    static String created(String name, Path dir) throws Exception {
        Path f = dir.resolve("new.yaml");
        Files.writeString(f, String.join("\n", "kind: proxy", "name: " + name, "description: first",
            "apiProxyCreationType: REVERSE_PROXY", "clientRoute:", "  relativePathList: [/" + name + "]",
            "routing:", "  routingAddressList:", "  - address: https://" + name + ".test", "    weight: 100",
            "    healthCheckEnabled: true", ""));
        CliResult r = cli().run("apply", "-f", f.toString());
        assertEquals(0, r.exitCode(), r.describe());
        CliResult got = cli().run("get", "proxy", name, "-o", "yaml");
        assertEquals(0, got.exitCode(), got.describe());
        sandbox.requests().clear();
        return got.out();
    }

    static Path file(Path dir, String text) throws Exception {
        return Files.writeString(dir.resolve("p.yaml"), text);
    }

    /** Applies the file: one line, the given outcome. */
    static void assertApplied(Path f, String line) {
        CliResult r = cli().run("apply", "-f", f.toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(line + "\n", r.out());
    }

    /** Applies the file: configured with exactly these writes; then again: unchanged, nothing sent. */
    static void assertConfiguredThenUnchanged(Path f, String proxy, String... writes) {
        assertApplied(f, "proxy/" + proxy + " configured");
        assertEquals(List.of(writes), writes());
        sandbox.requests().clear();
        assertApplied(f, "proxy/" + proxy + " unchanged");
        assertEquals(List.of(), writes());
    }

    @Test
    void should_change_a_description_with_one_metadata_patch_and_nothing_the_second_time(@TempDir Path dir)
        throws Exception {
        Path f = file(dir, created("desc-api", dir).replace("description: first", "description: kept in Git"));
        assertConfiguredThenUnchanged(f, "desc-api", settings("desc-api", "metadata")
            + "{\"description\":\"kept in Git\"}");
    }

    @Test
    void should_change_the_sharing_type_with_a_metadata_patch(@TempDir Path dir) throws Exception {
        String doc = created("share-api", dir);
        assertTrue(doc.contains("sharingType: "), doc);
        Path f = file(dir, doc.replaceFirst("(?m)^sharingType: .*$", "sharingType: INTERNAL"));
        assertConfiguredThenUnchanged(f, "share-api", settings("share-api", "metadata")
            + "{\"sharingType\":\"INTERNAL\"}");
        assertTrue(cli().run("get", "proxy", "share-api", "-o", "yaml").out().contains("sharingType: INTERNAL\n"));
    }

    @Test
    void should_send_one_patch_per_family_touched_and_print_one_line(@TempDir Path dir) throws Exception {
        String doc = created("route-api", dir);
        Path f = file(dir, doc.replace("description: first", "description: routed")
            .replace("- /route-api", "- /route-api-v2"));
        assertConfiguredThenUnchanged(f, "route-api", settings("route-api", "metadata") + "{\"description\":\"routed\"}",
            settings("route-api", "client-route") + "{\"relativePathList\":[\"/route-api-v2\"],\"hostList\":[]}");
    }

    /** The addresses page does not take the health check: the address keeps it, so the second apply is unchanged. */
    @Test
    void should_change_addresses_and_routing_status_and_keep_the_health_check(@TempDir Path dir) throws Exception {
        String doc = created("addr-api", dir);
        Path f = file(dir, doc.replace("weight: 100", "weight: 40").replace("routingEnabled: true",
            "routingEnabled: false"));
        assertConfiguredThenUnchanged(f, "addr-api", settings("addr-api", "addresses")
                + "{\"routingAddressList\":[{\"address\":\"https://addr-api.test\",\"weight\":40}]}",
            settings("addr-api", "routing-status") + "{\"routingEnabled\":false}");
    }

    /**
     * A new address's health check is not in what the addresses PATCH takes, so the manager drops it: apply reads the
     * proxy back and says so (exit 11), never "configured".
     */
    @Test
    void should_read_back_and_fail_when_the_manager_dropped_what_no_patch_writes(@TempDir Path dir) throws Exception {
        String doc = created("drop-api", dir);
        String added = "  - address: https://drop-api.test\n    weight: 100\n    healthCheckEnabled: true\n"
            + "  - address: https://second.drop-api.test\n    weight: 0\n    healthCheckEnabled: true\n";
        assertTrue(doc.contains("  - address: https://drop-api.test\n    weight: 100\n    healthCheckEnabled: true\n"),
            doc);
        Path f = file(dir, doc.replace("  - address: https://drop-api.test\n    weight: 100\n    healthCheckEnabled: true\n",
            added));
        CliResult r = cli().run("apply", "-f", f.toString());
        assertEquals(11, r.exitCode(), r.describe());
        assertEquals("", r.out(), r.describe());
        assertTrue(r.err().contains("error: proxy/drop-api: the manager accepted the settings PATCHes but still differs "
            + "from the document in routing.routingAddressList[1].healthCheckEnabled (false, the document says true)\n"),
            r.describe());
        assertTrue(r.err().contains("No settings PATCH writes that field: add apiProxyCreationType and specUrl"),
            r.describe());
        assertTrue(r.err().contains("not applied: proxy/drop-api (failed)"), r.describe());
        assertEquals(List.of(settings("drop-api", "addresses") + "{\"routingAddressList\":[{\"address\":"
            + "\"https://drop-api.test\",\"weight\":100},{\"address\":\"https://second.drop-api.test\",\"weight\":0}]}"),
            writes());
    }

    @Test
    void should_refuse_a_changed_api_type_or_deployment_naming_each_line_and_send_nothing(@TempDir Path dir)
        throws Exception {
        String doc = created("type-api", dir);
        assertEquals(0, cli().run("deploy", "proxy", "type-api", "-e", "production").exitCode());
        doc = cli().run("get", "proxy", "type-api", "-o", "yaml").out();
        assertTrue(doc.contains("  deployed: true\n"), doc);
        Path f = file(dir, doc.replace("apiType: REST", "apiType: SOAP").replace("description: first",
            "description: with it").replaceFirst("deployed: true", "deployed: false"));
        List<String> lines = doc.lines().toList();
        int typeLine = lines.indexOf("apiType: REST") + 1;
        sandbox.requests().clear();

        for (String verb : new String[]{"apply", "diff"}) {
            CliResult r = cli().run(verb, "-f", f.toString());
            assertEquals(2, r.exitCode(), r.describe());
            assertEquals("", r.out());
            assertTrue(r.err().contains("error: " + f + ":" + typeLine + ": proxy/type-api: apiType: apply cannot "
                + "change it (\"REST\" -> \"SOAP\"): it is set by the spec the proxy was parsed from; to change it, "
                + "create the proxy again from a spec of that type (and 1 more)"), r.err());
            assertTrue(r.err().contains(": proxy/type-api: deploymentList[0].deployed: apply cannot change it "
                + "(true -> false): apply does not deploy; use mgmt deploy|undeploy proxy NAME -e ENVIRONMENT"), r.err());
            assertTrue(r.err().contains("Nothing was sent."), r.err());
        }
        assertEquals(List.of(), writes());
    }

    /** A redeploy the manager now asks for is its status, not a change the document makes. */
    @Test
    void should_not_count_a_redeploy_the_manager_asks_for_as_a_change(@TempDir Path dir) throws Exception {
        created("redeploy-api", dir);
        assertEquals(0, cli().run("deploy", "proxy", "redeploy-api", "-e", "production").exitCode());
        String doc = cli().run("get", "proxy", "redeploy-api", "-o", "yaml").out();
        Path f = file(dir, doc.replace("description: first", "description: second"));
        assertApplied(f, "proxy/redeploy-api configured");
        assertApplied(f, "proxy/redeploy-api unchanged");
    }

    @Test
    void should_show_the_patches_on_dry_run_and_send_nothing(@TempDir Path dir) throws Exception {
        Path f = file(dir, created("dry-api", dir).replace("description: first", "description: dry")
            .replace("- /dry-api", "- /dry-api-v2"));

        CliResult r = cli().run("apply", "-f", f.toString(), "--dry-run");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("proxy/dry-api configured (dry run)\n", r.out());
        assertTrue(r.err().contains("-X PATCH '" + sandbox.url() + "apiops/projects/MyProject/apiProxies/dry-api/settings/"
            + "metadata/'"), r.err());
        assertTrue(r.err().contains("dry-api/settings/client-route/'"), r.err());
        assertTrue(r.err().contains("\"description\":\"dry\""), r.err());
        assertEquals(List.of(), writes());

        CliResult json = cli().run("apply", "-f", f.toString(), "--dry-run", "-o", "json");
        assertEquals(0, json.exitCode(), json.describe());
        assertTrue(json.out().contains("settings/metadata/"), json.out());
        assertTrue(json.out().contains("settings/client-route/"), json.out());
        assertEquals(List.of(), writes());
    }

    @Test
    void should_diff_a_sharing_type_change_as_apply_would_write_it(@TempDir Path dir) throws Exception {
        String doc = created("diff-api", dir);
        Path same = file(dir, doc);
        assertEquals(0, cli().run("diff", "-f", same.toString()).exitCode());

        String live = doc.lines().filter(l -> l.startsWith("sharingType: ")).findFirst().orElseThrow();
        Path f = file(dir, doc.replace(live, "sharingType: EXTERNAL").replace("categoryList: []",
            "categoryList: [payments]"));
        CliResult r = cli().run("diff", "-f", f.toString());
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.out().contains("    sharingType: \"" + live.substring("sharingType: ".length())
            + "\" -> \"EXTERNAL\"\n"), r.out());
        assertEquals(List.of(), writes());
        assertApplied(f, "proxy/diff-api configured");
        assertEquals(0, cli().run("diff", "-f", f.toString()).exitCode());
    }

    /** With its spec the update stays the re-parse PUT; the sharing type, which that body does not take, follows. */
    @Test
    void should_re_parse_a_document_with_its_spec_and_patch_what_the_put_does_not_take(@TempDir Path dir)
        throws Exception {
        String doc = created("spec-api", dir);
        String live = doc.lines().filter(l -> l.startsWith("sharingType: ")).findFirst().orElseThrow();
        Path f = file(dir, doc.replace(live, "sharingType: NONE").replace("description: first",
            "apiProxyCreationType: REVERSE_PROXY\ndescription: first"));

        assertApplied(f, "proxy/spec-api configured");
        List<String> sent = writes();
        assertEquals(2, sent.size(), sent.toString());
        assertTrue(sent.get(0).startsWith("PUT /apiops/projects/MyProject/apiProxies/url/"), sent.toString());
        assertFalse(sent.get(0).contains("sharingType"), sent.toString());
        assertEquals(settings("spec-api", "metadata") + "{\"sharingType\":\"NONE\"}", sent.get(1));
        sandbox.requests().clear();
        assertApplied(f, "proxy/spec-api unchanged");
        assertEquals(List.of(), writes());
    }

    @Test
    void should_create_a_proxy_with_its_sharing_type(@TempDir Path dir) throws Exception {
        Path f = file(dir, String.join("\n", "kind: proxy", "name: shared-api", "apiProxyCreationType: REVERSE_PROXY",
            "sharingType: EXTERNAL", "clientRoute:", "  relativePathList: [/shared]", ""));
        sandbox.requests().clear();
        assertApplied(f, "proxy/shared-api created");
        List<String> sent = writes();
        assertEquals(2, sent.size(), sent.toString());
        assertTrue(sent.get(0).startsWith("POST /apiops/projects/MyProject/apiProxies/url/"), sent.toString());
        assertEquals(settings("shared-api", "metadata") + "{\"sharingType\":\"EXTERNAL\"}", sent.get(1));
        assertApplied(f, "proxy/shared-api unchanged");
    }

    /** A bad value in what a PATCH would send is found before anything is sent, at the document's line. */
    @Test
    void should_check_a_patch_body_against_its_schema_before_sending(@TempDir Path dir) throws Exception {
        String doc = created("bad-api", dir);
        String live = doc.lines().filter(l -> l.startsWith("sharingType: ")).findFirst().orElseThrow();
        int line = doc.lines().toList().indexOf(live) + 1;
        Path f = file(dir, doc.replace(live, "sharingType: EVERYONE"));
        CliResult r = cli().run("apply", "-f", f.toString());
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("error: " + f + ":" + line + ": proxy/bad-api: sharingType: "), r.err());
        assertTrue(r.err().contains("Nothing was sent."), r.err());
        assertEquals(List.of(), writes());
    }
}
