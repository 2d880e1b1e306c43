package dev.mgmt.config;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any text as a config file: it parses, or it is a problem with a message and the line it is on
 * (within the file); never another exception, which would end mgmt with a stack trace (exit 1).
 */
class ConfigParserPropertyTest {
    /** The pieces config files and YAML's trickier corners are made of. */
    private static final List<String> FRAGMENTS = List.of(
        "current-context: a", "current-context:", "contexts:", "contexts: []", "contexts: x", "  a:", "  b: {}", "  c: [1]",
        "    url: https://m.example.com", "    token: abc", "    token-file: ~/t", "    timeout: 30", "    timeout: x",
        "    retries: 2.5", "    retries: 99999999999999999999999", "    insecure: yes", "    insecure: true",
        "    token-expires: 2026-01-31T12:00:00Z", "    token-expires: soon", "    output: json", "    output: xml",
        "    nope: 1", "    url: [a, b]", "    url:", "extra: 1", "\turl: tab", "- item", "---", "...", "%YAML 1.2",
        "&anchor a: 1", "*anchor", "b: *missing", "<<: *anchor", "? complex", ": value", "key: |", "key: >-", "  folded",
        "!!binary x: AAAA", "!!int a: b", "!custom a", "key: 'unclosed", "key: \"esc \\x\"", "{a: 1", "[1, 2", "}", "]",
        "a: b: c", "# comment", "", "  ", "\uFEFF", "\u0000", "\u0085", "key: \uD800", "contexts: {a: {url: x}, a: {}}",
        "    url: a\n    url: b", "a:\n  - b\n  c: d");

    @Provide
    Arbitrary<String> yamlish() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(12).map(l -> String.join("\n", l));
    }

    @Provide
    Arbitrary<String> mutatedValid() {
        String valid = "current-context: a\ncontexts:\n  a:\n    url: https://m.example.com\n    timeout: 30\n"
            + "    insecure: false\n  b:\n    token-file: ~/b.token\n";
        return Arbitraries.integers().between(0, valid.length()).flatMap(at ->
            Arbitraries.strings().ofMaxLength(4).withChars(":-{}[]&*!|>'\"#\t\n ?%@`,xa0")
                .map(insert -> valid.substring(0, at) + insert + valid.substring(at)));
    }

    private static void parsesOrNamesTheLine(String text) {
        try {
            ConfigParser.parse(text);
        } catch (ConfigParser.Problem p) {
            long lines = text.lines().count() + 1;
            assertTrue(p.getMessage() != null && !p.getMessage().isBlank(), "a problem without a message");
            assertTrue(p.line >= 1 && p.line <= lines, "line " + p.line + " outside 1.." + lines + " for: " + p.getMessage()
                + "\n" + text);
        }
    }

    @Property(tries = 400, seed = "20261202")
    void any_text_parses_or_is_a_problem_on_a_line(@ForAll String text) {
        parsesOrNamesTheLine(text);
    }

    @Property(tries = 600, seed = "20261202")
    void yaml_like_text_parses_or_is_a_problem_on_a_line(@ForAll("yamlish") String text) {
        parsesOrNamesTheLine(text);
    }

    @Property(tries = 400, seed = "20261202")
    void a_damaged_config_parses_or_is_a_problem_on_a_line(@ForAll("mutatedValid") String text) {
        parsesOrNamesTheLine(text);
    }

    @Property(tries = 200, seed = "20261202")
    void what_mgmt_writes_reads_back_the_same(@ForAll("names") String name, @ForAll("values") String url,
                                              @ForAll("values") String project) throws ConfigParser.Problem {
        ConfigFile file = new ConfigFile();
        ContextEntry e = new ContextEntry();
        e.set("url", url);
        e.set("project", project);
        file.contexts().put(name, e);
        file.setCurrentContext(name);
        ConfigFile back = ConfigParser.parse(ConfigWriter.render(file));
        assertTrue(back.contexts().containsKey(name), ConfigWriter.render(file));
        assertTrue(url.strip().equals(back.context(name).get("url")), ConfigWriter.render(file));
        assertTrue(project.strip().equals(back.context(name).get("project")), ConfigWriter.render(file));
        assertTrue(name.equals(back.currentContext()), ConfigWriter.render(file));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcXYZ019._@:/+-").ofMinLength(1).ofMaxLength(12)
            .filter(s -> Character.isLetterOrDigit(s.charAt(0)));
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(20).withChars("ab:/#'\"{}[] -*&!|>%@`?,.0129yesnoTRUE~")
            .filter(s -> !s.isBlank());
    }
}
