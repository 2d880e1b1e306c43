package dev.mgmt.cli;

import dev.mgmt.resources.Part;
import dev.mgmt.resources.Parts;
import dev.mgmt.sandbox.RequestLog;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.mgmt.cli.IpGroupCommandsTest.assertUsage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mgmt set proxy NAME SETTING: the PATCH families of an API proxy's settings, and endpoint status and cache. */
class ProxySettingsCommandsTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    @BeforeEach
    void clean() {
        sandbox.requests().clear();
    }

    static Cli cli() {
        return sandbox.cli().env("MGMT_PROJECT", "MyProject");
    }

    @Test
    void should_patch_cors_from_yaml() {
        CliResult r = cli().stdin("name: cors\ncorsActive: true\nallowOriginList: ['*']\n")
            .run("set", "proxy", "petstore-api", "cors", "-f", "-");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("proxy/petstore-api cors updated\n", r.out());
        RequestLog.Entry e = sandbox.ownRequests().get(0);
        assertEquals("PATCH /apiops/projects/MyProject/apiProxies/petstore-api/settings/cors/", e.method() + " " + e.path());
        assertEquals("application/json", e.header("Content-Type"));
        assertEquals("{\"name\":\"cors\",\"corsActive\":true,\"allowOriginList\":[\"*\"]}", e.bodyText());
    }

    @Test
    void should_reach_every_documented_setting_with_its_own_schema() {
        int settings = 0;
        for (Part p : Parts.all()) {
            if (p.kind().equals("proxy") && p.input() == Part.Input.FILE) {
                settings++;
                assertTrue(p.path().get(p.path().size() - 2).equals("settings") || p.path().contains("settings"), p.name());
                assertTrue(dev.mgmt.validate.BodyValidator.hasSchema(p.schema()), p.name() + ": " + p.schema());
            }
        }
        assertEquals(16, settings);
    }

    @Test
    void should_name_every_part_in_the_help_of_its_verb() {
        for (Part.Change c : Part.Change.values()) {
            String help = sandbox.cli().run(c.word(), "--help").out();
            for (Part p : Parts.all()) {
                if (p.change() == c && !p.kind().equals("credential")) {
                    assertTrue(help.contains(p.name()), c.word() + " --help lacks " + p.kind() + " " + p.name() + ":\n" + help);
                }
            }
        }
    }

    @Test
    void should_complete_the_new_verbs_their_kinds_and_parts_in_fish() {
        String fish = sandbox.cli().run("completion", "fish").out();
        for (String verb : new String[]{"set", "add", "remove", "grant", "revoke"}) {
            assertTrue(fish.contains("-a " + verb + " "), verb + " in\n" + fish);
        }
        String bash = sandbox.cli().run("completion", "bash").out();
        assertTrue(bash.contains("ip-group") && bash.contains("hide-spec-file"), "kinds and parts in the bash script");
        // that `set proxy <TAB>` completes proxy names is run in real bash by CompletionTest
    }

    @Test
    void should_refuse_a_setting_that_fails_its_schema_and_send_nothing() {
        CliResult r = cli().stdin("corsActive: true\n").run("set", "proxy", "petstore-api", "cors", "-f", "-");
        assertUsage(r, "error: stdin does not match the proxy.update-cors-settings schema (1 problem)");
        assertTrue(r.err().contains("name: is required"), r.err());
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_put_hide_spec_file_in_the_path() {
        CliResult r = cli().run("set", "proxy", "petstore-api", "hide-spec-file", "true");
        assertEquals("proxy/petstore-api hide-spec-file set to true\n", r.out(), r.describe());
        RequestLog.Entry e = sandbox.ownRequests().get(0);
        assertEquals("/apiops/projects/MyProject/apiProxies/petstore-api/settings/hide-spec-file/true/", e.path());
        assertEquals(0, e.body().length);
    }

    @Test
    void should_suggest_a_setting_for_a_typo() {
        assertUsage(cli().run("set", "proxy", "petstore-api", "corz", "-f", "x.yaml"),
            "error: no part 'corz' of proxies for mgmt set; did you mean 'cors'?");
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_answer_a_missing_proxy_with_exit_6() {
        CliResult r = cli().stdin("name: c\n").run("set", "proxy", "no-such-proxy", "cors", "-f", "-");
        assertEquals(6, r.exitCode(), r.describe());
    }

    @Test
    void should_switch_an_endpoint_off_naming_it_in_the_body() {
        CliResult r = cli().run("set", "endpoint", "/pets/{petId}", "status", "false", "--proxy", "petstore-api",
            "--method", "get");
        assertEquals(0, r.exitCode(), r.describe());
        RequestLog.Entry e = sandbox.ownRequests().get(0);
        assertEquals("PATCH /apiops/projects/MyProject/apiProxies/petstore-api/endpoints/status/", e.method() + " " + e.path());
        assertEquals("{\"active\":false,\"identifierName\":\"/pets/{petId}\",\"identifierHttpMethod\":\"GET\"}",
            e.bodyText());
        CliResult list = cli().run("get", "endpoints", "--proxy", "petstore-api", "-o", "custom-columns=E:.endpoint,M:.httpMethod,A:.active", "--no-headers");
        assertTrue(list.out().lines().anyMatch(l -> l.matches("/pets/\\{petId} +GET +false")), list.out());
        cli().run("set", "endpoint", "/pets/{petId}", "status", "true", "--proxy", "petstore-api", "--method", "GET");
    }

    @Test
    void should_fill_the_endpoint_into_a_cache_file_and_refuse_a_different_one() {
        String cache = "cacheSettings:\n  name: c\n  cacheActive: false\n  handlingAction: CONTINUE\n";
        CliResult r = cli().stdin(cache).run("set", "endpoint", "/pets", "cache", "-f", "-", "--proxy", "petstore-api",
            "--method", "GET", "--no-validate");
        assertEquals(0, r.exitCode(), r.describe());
        String body = sandbox.ownRequests().get(0).bodyText();
        assertTrue(body.contains("\"identifierName\":\"/pets\"") && body.contains("\"identifierHttpMethod\":\"GET\""), body);
        sandbox.requests().clear();
        assertUsage(cli().stdin("identifierName: /other\n" + cache).run("set", "endpoint", "/pets", "cache", "-f", "-",
                "--proxy", "petstore-api", "--method", "GET", "--no-validate"),
            "error: 'identifierName: /other' in the file differs from '/pets' on the command line; give one");
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_need_the_endpoint_method_and_proxy() {
        assertUsage(cli().run("set", "endpoint", "/pets", "status", "false", "--proxy", "petstore-api"),
            "error: an endpoint is named by its path and --method");
        assertUsage(cli().run("set", "endpoint", "/pets", "status", "false", "--proxy", "petstore-api", "--method", "FETCH"),
            "error: invalid --method 'FETCH': expected one of GET, POST");
        assertUsage(cli().run("set", "endpoint", "/pets", "status", "false", "--method", "GET"),
            "error: endpoints belong to an API proxy: pass --proxy NAME");
        assertEquals(0, sandbox.ownRequests().size());
    }

    @Test
    void should_answer_a_missing_endpoint_with_exit_6_and_a_suggestion() {
        CliResult r = cli().run("set", "endpoint", "/pet", "status", "false", "--proxy", "petstore-api", "--method", "GET");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: no endpoint '/pet' in proxy 'petstore-api' of project 'MyProject'; did you mean"),
            r.err());
    }
}
