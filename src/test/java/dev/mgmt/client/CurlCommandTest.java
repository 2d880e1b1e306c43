package dev.mgmt.client;

import dev.mgmt.http.ApiRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CurlCommandTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "abc             | 'abc'",
        "it's            | 'it'\\''s'",
        "$HOME `x` \\n   | '$HOME `x` \\n'",
        "a\"b            | 'a\"b'",
    })
    void should_quote_for_a_posix_shell(String raw, String expected) {
        assertEquals(expected, CurlCommand.quote(raw));
    }

    @Test
    void should_quote_an_empty_string() {
        assertEquals("''", CurlCommand.quote(""));
        assertEquals("''\\'''", CurlCommand.quote("'"));
    }

    @Test
    void should_render_a_get_with_the_token_as_a_variable() {
        ApiRequest r = new ApiRequest("GET", URI.create("https://h/apiops/projects/My%20P/"),
            List.of(new ApiRequest.Header("Accept", "application/json"), new ApiRequest.Header("User-Agent", "mgmt/1"),
                new ApiRequest.Header("Authorization", "Bearer secret-token-1234")), null);
        String curl = CurlCommand.render(r);
        assertEquals("curl -sS 'https://h/apiops/projects/My%20P/' -H 'Accept: application/json'"
            + " -H \"Authorization: Bearer $MGMT_TOKEN\"", curl);
        assertFalse(curl.contains("secret"));
    }

    @Test
    void should_render_a_post_with_a_quoted_body() {
        ApiRequest r = new ApiRequest("POST", URI.create("https://h/apiops/projects/"),
            List.of(new ApiRequest.Header("Content-Type", "application/json")),
            "{\"name\":\"it's\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("curl -sS -X POST 'https://h/apiops/projects/' -H 'Content-Type: application/json'"
            + " --data-binary '{\"name\":\"it'\\''s\"}'", CurlCommand.render(r));
    }

    @Test
    void should_not_inline_a_binary_body() {
        ApiRequest r = new ApiRequest("PUT", URI.create("https://h/apiops/import/"),
            List.of(new ApiRequest.Header("Content-Type", "application/zip")), new byte[]{0, 1, 2});
        assertEquals("curl -sS -X PUT 'https://h/apiops/import/' -H 'Content-Type: application/zip'"
            + " --data-binary @FILE   # 3 bytes of binary data", CurlCommand.render(r));
    }
}
