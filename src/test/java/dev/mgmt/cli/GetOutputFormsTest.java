package dev.mgmt.cli;

import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** kubectl's output forms of get: -o custom-columns=SPEC, -o jsonpath=EXPR and --sort-by FIELD (issue 16). */
class GetOutputFormsTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    static CliResult run(String... args) {
        Cli cli = sandbox.cli();
        return cli.run(args);
    }

    @Test
    void should_print_custom_columns_with_none_for_a_missing_field() {
        CliResult r = run("get", "proxies", "-p", "MyProject", "-o", "custom-columns=NAME:.name,TYPE:.type,PATH:relativePath,X:.a.b");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(""
            + "NAME                      TYPE   PATH        X\n"
            + "Address                   SOAP   /address    <none>\n"
            + "Contact Application API   REST   /contact    <none>\n"
            + "petstore-api              REST   /petstore   <none>\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void should_print_custom_columns_without_headers() {
        CliResult r = run("get", "projects", "--no-headers", "-o", "custom-columns=NAME:.name");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("MyProject\nPayments-API\ndemo\n", r.out());
    }

    @Test
    void should_print_one_jsonpath_value_a_line() {
        CliResult r = run("get", "projects", "-o", "jsonpath=$[*].name");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("MyProject\nPayments-API\ndemo\n", r.out());
        assertEquals(r.out(), run("get", "projects", "-o", "jsonpath={.items[*].name}").out(), "kubectl's brace form");
        assertEquals("/address\n/contact\n/petstore\n",
            run("get", "proxies", "-p", "MyProject", "-o", "jsonpath={[*].relativePath}").out());
    }

    @Test
    void should_print_jsonpath_objects_as_compact_json() {
        CliResult r = run("get", "projects", "-o", "jsonpath=$[?(@.name == 'demo')]");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("{\"name\":\"demo\",\"description\":\"Playground project\"}\n", r.out());
    }

    @Test
    void should_sort_every_list_format_by_the_field() {
        String sorted = "Contact Application API\npetstore-api\nAddress\n";
        for (String field : new String[] {".type", "{.type}", "type"}) {
            CliResult r = run("get", "proxies", "-p", "MyProject", "--sort-by", field, "-o", "name");
            assertEquals(0, r.exitCode(), r.describe());
            assertEquals(sorted, r.out(), field);
        }
        assertEquals(sorted, run("--sort-by", ".type", "get", "proxies", "-p", "MyProject", "-o", "jsonpath=$[*].name").out(), "global");
        assertEquals("NAME:Contact Application API\nNAME:petstore-api\nNAME:Address\n".replace("NAME:", ""),
            run("get", "proxies", "-p", "MyProject", "--sort-by", ".type", "--no-headers", "-o", "custom-columns=N:.name").out()
                .replaceAll(" +\n", "\n"));
        String table = run("get", "proxies", "-p", "MyProject", "--sort-by", ".type").out();
        assertEquals(1, table.indexOf('\n') < table.indexOf("Contact") && table.indexOf("Contact") < table.indexOf("Address") ? 1 : 0, table);
        String json = run("get", "proxies", "-p", "MyProject", "--sort-by", ".type", "-o", "json").out();
        assertEquals(1, json.indexOf("petstore-api") < json.indexOf("Address") ? 1 : 0, json);
        String yaml = run("get", "proxies", "-p", "MyProject", "--sort-by", ".type", "-o", "yaml").out();
        assertEquals(1, yaml.indexOf("petstore-api") < yaml.indexOf("Address") ? 1 : 0, yaml);
        String wide = run("get", "proxies", "-p", "MyProject", "--sort-by", ".type", "-o", "wide").out();
        assertEquals(1, wide.indexOf("petstore-api") < wide.indexOf("Address") ? 1 : 0, wide);
    }

    @Test
    void should_sort_strings_case_sensitively_and_missing_values_last() {
        assertEquals("MyProject\nPayments-API\ndemo\n", run("get", "projects", "--sort-by", ".name", "-o", "name").out());
        assertEquals("MyProject\nPayments-API\ndemo\n", run("get", "projects", "--sort-by", ".description", "-o", "name").out());
    }

    /** kubectl: "couldn't find any field with path"; a field only some items have still sorts (those last). */
    @Test
    void should_refuse_a_sort_by_field_that_no_item_has() {
        for (String format : new String[] {"name", "json", "table"}) {
            CliResult r = run("get", "projects", "--sort-by", ".nothing.here", "-o", format);
            assertEquals(2, r.exitCode(), r.describe());
            assertEquals("", r.out(), r.describe());
            assertEquals("error: --sort-by: couldn't find any field with path '.nothing.here' in the 3 items listed",
                r.err().lines().findFirst().orElse(""), r.describe());
        }
        CliResult some = run("get", "proxies", "-p", "MyProject", "--sort-by", "{.nosuch}");
        assertEquals("error: --sort-by: couldn't find any field with path '{.nosuch}' in the 3 items listed",
            some.err().strip(), "quoted as typed\n" + some.describe());
    }

    @Test
    void should_say_no_item_was_found_when_q_keeps_nothing_of_a_table() {
        for (String format : new String[] {"table", "wide", "custom-columns=N:.name"}) {
            CliResult r = run("get", "proxies", "-p", "MyProject", "-q", "$[?(@.type == 'GRPC')]", "-o", format);
            assertEquals(0, r.exitCode(), r.describe());
            assertEquals("", r.out(), format + "\n" + r.describe());
            assertEquals("No proxies found in project 'MyProject' matching -q '$[?(@.type == 'GRPC')]'.\n", r.err(),
                format + "\n" + r.describe());
        }
        CliResult json = run("get", "proxies", "-p", "MyProject", "-q", "$[?(@.type == 'GRPC')]", "-o", "json");
        assertEquals("[]\n", json.out(), "JSON stays JSON\n" + json.describe());
        assertEquals("", json.err(), json.describe());
        CliResult name = run("get", "proxies", "-p", "MyProject", "-q", "$[?(@.type == 'GRPC')]", "-o", "name");
        assertEquals("", name.out() + name.err(), "as an empty list with -o name\n" + name.describe());
    }

    private static void assertUsageErrorAndNothingSent(String message, String... args) {
        long before = sandbox.requests().count();
        CliResult r = run(args);
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals("", r.out());
        assertEquals(message, r.err().lines().findFirst().orElse(""), r.describe());
        assertEquals(before, sandbox.requests().count(), "nothing sent");
    }

    @Test
    void should_refuse_a_malformed_custom_columns_spec_before_sending() {
        String expected = "expected HEADER:.field[,HEADER:.field...], e.g. NAME:.name,TYPE:.type";
        assertUsageErrorAndNothingSent("error: invalid -o custom-columns spec 'NAME' (from -o): " + expected,
            "get", "projects", "-o", "custom-columns=NAME");
        assertUsageErrorAndNothingSent("error: invalid -o custom-columns spec 'NAME:.name,' (from -o): " + expected,
            "get", "projects", "-o", "custom-columns=NAME:.name,");
        assertUsageErrorAndNothingSent("error: invalid -o custom-columns field '.a[0]': expected a field such as .name or .a.b",
            "get", "projects", "-o", "custom-columns=A:.a[0]");
        assertUsageErrorAndNothingSent("error: invalid output format 'custom-columns' (from -o): custom-columns needs a value: "
            + "-o custom-columns=HEADER:.field,...", "get", "projects", "-o", "custom-columns");
    }

    @Test
    void should_refuse_a_bad_jsonpath_before_sending() {
        long before = sandbox.requests().count();
        CliResult r = run("get", "projects", "-o", "jsonpath=$[?(");
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals("", r.out());
        assertEquals(true, r.err().startsWith("error: invalid -o jsonpath expression '$[?(': "), r.describe());
        assertEquals(before, sandbox.requests().count(), "nothing sent");
        assertUsageErrorAndNothingSent("error: invalid output format 'jsonpath=' (from -o): jsonpath needs a value: -o jsonpath=EXPR",
            "get", "projects", "-o", "jsonpath=");
    }

    /** Errors quote the expression as typed, not the JSONPath it was turned into ({.items[*]} is $[*]). */
    @Test
    void should_quote_a_bad_jsonpath_as_typed() {
        assertUsageErrorAndNothingSent("error: invalid -o jsonpath expression '{.items[?(@.a ==)]}': Failed to parse filter: "
            + "[?(@.a ==)], error on position: 9, char: )", "get", "projects", "-o", "jsonpath={.items[?(@.a ==)]}");
        assertUsageErrorAndNothingSent("error: invalid -o jsonpath expression ' {.items[x} ': '[' is not closed",
            "get", "projects", "-o", "jsonpath= {.items[x} ");
        assertUsageErrorAndNothingSent("error: invalid -q expression '[?(@.a ==)]': Failed to parse filter: [?(@.a ==)], "
            + "error on position: 9, char: )", "get", "projects", "-q", "[?(@.a ==)]");
    }

    /**
     * The compiler's positions count in the rewritten path ('[x]' is '$[x]', '{.items[x]}' is '$[x]'),
     * not in what was typed: they are left out, and the expression is quoted as typed.
     */
    @Test
    void should_leave_out_positions_that_count_in_the_rewritten_path() {
        assertUsageErrorAndNothingSent("error: invalid -q expression '[x]': Could not parse token. Expected ?, ', 0-9, *",
            "get", "projects", "-q", "[x]");
        assertUsageErrorAndNothingSent("error: invalid -o jsonpath expression '{ .items[*].a b}': Use bracket notion "
            + "['my prop'] if your property contains blank characters", "get", "projects", "-o", "jsonpath={ .items[*].a b}");
        assertUsageErrorAndNothingSent("error: invalid -q expression 'a[*x]': Expected wildcard token to end with ']'",
            "get", "projects", "-q", "a[*x]");
        // a path inside a filter is compiled on its own: its position would count from the '@'
        assertUsageErrorAndNothingSent("error: invalid -q expression '$[?(@.a[x] == 1)]': Could not parse token. "
            + "Expected ?, ', 0-9, *", "get", "projects", "-q", "$[?(@.a[x] == 1)]");
    }

    /** The JSONPath compiler read '$.a[' as a path to nothing (exit 0) and '$[' as an index exception. */
    @Test
    void should_name_what_an_unfinished_query_leaves_open() {
        assertUsageErrorAndNothingSent("error: invalid -q expression '$[': '[' is not closed", "get", "projects", "-q", "$[");
        assertUsageErrorAndNothingSent("error: invalid -q expression '$[0].a[': '[' is not closed",
            "get", "projects", "-q", "$[0].a[");
        assertUsageErrorAndNothingSent("error: invalid -q expression '$[?(@.name': '(' is not closed",
            "get", "projects", "-q", "$[?(@.name");
        assertUsageErrorAndNothingSent("error: invalid -q expression '$['name': a quote (') is not closed",
            "get", "projects", "-q", "$['name");
        assertUsageErrorAndNothingSent("error: invalid -o jsonpath expression '{.items[}': '[' is not closed",
            "get", "projects", "-o", "jsonpath={.items[}");
        CliResult bracketInText = run("get", "projects", "-q", "$[?(@.name == 'a[')].name", "-o", "json");
        assertEquals(0, bracketInText.exitCode(), bracketInText.describe());
        assertEquals("[]\n", bracketInText.out(), bracketInText.describe());
    }

    @Test
    void should_refuse_a_bad_sort_by_field_before_sending() {
        assertUsageErrorAndNothingSent("error: invalid --sort-by field '.a[0]': expected a field such as .name or .a.b",
            "get", "projects", "--sort-by", ".a[0]");
        assertUsageErrorAndNothingSent("error: invalid --sort-by field '': expected a field such as .name or .a.b",
            "get", "projects", "--sort-by", "");
    }

    @Test
    void should_name_the_new_forms_when_the_format_is_unknown() {
        assertUsageErrorAndNothingSent("error: invalid output format 'csv' (from -o): "
            + "expected one of table, wide, json, yaml, name, custom-columns=SPEC, jsonpath=EXPR", "get", "projects", "-o", "csv");
    }
}
