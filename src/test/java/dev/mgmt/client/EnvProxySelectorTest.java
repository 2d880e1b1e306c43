package dev.mgmt.client;

import dev.mgmt.errors.UsageException;
import dev.mgmt.process.Env;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvProxySelectorTest {

    private static Env env(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new Env(m, new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream(),
            false, false, false, Clock.systemUTC());
    }

    private static EnvProxySelector selector(String noProxy) {
        return EnvProxySelector.fromEnv(env("HTTPS_PROXY", "http://proxy:3128", "NO_PROXY", noProxy));
    }

    @Test
    void should_be_absent_without_proxy_variables() {
        assertNull(EnvProxySelector.fromEnv(env()));
        assertNull(EnvProxySelector.fromEnv(env("NO_PROXY", "*")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.9.9.9", "[::1]", "::1"})
    void should_always_bypass_loopback(String host) {
        assertTrue(selector("").bypass(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "api.example.com", "a.b.example.com", "API.Example.COM"})
    void should_bypass_a_domain_and_its_subdomains(String host) {
        assertTrue(selector("other.org, .example.com").bypass(host), host);
        assertTrue(selector("example.com").bypass(host), host);
        assertTrue(selector("example.com:8443").bypass(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"notexample.com", "example.com.evil.org", "example.org", "10.0.0.1"})
    void should_not_bypass_other_hosts(String host) {
        assertFalse(selector(".example.com,,").bypass(host), host);
    }

    @Test
    void should_bypass_everything_with_a_star() {
        assertTrue(selector("*").bypass("anything.example"));
    }

    @Test
    void should_not_bypass_without_a_host() {
        assertFalse(selector("example.com").bypass(null));
    }

    @Test
    void should_select_by_scheme_and_read_lower_case_variables() {
        EnvProxySelector s = EnvProxySelector.fromEnv(env("https_proxy", "proxy.corp:8443", "http_proxy", "http://p2", "no_proxy", "internal"));
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp", 8443))),
            s.select(URI.create("https://api.example.com/")));
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("p2", 80))),
            s.select(URI.create("http://api.example.com/")));
        assertEquals(List.of(Proxy.NO_PROXY), s.select(URI.create("https://internal/")));
        assertEquals(List.of(Proxy.NO_PROXY), s.select(URI.create("https://127.0.0.1:8080/")));
    }

    @Test
    void should_reject_a_malformed_proxy_variable() {
        UsageException e = assertThrows(UsageException.class, () -> EnvProxySelector.fromEnv(env("HTTPS_PROXY", "http://")));
        assertTrue(e.getMessage().contains("HTTPS_PROXY"), e.getMessage());
    }
}
