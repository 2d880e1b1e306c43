package dev.mgmt.startup;

import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.Scope;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The committed completion scripts under completions/ are exactly what 'mgmt completion bash|zsh'
 * prints; run {@code mvn test -Dtest=CompletionTest -Dmgmt.updateCompletions=true} to regenerate them
 * after changing commands or options. Also the hidden '__complete' helper behind dynamic names.
 */
class CompletionTest {
    static final Path DIR = Path.of("completions");
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    private static String out(CliResult r) {
        return new String(r.outBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void should_match_the_committed_scripts() throws IOException {
        boolean update = Boolean.getBoolean("mgmt.updateCompletions");
        for (String[] f : List.of(new String[] {"bash", "mgmt.bash"}, new String[] {"zsh", "mgmt.zsh"},
                new String[] {"fish", "mgmt.fish"})) {
            CliResult r = cli().run("completion", f[0]);
            assertEquals(0, r.exitCode(), r.err());
            String generated = out(r);
            assertTrue(generated.contains(f[0].equals("fish") ? "complete -c mgmt" : "complete -F _mgmt_complete_names"),
                generated);
            assertTrue(generated.contains("get"), generated);
            Path file = DIR.resolve(f[1]);
            if (update) {
                Files.createDirectories(DIR);
                Files.writeString(file, generated, StandardCharsets.UTF_8);
                continue;
            }
            if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(generated)) {
                fail(file + " is stale: commands or options changed. Regenerate with\n"
                    + "  mvn -B -ntp test -Dtest=CompletionTest -Dmgmt.updateCompletions=true\nand commit it.");
            }
        }
    }

    @Test
    void should_reject_an_unknown_shell() {
        CliResult r = cli().run("completion", "tcsh");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("expected bash, zsh or fish"), r.err());
    }

    static final Path FISH = Path.of("/usr/bin/fish");

    /** The fish script written into {@code dir}; the test is skipped where fish is missing (never on CI). */
    private static Path fishScript(Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(FISH) || System.getenv("CI") != null,
            "needs fish (apt-get install fish)");
        Path script = dir.resolve("mgmt.fish");
        Files.writeString(script, out(cli().run("completion", "fish")), StandardCharsets.UTF_8);
        return script;
    }

    /** The real fish (Debian package fish, installed by .ci/run) parses the script and completes from it. */
    @Test
    void should_be_a_script_fish_reads(@TempDir Path dir) throws Exception {
        Path script = fishScript(dir);
        Process p = new ProcessBuilder(FISH.toString(), "--no-config", "-c",
            "source " + script + "; complete -C 'mgmt get -o '").redirectErrorStream(true).start();
        String got = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), got);
        assertTrue(got.lines().anyMatch(l -> l.startsWith("yaml\t")), got);
    }

    /** The real bash completes -o values as they are typed (custom-columns=, not the enum's custom_columns). */
    @Test
    void should_complete_output_formats_in_bash(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("mgmt.bash");
        Files.writeString(script, out(cli().run("completion", "bash")), StandardCharsets.UTF_8);
        String line = "mgmt get projects -o ";
        Process p = new ProcessBuilder("bash", "--norc", "-c", "source " + script
            + "; COMP_WORDS=(mgmt get projects -o ''); COMP_CWORD=4; COMP_LINE='" + line + "'; COMP_POINT=" + line.length()
            + "; _mgmt_complete_names mgmt '' -o 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"")
            .redirectErrorStream(true).start();
        String got = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), got);
        assertEquals(List.of("table", "wide", "json", "yaml", "name", "custom-columns=", "jsonpath="), got.lines().toList());
        String fish = out(cli().run("completion", "fish"));
        assertTrue(fish.contains("-x -a 'table wide json yaml name custom-columns= jsonpath='"), fish);
    }

    /**
     * What the real bash completes after {@code words} (the last one being completed), with a stand-in
     * for mgmt that answers '__complete ARGS' with one line per argument it got and then a proxy name:
     * the test sees both what the script asked and what it offers.
     */
    private static List<String> bashNames(Path dir, String... words) throws Exception {
        return bashNamesAt(dir, words.length, words);
    }

    /** As {@link #bashNames}, with the cursor on word {@code cword} (1 = the first after mgmt) and words after it. */
    private static List<String> bashNamesAt(Path dir, int cword, String... words) throws Exception {
        Path script = dir.resolve("mgmt.bash");
        Files.writeString(script, out(cli().run("completion", "bash")), StandardCharsets.UTF_8);
        Path stub = stub(dir);
        StringBuilder array = new StringBuilder("'" + stub + "'");
        for (String w : words) {
            array.append(" '").append(w).append("'");
        }
        Process p = new ProcessBuilder("bash", "--norc", "-c", "source " + script + "; COMP_WORDS=(" + array
            + "); COMP_CWORD=" + cword + "; _mgmt_complete_names mgmt '' x 2>/dev/null;"
            + " printf '%s\\n' \"${COMPREPLY[@]}\"").redirectErrorStream(true).start();
        String got = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), got);
        return got.lines().toList();
    }

    /** A stand-in for mgmt that answers with one line per argument it got ("asked:ARG"), then a proxy name. */
    private static Path stub(Path dir) throws IOException {
        Path stub = dir.resolve("mgmt");
        Files.writeString(stub, "#!/bin/sh\nfor a in \"$@\"; do echo \"asked:$a\"; done\necho petstore-api\n");
        assertTrue(stub.toFile().setExecutable(true));
        return stub;
    }

    /** The NAME after the kind completes whatever options come between, with their context passed on. */
    @Test
    void should_complete_names_after_the_kind_with_options_in_between_in_bash(@TempDir Path dir) throws Exception {
        assertEquals(List.of("asked:__complete", "asked:-p", "asked:MyProject", "asked:proxies", "petstore-api"),
            bashNames(dir, "get", "proxy", "-p", "MyProject", ""));
        assertEquals(List.of("asked:__complete", "asked:--project=MyProject", "asked:proxies", "petstore-api"),
            bashNames(dir, "get", "proxy", "--project", "=", "MyProject", ""));
        assertEquals(List.of("petstore-api"), bashNames(dir, "get", "proxies", "-o", "json", "-p", "MyProject", "pet"));
        assertEquals(List.of("asked:__complete", "asked:-p", "asked:P", "asked:--proxy", "asked:X", "asked:endpoints",
            "petstore-api"), bashNames(dir, "delete", "endpoint", "-p", "P", "--proxy", "X", ""));
        // the part verbs name a proxy the same way
        assertEquals(List.of("asked:__complete", "asked:-p", "asked:MyProject", "asked:proxies", "petstore-api"),
            bashNames(dir, "set", "proxy", "-p", "MyProject", ""));
        // options typed after the cursor count too
        assertEquals(List.of("asked:__complete", "asked:-p", "asked:MyProject", "asked:-e", "asked:dev",
            "asked:proxies", "petstore-api"), bashNamesAt(dir, 5, "-p", "MyProject", "get", "proxy", "", "-e", "dev"));
        // every listable kind, with the context it needs passed on
        assertEquals(List.of("asked:__complete", "asked:-p", "asked:MyProject", "asked:connections", "petstore-api"),
            bashNames(dir, "get", "connection", "-p", "MyProject", ""));
        assertEquals(List.of("asked:__complete", "asked:-p", "asked:P", "asked:--credential", "asked:partner-app",
            "asked:access", "petstore-api"), bashNames(dir, "get", "grants", "-p", "P", "--credential", "partner-app", ""));
        assertEquals(List.of("asked:__complete", "asked:-p", "asked:P", "asked:--type", "asked:email",
            "asked:connections", "petstore-api"), bashNames(dir, "delete", "conn", "-p", "P", "--type", "email", ""));
        // --credential's value is a credential's username
        assertEquals(List.of("asked:__complete", "asked:-p", "asked:P", "asked:credentials", "petstore-api"),
            bashNames(dir, "get", "access", "-p", "P", "--credential", ""));
        // a global option before the verb and its value are not the verb
        assertEquals(List.of("asked:__complete", "asked:--context", "asked:prod", "asked:environments", "petstore-api"),
            bashNames(dir, "--context", "prod", "get", "env", ""));
    }

    /** Where no NAME is being typed, picocli's completion answers and mgmt is not asked. */
    @Test
    void should_not_complete_names_where_no_name_goes_in_bash(@TempDir Path dir) throws Exception {
        for (String[] words : List.of(new String[] {"get", "proxy", "petstore-api", ""},
                new String[] {"get", "proxy", "-p", "MyProject", "--proxy", "=", "x", "-o", ""},
                new String[] {"create", "proxy", "-p", "MyProject", ""}, new String[] {"get", "proxy", "-p", "MyProject", "--"})) {
            List<String> got = bashNames(dir, words);
            assertFalse(got.stream().anyMatch(l -> l.startsWith("asked:")), String.join(" ", words) + "\n" + got);
        }
        assertTrue(bashNames(dir, "get", "proxy", "-p", "MyProject", "-o", "").contains("yaml"));
    }

    /** zsh's bashcompinit keeps --project=NAME one word; the same script must still see the project and the name. */
    @Test
    void should_complete_names_after_options_in_one_word_as_zsh_passes_them(@TempDir Path dir) throws Exception {
        assertEquals(List.of("asked:__complete", "asked:--project=MyProject", "asked:proxies", "petstore-api"),
            bashNames(dir, "get", "proxy", "--project=MyProject", ""));
        assertEquals(List.of("asked:__complete", "asked:--project=P", "asked:--proxy=X", "asked:endpoints", "petstore-api"),
            bashNames(dir, "delete", "ep", "--project=P", "--proxy=X", ""));
    }

    /** The real fish completes the NAME after options too, asking the stand-in mgmt with the context typed. */
    @Test
    void should_complete_names_after_the_kind_with_options_in_between_in_fish(@TempDir Path dir) throws Exception {
        Path script = fishScript(dir);
        stub(dir);
        String run = "source " + script + "; complete -C 'mgmt get proxy -p MyProject '; echo ---;"
            + " complete -C 'mgmt delete endpoint --project=P --proxy X '; echo ---;"
            + " complete -C 'mgmt get proxies -p MyProject --proxy '; echo ---;"
            + " complete -C 'mgmt get proxy petstore-api '";
        ProcessBuilder pb = new ProcessBuilder(FISH.toString(), "--no-config", "-c", run).redirectErrorStream(true);
        pb.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String got = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), got);
        List<List<String>> parts = java.util.Arrays.stream(got.split("---\n", -1))
            .map(x -> x.lines().map(l -> l.split("\t")[0]).toList()).toList();
        assertTrue(parts.get(0).containsAll(List.of("asked:-p", "asked:MyProject", "asked:proxies", "petstore-api")), got);
        assertTrue(parts.get(1).containsAll(List.of("asked:--project=P", "asked:--proxy", "asked:X", "asked:endpoints")),
            got);
        assertTrue(parts.get(2).containsAll(List.of("asked:-p", "asked:MyProject", "asked:proxies")), got);
        assertFalse(parts.get(3).stream().anyMatch(l -> l.startsWith("asked:")), got);
    }

    /** bash and zsh (bashcompinit) complete --proxy's value from 'mgmt __complete proxies' with the -p typed before. */
    @Test
    void should_complete_proxy_names_after_the_proxy_option_in_bash_and_zsh(@TempDir Path dir) throws Exception {
        assertEquals(List.of("asked:__complete", "asked:-p", "asked:MyProject", "asked:proxies", "petstore-api"),
            bashNames(dir, "doctor", "-p", "MyProject", "--proxy", ""));
        // bash splits --proxy=pe into '--proxy' '=' 'pe' and completes the value alone
        assertEquals(List.of("petstore-api"), bashNames(dir, "get", "endpoints", "--project", "=", "MyProject",
            "--proxy", "=", "pe"));
        assertEquals(List.of("asked:__complete", "asked:--project=MyProject", "asked:proxies", "petstore-api"),
            bashNames(dir, "get", "endpoints", "--project", "=", "MyProject", "--proxy", "="));
        // zsh's bashcompinit keeps '--proxy=pe' one word: the completion keeps the option in front
        assertEquals(List.of("--proxy=petstore-api"), bashNames(dir, "get", "endpoints", "--project=MyProject",
            "--proxy=pe"));
    }

    @Test
    void should_complete_commands_options_names_and_formats_in_fish() {
        String fish = out(cli().run("completion", "fish"));
        assertTrue(fish.contains("complete -c mgmt -n __fish_use_subcommand -a get -d "), fish);
        assertTrue(fish.contains("-s p -l project -x -a '(mgmt __complete (__mgmt_context_args) projects 2>/dev/null)'"),
            fish);
        assertTrue(fish.matches("(?s).*-l output[^\n]*-x -a '[^'\n]*json[^'\n]*yaml.*"), "-o values complete\n" + fish);
        assertTrue(fish.contains("-n '__fish_seen_subcommand_from config' -a use-context"), fish);
        assertFalse(fish.contains("__complete -d") || fish.contains("-a __complete "), "hidden commands stay hidden\n" + fish);
    }

    @Test
    void should_complete_context_names_from_the_config_file(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "current-context: prod\ncontexts:\n  prod:\n    url: https://a.example\n  staging:\n"
            + "    url: https://b.example\n");
        config.toFile().setReadable(false, false);
        config.toFile().setReadable(true, true);
        CliResult r = cli().config(config).run("__complete", "contexts");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("prod\nstaging\n", out(r));
    }

    @Test
    void should_complete_project_names_from_the_server_and_cache_them(@TempDir Path cache) {
        CliResult r = sandbox.cli()
            .env("XDG_CACHE_HOME", cache.toString()).run("__complete", "projects");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(out(r).lines().toList().contains("MyProject"), out(r));
        assertEquals("", r.err());
        assertTrue(Files.isDirectory(cache.resolve("mgmt/complete")), "no cache written");
        // served from the cache: a wrong URL would otherwise give nothing
        int before = sandbox.requests().count();
        CliResult again = sandbox.cli()
            .env("XDG_CACHE_HOME", cache.toString()).run("__complete", "projects");
        assertEquals(out(r), out(again));
        assertEquals(before, sandbox.requests().count(), "the second completion went to the server");
    }

    @Test
    void should_complete_proxy_names_of_the_project(@TempDir Path cache) {
        CliResult r = sandbox.cli().env("XDG_CACHE_HOME", cache.toString()).env("MGMT_PROJECT", "MyProject")
            .run("__complete", "proxies");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(out(r).lines().toList().contains("petstore-api"), out(r));
        CliResult flag = sandbox.cli().env("XDG_CACHE_HOME", cache.toString())
            .run("-p", "MyProject", "__complete", "proxies");
        assertTrue(out(flag).lines().toList().contains("Contact Application API"), out(flag));
        CliResult none = sandbox.cli().env("XDG_CACHE_HOME", cache.toString()).run("__complete", "proxies");
        assertEquals(0, none.exitCode());
        assertEquals("", out(none), "no project, no proxies");
        assertEquals("", none.err());
    }

    @Test
    void should_complete_endpoint_paths_of_the_proxy_once_each(@TempDir Path cache) {
        CliResult r = sandbox.cli().env("XDG_CACHE_HOME", cache.toString())
            .run("-p", "MyProject", "__complete", "--proxy", "petstore-api", "endpoints");
        assertEquals(0, r.exitCode(), r.err());
        List<String> paths = out(r).lines().toList();
        assertFalse(paths.isEmpty(), "no endpoints");
        assertTrue(paths.stream().allMatch(l -> l.startsWith("/")), out(r));
        assertEquals(paths.stream().distinct().toList(), paths, "a path once, whatever its methods");
        CliResult none = sandbox.cli().env("XDG_CACHE_HOME", cache.toString())
            .run("-p", "MyProject", "__complete", "endpoints");
        assertEquals(0, none.exitCode());
        assertEquals("", out(none), "no proxy, no endpoints");
        assertEquals("", none.err());
    }

    /** The context each scope needs, as flags, in the sandbox's seeded project. */
    private static List<String> contextOf(Kind k) {
        List<String> flags = new ArrayList<>();
        if (k.scope() != Scope.GLOBAL) {
            flags.addAll(List.of("-p", "MyProject"));
        }
        if (k.scope() == Scope.PROXY) {
            flags.addAll(List.of("--proxy", "petstore-api"));
        }
        if (k.scope() == Scope.CREDENTIAL) {
            flags.addAll(List.of("--credential", "partner-app"));
        }
        return flags;
    }

    /** {@code args}, then the context {@code flags}. */
    private static CliResult run(Path cache, List<String> flags, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(flags);
        return sandbox.cli().env("XDG_CACHE_HOME", cache.toString()).run(all.toArray(String[]::new));
    }

    /**
     * Every kind get lists completes the names 'get KINDS -o name' prints (an endpoint's path once, without
     * its method), given the context it needs; the kind table is walked, so a new kind is covered too.
     */
    @Test
    void should_complete_the_seeded_names_of_every_listable_kind(@TempDir Path cache) {
        for (Kind k : Kinds.all()) {
            List<String> flags = contextOf(k);
            CliResult listed = run(cache, flags, "get", k.plural(), "-o", "name");
            assertEquals(0, listed.exitCode(), k.plural() + ": " + listed.err());
            List<String> expected = out(listed).lines()
                .map(l -> k.keyFields().isEmpty() ? l : l.substring(l.indexOf(' ') + 1)).distinct().toList();
            assertFalse(expected.isEmpty(), "the sandbox seeds no " + k.plural());
            CliResult r = run(cache, flags, "__complete", k.plural());
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(expected, out(r).lines().toList(), k.plural());
            assertEquals("", r.err(), k.plural());
        }
    }

    /** Without the -p, --proxy or --credential a kind needs, nothing is completed and nothing is sent. */
    @Test
    void should_complete_nothing_and_send_nothing_without_the_context_a_kind_needs(@TempDir Path cache) {
        for (Kind k : Kinds.all()) {
            List<String> flags = contextOf(k);
            if (flags.isEmpty()) {
                continue;
            }
            List<String> lacking = flags.size() == 2 ? List.of() : flags.subList(0, 2);
            int before = sandbox.requests().count();
            CliResult r = run(cache, lacking, "__complete", k.plural());
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("", out(r), k.plural() + " with " + lacking);
            assertEquals("", r.err(), k.plural());
            assertEquals(before, sandbox.requests().count(), k.plural() + " went to the server");
        }
        CliResult badType = run(cache, List.of("-p", "MyProject"), "__complete", "--type", "nope", "connections");
        assertEquals(0, badType.exitCode());
        assertEquals("", out(badType) + badType.err());
    }

    /** --type narrows connections to one type, as get does. */
    @Test
    void should_complete_connections_of_one_type(@TempDir Path cache) {
        List<String> p = List.of("-p", "MyProject");
        CliResult listed = run(cache, p, "get", "connections", "--type", "email", "-o", "name");
        assertEquals(0, listed.exitCode(), listed.err());
        CliResult r = run(cache, p, "__complete", "--type", "email", "connections");
        assertEquals(out(listed), out(r));
        assertFalse(out(r).isEmpty(), "no email connection seeded");
        assertFalse(out(r).equals(out(run(cache, p, "__complete", "connections"))), "--type made no difference");
    }

    @Test
    void should_print_nothing_and_succeed_when_offline(@TempDir Path cache) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        CliResult r = cli().env("MGMT_URL", "http://127.0.0.1:" + port).env("MGMT_TOKEN", "x")
            .env("XDG_CACHE_HOME", cache.toString()).run("__complete", "projects");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", out(r));
        assertEquals("", r.err());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "too slow offline");
        CliResult none = cli().env("XDG_CACHE_HOME", cache.toString()).run("__complete", "environments");
        assertEquals(0, none.exitCode());
        assertEquals("", none.err());
    }
}
