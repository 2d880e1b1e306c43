package dev.mgmt.client;

import dev.mgmt.errors.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiPathsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "plain                 | plain",
        "My Project            | My%20Project",
        "a/b                   | a%2Fb",
        "a#b                   | a%23b",
        "a?b                   | a%3Fb",
        "100%                  | 100%25",
        "%41                   | %2541",
        "Caf\u00e9             | Caf%C3%A9",
        "\ud83d\ude80          | %F0%9F%9A%80",
        "a-b.c_d~e             | a-b.c_d~e",
        "a+b=c&d:e@f           | a+b=c&d:e@f",
        "..                    | ..",
    })
    void should_encode_a_segment_so_it_cannot_escape(String raw, String expected) {
        assertEquals(expected, ApiPaths.encodeSegment(raw));
    }

    @Test
    void should_join_segments_with_a_trailing_slash() {
        assertEquals("projects/My%20Project/", ApiPaths.segments("projects", "My Project"));
        assertThrows(UsageException.class, () -> ApiPaths.segments("projects", ""));
        assertThrows(UsageException.class, () -> ApiPaths.segments("projects", null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "a b/c?x=1&y=2         | a%20b/c?x=1&y=2",
        "a%2Fb                 | a%2Fb",
        "a%2                   | a%252",
        "a%zz                  | a%25zz",
        "a%                    | a%25",
        "\u00e9/               | %C3%A9/",
        "a\"b<c>               | a%22b%3Cc%3E",
        "a#b                   | a%23b",
    })
    void should_encode_a_typed_path_loosely(String raw, String expected) {
        assertEquals(expected, ApiPaths.encodeLoose(raw));
    }

    @ParameterizedTest(name = "{0} (exact={1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
        "projects              | false | projects/",
        "projects/             | false | projects/",
        "///projects           | false | projects/",
        "apiops/projects       | false | projects/",
        "/apiops//projects     | false | projects/",
        "apiopsx/y             | false | apiopsx/y/",
        "projects?limit=5      | false | projects/?limit=5",
        "projects/?limit=5     | false | projects/?limit=5",
        "test/healthcheck      | true  | test/healthcheck",
        "test/healthcheck?a=b  | true  | test/healthcheck?a=b",
        "'  projects  '        | false | projects/",
        "projects/a%23b        | false | projects/a%23b/",
        "projects?q=a#b        | false | projects/?q=a%23b",
    })
    void should_normalise_a_user_path(String path, boolean exact, String expected) {
        assertEquals(expected, ApiPaths.normalizeUserPath(path, exact));
    }

    @Test
    void should_reject_empty_paths_full_urls_and_raw_hashes() {
        assertTrue(assertThrows(UsageException.class, () -> ApiPaths.normalizeUserPath("/", false)).getMessage().contains("empty"));
        assertTrue(assertThrows(UsageException.class, () -> ApiPaths.normalizeUserPath("apiops/", false)).getMessage().contains("empty"));
        assertTrue(assertThrows(UsageException.class, () -> ApiPaths.normalizeUserPath("https://h/apiops/x", false))
            .getMessage().contains("full URL"));
        assertTrue(assertThrows(UsageException.class, () -> ApiPaths.normalizeUserPath("a#b", false)).getMessage().contains("%23"));
    }
}
