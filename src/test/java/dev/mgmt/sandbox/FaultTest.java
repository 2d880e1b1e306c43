package dev.mgmt.sandbox;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultTest {

    static Sandbox start(String faults) throws Exception {
        return Sandbox.start(SandboxConfig.defaults().withFaults(faults).withSleeper(d -> { }));
    }

    @Test
    void latencyAndJitterUseTheInjectedSleeper() throws Exception {
        List<Duration> slept = new ArrayList<>();
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withFaults("latency=200ms,jitter=50ms")
                .withSleeper(d -> {
                    synchronized (slept) {
                        slept.add(d);
                    }
                }))) {
            Client c = new Client(s, s.adminToken());
            for (int i = 0; i < 5; i++) {
                assertEquals(200, c.get("projects/").status());
            }
        }
        assertEquals(5, slept.size());
        for (Duration d : slept) {
            assertTrue(d.toMillis() >= 200 && d.toMillis() <= 250, d.toString());
        }
        assertTrue(slept.stream().distinct().count() > 1, "jitter should vary: " + slept);
    }

    @Test
    void aHandlerThatThrowsAnErrorIsAnswered500AndTheServerGoesOn() throws Exception {
        try (Sandbox s = start("")) {
            s.addRoute("GET", "test/broken/", req -> {
                throw new NoClassDefFoundError("dev/mgmt/sandbox/Gone");
            });
            Client c = new Client(s, s.adminToken());
            Client.Res r = c.get("test/broken/");
            assertEquals(500, r.status());
            assertEquals("internal_error", r.json().path("error").asText());
            assertEquals(200, c.get("projects/").status());
        }
    }

    @Test
    void burstFailsFirstNThenRecovers() throws Exception {
        try (Sandbox s = start("burst=500x3")) {
            Client c = new Client(s, s.adminToken());
            for (int i = 0; i < 3; i++) {
                Client.Res r = c.get("projects/");
                assertEquals(500, r.status());
                assertEquals("internal_error", r.json().path("error").asText());
                assertEquals("burst=500x3", r.header("x-sandbox-fault"));
            }
            assertEquals(200, c.get("projects/").status());
            assertEquals(4, s.requests().count());
            s.setFaults("burst=503x1,burst=429x1");
            assertEquals(503, c.get("projects/").status());
            assertEquals(429, c.get("projects/").status());
            assertEquals(200, c.get("projects/").status());
        }
    }

    @Test
    void statusRateIsReproducibleWithSeed() throws Exception {
        List<Integer> a = statuses("status=503@0.5", 42);
        List<Integer> b = statuses("status=503@0.5", 42);
        assertEquals(a, b);
        assertTrue(a.contains(503) && a.contains(200), a.toString());
        assertTrue(statuses("status=503@0", 42).stream().allMatch(x -> x == 200));
    }

    private static List<Integer> statuses(String spec, long seed) throws Exception {
        List<Integer> out = new ArrayList<>();
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withFaults(spec).withSeed(seed))) {
            Client c = new Client(s, s.adminToken());
            for (int i = 0; i < 30; i++) {
                out.add(c.get("projects/").status());
            }
        }
        return out;
    }

    @Test
    void json503AndHtml502And504() throws Exception {
        try (Sandbox s = start("status=503")) {
            Client.Res r = new Client(s, s.adminToken()).get("projects/");
            assertEquals(503, r.status());
            assertEquals("server_error", r.json().path("error").asText());
            assertEquals(1, r.json().path("retry_after").asInt());
            assertEquals("1", r.header("retry-after"));
            s.setFaults("html502");
            Client.Res h = new Client(s, s.adminToken()).get("projects/");
            assertEquals(502, h.status());
            assertTrue(h.header("content-type").startsWith("text/html"));
            assertTrue(h.text().contains("<center><h1>502 Bad Gateway</h1></center>"), h.text());
            assertEquals("nginx", h.header("server"));
            s.setFaults("html504");
            Client.Res t = new Client(s, s.adminToken()).get("projects/");
            assertEquals(504, t.status());
            assertTrue(t.text().contains("504 Gateway Time-out"));
            s.setFaults("status=500,body=problem");
            Client.Res p = new Client(s, s.adminToken()).get("projects/");
            assertEquals("application/problem+json", p.header("content-type"));
            assertEquals(500, p.json().path("status").asInt());
            s.setFaults("status=502,body=empty");
            Client.Res e = new Client(s, s.adminToken()).get("projects/");
            assertEquals(502, e.status());
            assertEquals(0, e.bytes().length);
        }
    }

    @Test
    void rateLimitWithRetryAfterSwitches() throws Exception {
        try (Sandbox s = start("ratelimit=x2,retry-after=3s")) {
            Client c = new Client(s, s.adminToken());
            Client.Res r = c.get("projects/");
            assertEquals(429, r.status());
            assertEquals("rate_limit_exceeded", r.json().path("error").asText());
            assertEquals(3, r.json().path("retry_after").asInt());
            assertEquals("3", r.header("retry-after"));
            assertEquals(429, c.get("projects/").status());
            assertEquals(200, c.get("projects/").status());
            s.setFaults("ratelimit=1,retry-after-header=off");
            Client.Res n = c.get("projects/");
            assertEquals(429, n.status());
            assertNull(n.header("retry-after"));
            assertEquals(1, n.json().path("retry_after").asInt());
            s.setFaults("ratelimit=1,retry-after-body=off");
            Client.Res b = c.get("projects/");
            assertFalse(b.json().has("retry_after"));
            assertEquals("1", b.header("retry-after"));
        }
    }

    @Test
    void resetBeforeHeadersDropsConnection() throws Exception {
        try (Sandbox s = start("reset=before-headers")) {
            Client c = new Client(s, s.adminToken());
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> c.get("projects/"));
            assertTrue(e.getCause() != null);
            // java.net.http retries an idempotent request once after a dropped connection
            assertTrue(s.requests().count() >= 1);
            s.setFaults("");
            assertEquals(200, c.get("projects/").status());
        }
    }

    @Test
    void resetAfterHeadersAndTruncateBreakTheBody() throws Exception {
        try (Sandbox s = start("reset=after-headers")) {
            Client c = new Client(s, s.adminToken());
            assertThrows(UncheckedIOException.class, () -> c.get("projects/"));
            s.setFaults("truncate");
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> c.get("projects/"));
            assertTrue(String.valueOf(e.getCause().getMessage()).contains("content-length"), e.getCause().toString());
            s.setFaults("");
            assertEquals(200, c.get("projects/").status());
        }
    }

    @Test
    void failure200() throws Exception {
        try (Sandbox s = start("failure200,path=/projects/$")) {
            Client c = new Client(s, s.adminToken());
            Client.Res r = c.get("projects/");
            assertEquals(200, r.status());
            assertEquals("FAILURE", r.json().path("status").asText());
            assertFalse(r.json().path("success").asBoolean(true));
            // out of scope: normal
            assertEquals("SUCCESS", c.get("projects/MyProject/apiProxies/").json().path("status").asText());
        }
    }

    @Test
    void deployfailReportsFailedItem() throws Exception {
        try (Sandbox s = start("deployfail=Sandbox-EU")) {
            Client c = new Client(s, s.adminToken());
            Client.Res r = c.post("projects/MyProject/apiProxies/petstore-api/environments/Sandbox-EU/", null);
            assertEquals(200, r.status());
            assertFalse(r.json().path("deploymentResult").path("success").asBoolean());
            assertFalse(r.json().path("deploymentResult").path("deploymentResults").get(0).path("success").asBoolean());
            Client.Res ok = c.post("projects/MyProject/apiProxies/petstore-api/environments/staging/", null);
            assertTrue(ok.json().path("deploymentResult").path("success").asBoolean());
        }
    }

    @Test
    void skewShiftsSandboxClock() throws Exception {
        Clock fixed = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withClock(fixed).withFaults("skew=+300s"))) {
            Client c = new Client(s, s.adminToken());
            Client.Res r = c.get("projects/");
            assertEquals("Tue, 1 Jan 2030 00:05:00 GMT", r.header("x-sandbox-date"));
            Client.Res t = new Client(s, null).form("auth/token", "grant_type=client_credentials&client_id=admin&client_secret="
                    + s.adminPassword());
            String payload = new String(java.util.Base64.getUrlDecoder().decode(t.json().path("access_token").asText().split("\\.")[1]));
            assertTrue(payload.contains("\"iat\":" + (Instant.parse("2030-01-01T00:05:00Z").getEpochSecond())), payload);
        }
    }

    @Test
    void methodAndPathScoping() throws Exception {
        try (Sandbox s = start("status=500,method=POST,path=/apiProxies/")) {
            Client c = new Client(s, s.adminToken());
            assertEquals(200, c.get("projects/MyProject/apiProxies/").status());
            assertEquals(500, c.post("projects/MyProject/apiProxies/url/", "{}").status());
            assertEquals(200, c.form("auth/token", "grant_type=client_credentials&client_id=admin&client_secret="
                    + s.adminPassword()).status());
        }
    }

    @Test
    void requestLogRecordsEverything() throws Exception {
        try (Sandbox s = start("")) {
            Client c = new Client(s, s.adminToken());
            c.post("projects/demo/apiProxies/url/?x=1", "{\"a\":1}");
            RequestLog.Entry e = s.requests().last();
            assertEquals("POST", e.method());
            assertEquals("/apiops/projects/demo/apiProxies/url/?x=1", e.path());
            assertEquals("{\"a\":1}", e.bodyText());
            assertTrue(e.header("Authorization").startsWith("Bearer "));
            s.requests().clear();
            assertEquals(0, s.requests().count());
        }
    }

    @Test
    void closeReleasesPort() throws Exception {
        Sandbox s = start("");
        int port = s.port();
        s.close();
        try (java.net.ServerSocket ss = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertEquals(port, ss.getLocalPort());
        }
    }
}
