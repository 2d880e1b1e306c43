package dev.mgmt.cli;

import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.Scope;
import dev.mgmt.resources.manifest.Shapes;
import dev.mgmt.sandbox.RequestLog;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mgmt apply against the sandbox: the round trip, creating, configuring, order, failures, prune. */
class ApplyCommandTest {
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

    /** Every request that could have changed something. */
    static List<String> writes() {
        return sandbox.requests().list().stream().filter(e -> !e.method().equals("GET"))
            .map(e -> e.method() + " " + e.path()).toList();
    }

    static Path write(Path dir, String name, String... lines) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    /** A seeded object of every kind apply can write, with the options its place needs. */
    record Sample(String kind, String name, List<String> place) {
        @Override
        public String toString() {
            return kind + "/" + name;
        }
    }

    static List<Sample> samples() {
        List<String> inProxy = List.of("--proxy", "petstore-api");
        return List.of(new Sample("proxy", "petstore-api", List.of()),
            new Sample("endpoint", "/pets/{petId}", inProxy),
            new Sample("connection", "notify-mail", List.of()), new Sample("connection", "events-kafka", List.of()),
            new Sample("credential", "partner-app", List.of()),
            new Sample("env-var", "BACKEND_BASE_URL", List.of()), new Sample("env-var", "PARTNER_API_KEY", List.of()),
            new Sample("proxy-group", "public-apis", List.of()), new Sample("keystore", "gateway-keystore", List.of()),
            new Sample("key", "signing-key", List.of()));
    }

    /** One sample of each kind, for the list dumps. */
    static List<Sample> oneOfEachKind() {
        return samples().stream().collect(Collectors.toMap(Sample::kind, x -> x, (a, b) -> a, LinkedHashMap::new))
            .values().stream().toList();
    }

    /** A kind that becomes writable without a sample here would escape the round trip below. */
    @Test
    void should_have_a_round_trip_sample_for_every_writable_kind() {
        Set<String> writable = Kinds.all().stream().filter(Shapes::writable).map(Kind::singular)
            .collect(Collectors.toCollection(TreeSet::new));
        Set<String> sampled = samples().stream().map(Sample::kind).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(writable, sampled);
    }

    static String header(Sample s, String indent) {
        Kind k = Kinds.find(s.kind());
        return "kind: " + s.kind() + "\n" + indent + "project: MyProject\n"
            + (k.scope() == Scope.PROXY ? indent + "proxy: petstore-api\n" : "");
    }

    /** Applies {@code get} output unchanged: accepted, every object unchanged, no write sent. */
    static CliResult assertAppliesUnchanged(CliResult got, Path dir, int objects) throws Exception {
        assertEquals(0, got.exitCode(), got.describe());
        Path f = dir.resolve("got.yaml");
        Files.write(f, got.outBytes());
        sandbox.requests().clear();
        CliResult r = cli().run("apply", "-f", f.toString());
        assertEquals(0, r.exitCode(), r.describe());
        List<String> lines = r.out().lines().toList();
        assertEquals(objects, lines.size(), r.out());
        assertTrue(lines.stream().allMatch(l -> l.endsWith(" unchanged")), r.out());
        assertEquals(List.of(), writes());
        return r;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void should_apply_get_yaml_of_one_object_unchanged_for_every_writable_kind(Sample s, @TempDir Path dir)
        throws Exception {
        List<String> get = new ArrayList<>(List.of("get", s.kind(), s.name(), "-o", "yaml"));
        get.addAll(s.place());
        CliResult got = cli().run(get.toArray(String[]::new));
        assertTrue(got.out().startsWith(header(s, "")), got.out());
        CliResult r = assertAppliesUnchanged(got, dir, 1);
        assertEquals(s.kind() + "/" + (s.kind().equals("endpoint") ? "GET " : "") + s.name() + " unchanged\n",
            r.out());
    }

    @ParameterizedTest
    @MethodSource("oneOfEachKind")
    void should_apply_get_yaml_of_a_list_unchanged_for_every_writable_kind(Sample s, @TempDir Path dir)
        throws Exception {
        List<String> get = new ArrayList<>(List.of("get", Kinds.find(s.kind()).plural(), "-o", "yaml"));
        get.addAll(s.place());
        CliResult got = cli().run(get.toArray(String[]::new));
        assertTrue(got.out().startsWith("- " + header(s, "  ")), got.out());
        long documents = got.out().lines().filter(l -> l.startsWith("- kind: ")).count();
        assertTrue(documents >= 1, got.out());
        assertAppliesUnchanged(got, dir, (int) documents);
    }

    @Test
    void should_round_trip_a_list_dump_of_endpoints_with_their_proxy(@TempDir Path dir) throws Exception {
        CliResult got = cli().run("get", "endpoints", "--proxy", "petstore-api", "-o", "yaml");
        assertEquals(0, got.exitCode(), got.describe());
        Path f = dir.resolve("eps.yaml");
        Files.write(f, got.outBytes());
        sandbox.requests().clear();

        CliResult r = cli().run("apply", "-f", f.toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("endpoint/GET /pets unchanged\nendpoint/POST /pets unchanged\n"
            + "endpoint/GET /pets/{petId} unchanged\n", r.out());
        assertEquals(List.of(), writes());
    }

    @Test
    void should_keep_json_output_the_raw_server_object() {
        CliResult got = cli().run("get", "env-var", "BACKEND_BASE_URL", "-o", "json");
        assertEquals(0, got.exitCode(), got.describe());
        assertFalse(got.out().contains("\"kind\""), got.out());
    }

    @Test
    void should_create_in_dependency_order_and_send_nothing_the_second_time(@TempDir Path dir) throws Exception {
        Path f = write(dir, "stack.yaml",
            "kind: endpoint", "proxy: shop-api", "endpoint: /orders", "httpMethod: GET",
            "backendResourceUrl: /orders", "backendHttpMethod: GET",
            "---",
            "kind: proxy", "name: shop-api", "description: Shop", "apiProxyCreationType: REVERSE_PROXY",
            "clientRoute:", "  relativePathList: [/shop]",
            "---",
            "kind: env-var", "name: SHOP_URL", "description: Shop backend", "global: true",
            "globalValue: https://shop.test",
            "---",
            "kind: connection", "type: email", "name: shop-mail", "host: smtp.shop.test", "port: 25");

        CliResult first = cli().run("apply", "-f", f.toString());
        assertEquals(0, first.exitCode(), first.describe());
        assertEquals("env-var/SHOP_URL created\nconnection/shop-mail created\nproxy/shop-api created\n"
            + "endpoint/GET /orders created\n", first.out());
        List<String> sent = writes();
        assertEquals(4, sent.size(), sent.toString());
        assertTrue(sent.get(2).startsWith("POST /apiops/projects/MyProject/apiProxies/url"), sent.toString());
        assertTrue(sent.get(3).startsWith("POST /apiops/projects/MyProject/apiProxies/shop-api/endpoints"),
            sent.toString());

        sandbox.requests().clear();
        CliResult second = cli().run("apply", "-f", f.toString());
        assertEquals(0, second.exitCode(), second.describe());
        assertEquals("env-var/SHOP_URL unchanged\nconnection/shop-mail unchanged\nproxy/shop-api unchanged\n"
            + "endpoint/GET /orders unchanged\n", second.out());
        assertEquals(List.of(), writes());
    }

    @Test
    void should_configure_only_what_differs(@TempDir Path dir) throws Exception {
        assertEquals(0, cli().run("create", "env-var", "-f", write(dir, "a.yaml", "name: CONF_A",
            "description: old", "global: true", "globalValue: v").toString()).exitCode());
        assertEquals(0, cli().run("create", "env-var", "-f", write(dir, "b.yaml", "name: CONF_B",
            "description: same", "global: true", "globalValue: v").toString()).exitCode());
        Path f = write(dir, "both.json", "[{\"kind\": \"env-var\", \"name\": \"CONF_A\", \"description\": \"new\", \"global\": true, \"globalValue\": \"v\"},",
            " {\"kind\": \"env-var\", \"name\": \"CONF_B\", \"description\": \"same\", \"global\": true, \"globalValue\": \"v\"}]");
        sandbox.requests().clear();

        CliResult r = cli().run("apply", "-f", f.toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("env-var/CONF_A configured\nenv-var/CONF_B unchanged\n", r.out());
        assertEquals(List.of("PUT /apiops/projects/MyProject/environmentVariables/CONF_A/"), writes());
        RequestLog.Entry put = sandbox.requests().list().stream().filter(e -> e.method().equals("PUT")).findFirst()
            .orElseThrow();
        assertFalse(put.bodyText().contains("kind"), put.bodyText());
    }

    /** A PUT replaces the object: fields a document leaves out, or a secret a list shows as null, must be kept. */
    @Test
    void should_keep_what_the_document_leaves_out_and_the_secrets_a_list_hides(@TempDir Path dir) throws Exception {
        assertEquals(0, cli().run("apply", "-f", write(dir, "mail.yaml", "kind: connection", "type: email",
            "name: keep-mail", "description: one", "host: smtp.keep.test", "port: 587", "auth: true",
            "username: u@keep.test", "password: mail-secret", "from: noreply@keep.test").toString()).exitCode());

        Path dump = dir.resolve("connections.yaml");
        Files.write(dump, cli().run("get", "connections", "-o", "yaml").outBytes());
        assertTrue(Files.readString(dump).contains("  name: keep-mail\n"), Files.readString(dump));
        sandbox.requests().clear();
        CliResult again = cli().run("apply", "-f", dump.toString());
        assertEquals(0, again.exitCode(), again.describe());
        assertTrue(again.out().contains("connection/keep-mail unchanged\n"), again.out());
        assertEquals(List.of(), writes());

        CliResult r = cli().run("apply", "-f", write(dir, "part.yaml", "kind: connection", "type: email",
            "name: keep-mail", "description: two", "host: smtp.keep.test", "port: 587", "password: null").toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("connection/keep-mail configured\n", r.out());
        String live = cli().run("get", "connection", "keep-mail", "-o", "yaml").out();
        for (String kept : new String[]{"description: two\n", "from: noreply@keep.test\n", "password: mail-secret\n",
            "username: u@keep.test\n"}) {
            assertTrue(live.contains(kept), kept + " in\n" + live);
        }
    }

    /** The issue's own example: get output of a connection was refused for its propertiesMap. */
    @Test
    void should_apply_a_changed_get_yaml_of_each_seed_connection(@TempDir Path dir) throws Exception {
        for (String name : new String[]{"notify-mail", "events-kafka"}) {
            String doc = cli().run("get", "connection", name, "-o", "yaml").out();
            Path f = dir.resolve(name + ".yaml");
            Files.writeString(f, doc.replaceFirst("(?m)^description: .*$", "description: changed by apply"));
            CliResult r = cli().run("apply", "-f", f.toString());
            assertEquals(0, r.exitCode(), r.describe());
            assertEquals("connection/" + name + " configured\n", r.out());
            Files.writeString(f, doc);
            assertEquals(0, cli().run("apply", "-f", f.toString()).exitCode());
        }
    }

    @Test
    void should_apply_every_file_of_a_directory_in_name_order(@TempDir Path dir) throws Exception {
        write(dir, "b.yaml", "kind: env-var", "name: DIR_B", "global: true", "globalValue: v");
        write(dir, "a.yml", "kind: env-var", "name: DIR_A", "global: true", "globalValue: v");
        write(dir, "notes.txt", "not a manifest");
        CliResult r = cli().run("apply", "-f", dir.toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("env-var/DIR_A created\nenv-var/DIR_B created\n", r.out());
    }

    @Test
    void should_report_what_was_and_was_not_applied_when_a_write_fails(@TempDir Path dir) throws Exception {
        Path f = write(dir, "part.yaml",
            "kind: env-var", "name: PART_OK", "global: true", "globalValue: v",
            "---",
            "kind: connection", "type: graylog", "name: notify-mail", "hostname: graylog.test",
            "---",
            "kind: proxy", "name: part-api", "apiProxyCreationType: REVERSE_PROXY",
            "clientRoute:", "  relativePathList: [/part]");
        CliResult r = cli().run("apply", "-f", f.toString());
        assertEquals(3, r.exitCode(), r.describe());
        assertEquals("env-var/PART_OK created\n", r.out());
        assertTrue(r.err().contains("applied: env-var/PART_OK\n"), r.err());
        assertTrue(r.err().contains("not applied: connection/notify-mail (failed), proxy/part-api\n"), r.err());
        assertTrue(r.err().contains("type can not be changed"), r.err());
        assertFalse(writes().stream().anyMatch(w -> w.contains("apiProxies")), writes().toString());
    }

    @Test
    void should_send_nothing_when_a_document_fails_the_schema_check(@TempDir Path dir) throws Exception {
        Path f = write(dir, "bad.yaml",
            "kind: env-var", "name: SCHEMA_OK", "global: true", "globalValue: v",
            "---",
            "kind: connection", "name: no-type-conn");
        CliResult r = cli().run("apply", "-f", f.toString());
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains(f + ":6: connection/no-type-conn: type"), r.err());
        assertTrue(r.err().contains("Nothing was sent."), r.err());
        assertEquals("", r.out());
        assertEquals(List.of(), writes());
    }

    /** Each problem names the file, the document and the line of its field, in whichever document of the file. */
    @Test
    void should_name_the_line_of_each_bad_field(@TempDir Path dir) throws Exception {
        Path f = write(dir, "lines.yaml",
            "kind: env-var", "name: LINE_OK", "global: true", "globalValue: v",
            "---",
            "# the second document",
            "kind: env-var",
            "name: LINE_BAD",
            "description: x",
            "global: maybe",
            "globalValue: v",
            "---",
            "kind: proxy",
            "name: line-api",
            "description: 5",
            "apiProxyCreationType: REVERSE_PROXY",
            "clientRoute:",
            "  relativePathList: [/line]");
        CliResult r = cli().run("apply", "-f", f.toString());
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains(f + ":10: env-var/LINE_BAD: global: must be a boolean"), r.err());
        assertTrue(r.err().contains(f + ":15: proxy/line-api: apiProxyDescription: must be a string"), r.err());
        assertTrue(r.err().contains("Nothing was sent."), r.err());
        assertEquals(List.of(), writes());
    }

    @Test
    void should_ask_for_the_write_only_fields_a_proxy_update_needs(@TempDir Path dir) throws Exception {
        // No settings PATCH takes an address's health check: only the re-parse PUT writes it.
        Path f = write(dir, "p.yaml", "kind: proxy", "name: petstore-api", "routing:", "  routingAddressList:",
            "  - address: https://petstore-backend.example.test", "    healthCheckEnabled: false");
        CliResult r = cli().run("apply", "-f", f.toString());
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("apiProxyCreationType: is required (the manager does not show it: add it to the "
            + "document; no settings PATCH writes routing.routingAddressList[0].healthCheckEnabled)"), r.err());
        assertEquals(List.of(), writes());
    }

    @Test
    void should_refuse_a_document_without_kind_saying_how_to_add_it(@TempDir Path dir) throws Exception {
        Path f = write(dir, "nokind.yaml", "kind: env-var", "name: FINE", "global: true", "globalValue: v", "---",
            "name: NO_KIND");
        CliResult r = cli().run("apply", "-f", f.toString());
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains(f + ":6: the document has no 'kind'; add a first line such as 'kind: proxy'"),
            r.err());
        assertEquals(List.of(), sandbox.requests().list());
    }

    @Test
    void should_refuse_kinds_that_cannot_be_written_and_unknown_kinds(@TempDir Path dir) throws Exception {
        CliResult project = cli().run("apply", "-f", write(dir, "p.yaml", "kind: project", "name: X").toString());
        assertEquals(2, project.exitCode(), project.describe());
        assertTrue(project.err().contains("apply cannot write projects"), project.err());
        CliResult ipGroup = cli().run("apply", "-f", write(dir, "i.yaml", "kind: ip-group", "name: X").toString());
        assertEquals(2, ipGroup.exitCode(), ipGroup.describe());
        assertTrue(ipGroup.err().contains("apply cannot write ip-groups: the API cannot read them back"),
            ipGroup.err());
        CliResult access = cli().run("apply", "-f", write(dir, "a.yaml", "kind: access", "name: X").toString());
        assertEquals(2, access.exitCode(), access.describe());
        assertTrue(access.err().contains("use mgmt grant|revoke access CREDENTIAL --proxy P"), access.err());
        CliResult typo = cli().run("apply", "-f", write(dir, "t.yaml", "kind: proxxy", "name: X").toString());
        assertEquals(2, typo.exitCode(), typo.describe());
        assertTrue(typo.err().contains("t.yaml:1: unknown resource kind 'proxxy'; did you mean 'proxy'?"), typo.err());
        assertEquals(List.of(), sandbox.requests().list());
    }

    @Test
    void should_refuse_the_same_object_twice_and_a_proxy_scoped_kind_without_proxy(@TempDir Path dir)
        throws Exception {
        CliResult twice = cli().run("apply", "-f", write(dir, "d.yaml", "kind: env-var", "name: TWICE", "---",
            "kind: env-var", "name: TWICE").toString());
        assertEquals(2, twice.exitCode(), twice.describe());
        assertTrue(twice.err().contains("d.yaml:4: env-var/TWICE is also at"), twice.err());
        CliResult noProxy = cli().run("apply", "-f", write(dir, "e.yaml", "kind: endpoint", "endpoint: /x",
            "httpMethod: GET").toString());
        assertEquals(2, noProxy.exitCode(), noProxy.describe());
        assertTrue(noProxy.err().contains("e.yaml:1: endpoint has no 'proxy'"), noProxy.err());
        CliResult missing = cli().run("apply", "-f", dir.resolve("none.yaml").toString());
        assertEquals(2, missing.exitCode(), missing.describe());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertEquals(List.of(), sandbox.requests().list());
    }

    @Test
    void should_read_documents_from_stdin() {
        CliResult r = cli().stdin("kind: env-var\nname: FROM_STDIN\nglobal: true\nglobalValue: v\n").run("apply", "-f", "-");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("env-var/FROM_STDIN created\n", r.out());
    }

    @Test
    void should_show_every_write_and_send_none_on_dry_run_even_when_pruning(@TempDir Path dir) throws Exception {
        Cli demo = sandbox.cli().env("MGMT_PROJECT", "demo");
        assertEquals(0, demo.run("create", "env-var", "-f", write(dir, "old.yaml", "name: DRY_OLD", "global: true",
            "globalValue: v").toString()).exitCode());
        Path f = write(dir, "env.yaml", "kind: env-var", "project: demo", "name: DRY_NEW", "global: true",
            "globalValue: v");
        sandbox.requests().clear();

        CliResult r = cli().run("apply", "-f", f.toString(), "--prune", "--dry-run");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("env-var/DRY_NEW created (dry run)\n"), r.out());
        assertTrue(r.out().contains("env-var/DRY_OLD deleted (dry run)\n"), r.out());
        assertTrue(r.err().contains("-X POST") && r.err().contains("environmentVariables/DRY_NEW"), r.err());
        assertTrue(r.err().contains("-X DELETE") && r.err().contains("environmentVariables/DRY_OLD"), r.err());
        assertFalse(r.err().contains(sandbox.adminToken()), r.err());
        assertEquals(List.of(), writes());
        assertEquals(0, demo.run("get", "env-var", "DRY_OLD").exitCode());
        assertEquals(6, demo.run("get", "env-var", "DRY_NEW").exitCode());

        CliResult json = cli().run("apply", "-f", f.toString(), "--dry-run", "-o", "json");
        assertEquals(0, json.exitCode(), json.describe());
        assertTrue(json.out().contains("\"dry_run\": true"), json.out());
        assertEquals(List.of(), writes());
    }

    @Test
    void should_prune_only_within_the_kinds_and_projects_the_files_name(@TempDir Path dir) throws Exception {
        Cli demo = sandbox.cli().env("MGMT_PROJECT", "demo");
        for (String n : new String[]{"KEEP", "GONE"}) {
            assertEquals(0, demo.run("create", "env-var", "-f", write(dir, n + ".yaml", "name: " + n, "global: true", "globalValue: v").toString())
                .exitCode());
        }
        assertEquals(0, demo.run("create", "connection", "-f", write(dir, "c.yaml", "type: email", "name: demo-mail", "host: h")
            .toString()).exitCode());
        Path f = write(dir, "env.yaml", "kind: env-var", "project: demo", "name: KEEP", "global: true", "globalValue: v");
        sandbox.requests().clear();

        CliResult r = cli().run("apply", "-f", f.toString(), "--prune", "--yes");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().startsWith("env-var/KEEP unchanged\n"), r.out());
        assertTrue(r.out().contains("env-var/GONE deleted\n"), r.out());
        assertTrue(writes().stream().allMatch(w -> w.startsWith("DELETE /apiops/projects/demo/environmentVariables/")),
            writes().toString());
        assertEquals(0, demo.run("get", "connection", "demo-mail").exitCode());
        assertEquals(0, cli().run("get", "env-var", "BACKEND_BASE_URL").exitCode());
        assertEquals(6, demo.run("get", "env-var", "GONE").exitCode());
    }

    @Test
    void should_refuse_prune_without_yes_when_stdin_is_not_a_terminal(@TempDir Path dir) throws Exception {
        Path f = write(dir, "env.yaml", "kind: env-var", "name: BACKEND_BASE_URL");
        CliResult r = cli().run("apply", "-f", f.toString(), "--prune");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("refusing to prune without confirmation: stdin is not a terminal"), r.err());
        assertEquals(List.of(), sandbox.requests().list());
    }

    @Test
    void should_ask_on_a_terminal_before_prune_deletes_and_stop_on_no(@TempDir Path dir) throws Exception {
        Cli demo = sandbox.cli().env("MGMT_PROJECT", "demo");
        assertEquals(0, demo.run("create", "env-var", "-f", write(dir, "x.yaml", "name: ASKED", "global: true", "globalValue: v").toString()).exitCode());
        Path f = write(dir, "env.yaml", "kind: env-var", "project: demo", "name: OTHER", "global: true", "globalValue: v");
        sandbox.requests().clear();
        CliResult r = cli().stdinTerminal(true).stdin("n\n").run("apply", "-f", f.toString(), "--prune");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("- env-var/ASKED"), r.err());
        assertTrue(r.err().contains("not confirmed; nothing was changed"), r.err());
        assertEquals(List.of(), writes());
    }
}
