package dev.mgmt.client;

import dev.mgmt.errors.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaseUrlTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://host,                       https://host/apiops/",
        "https://host/,                      https://host/apiops/",
        "https://host/apiops,                https://host/apiops/",
        "https://host/apiops/,               https://host/apiops/",
        "https://host:8443/apiops/,          https://host:8443/apiops/",
        "https://host/manager,               https://host/manager/apiops/",
        "https://host/manager/apiops/,       https://host/manager/apiops/",
        "HTTPS://host,                       https://host/apiops/",
        "'  https://host  ',                 https://host/apiops/",
        "http://[::1]:8080,                  http://[::1]:8080/apiops/",
        "http://127.0.0.1:8080/a%20b,        http://127.0.0.1:8080/a%20b/apiops/",
    })
    void should_normalise_every_form_to_the_apiops_base(String raw, String expected) {
        assertEquals(expected, BaseUrl.parse(raw).uri().toString());
    }

    @Test
    void should_resolve_relative_paths_and_encoded_segments() {
        BaseUrl b = BaseUrl.parse("https://host/manager");
        assertEquals("https://host/manager/apiops/projects/", b.resolve("projects/").toString());
        assertEquals("https://host/manager/apiops/projects/My%20Project/proxies/a%2Fb/",
            b.resolveSegments("projects", "My Project", "proxies", "a/b").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:1", "http://127.0.0.1", "http://127.1.2.3:9", "http://[::1]:8080", "http://LOCALHOST"})
    void should_know_loopback_hosts(String url) {
        assertTrue(BaseUrl.parse(url).isLoopback(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com", "http://10.0.0.1", "http://128.0.0.1", "http://localhost.example.com"})
    void should_know_other_hosts(String url) {
        assertFalse(BaseUrl.parse(url).isLoopback(), url);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "host.example.com          | no scheme",
        "host:8080                 | no scheme",
        "ftp://host                | scheme must be http or https",
        "http://host:abc           | bad port 'abc'",
        "http://host:0             | bad port",
        "http://host:65536         | bad port",
        "http://                   | invalid URL",
        "http://us:pw@host         | credentials",
        "http://host/?a=1          | '?query'",
        "http://host/#top          | '#fragment'",
        "http://ho st              | whitespace",
        "http://host/a b           | whitespace",
        "http://host/a^b           | invalid URL",
    })
    void should_reject_bad_urls_with_a_message_naming_the_problem(String raw, String expected) {
        UsageException e = assertThrows(UsageException.class, () -> BaseUrl.parse(raw));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void should_ask_for_a_url_when_blank() {
        assertTrue(assertThrows(UsageException.class, () -> BaseUrl.parse(null)).getMessage().contains("no manager URL"));
        assertTrue(assertThrows(UsageException.class, () -> BaseUrl.parse("  ")).getMessage().contains("no manager URL"));
    }
}
