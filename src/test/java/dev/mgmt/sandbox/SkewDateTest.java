package dev.mgmt.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The skew fault moves the real Date header, which the JDK server writes itself, through the sandbox's relay. */
class SkewDateTest {
    /** Leaves room for the second-precision Date header and a slow build machine. */
    private static final Duration TOLERANCE = Duration.ofSeconds(5);

    static Sandbox start(String faults) throws IOException {
        return Sandbox.start(SandboxConfig.defaults().withFaults(faults).withSleeper(d -> { }));
    }

    static Instant date(String value) {
        assertNotNull(value, "no Date header");
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    static void assertNear(Instant expected, Instant actual) {
        Duration off = Duration.between(expected, actual).abs();
        assertTrue(off.compareTo(TOLERANCE) <= 0, "Date " + actual + " is " + off + " from " + expected);
    }

    /** One request on a fresh connection; the whole answer, read until the server closes. */
    static String exchange(int port, String request) throws IOException {
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), port)) {
            c.setSoTimeout(10_000);
            c.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            c.getOutputStream().flush();
            return new String(c.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static String get(String path, String token, String extraHeaders) {
        return "GET /apiops/" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + extraHeaders + "\r\n";
    }

    /** The value of a header in the first head of {@code answer} whose status is not 1xx. */
    static String header(String answer, String name) {
        String[] heads = answer.split("\r\n\r\n");
        for (String head : heads) {
            if (head.startsWith("HTTP/1.1 1")) {
                continue;
            }
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return null;
        }
        return null;
    }

    static void assertFreshConnectionsFollow(Duration skew) throws IOException {
        try (Sandbox s = start("skew=" + (skew.isNegative() ? "-" : "+") + skew.abs().toSeconds() + "s")) {
            for (String path : List.of("projects/", "test/healthcheck/", "no-such-endpoint/", "projects/")) {
                String answer = exchange(s.port(), get(path, s.adminToken(), ""));
                assertTrue(answer.startsWith("HTTP/1.1 "), answer);
                assertNear(Instant.now().plus(skew), date(header(answer, "Date")));
                assertEquals(header(answer, "X-Sandbox-Date"), header(answer, "Date"), answer);
                assertEquals("close", header(answer, "Connection"), answer);
            }
        }
    }

    @Test
    void dateIsTwoHoursAheadOnFreshConnections() throws IOException {
        assertFreshConnectionsFollow(Duration.ofHours(2));
    }

    @Test
    void dateIsHalfAnHourBehindOnFreshConnections() throws IOException {
        assertFreshConnectionsFollow(Duration.ofMinutes(-30));
    }

    @Test
    void aPooledClientGetsTheSkewedDateOnEveryRequest() throws IOException {
        try (Sandbox s = start("skew=-30m")) {
            Client c = new Client(s, s.adminToken());
            for (int i = 0; i < 5; i++) {
                Client.Res r = c.get("projects/");
                assertEquals(200, r.status(), r.text());
                assertNear(Instant.now().minus(Duration.ofMinutes(30)), date(r.header("Date")));
            }
            Client.Res t = new Client(s, null).form("auth/token", "grant_type=client_credentials&client_id=admin"
                    + "&client_secret=" + s.adminPassword());
            assertEquals(200, t.status(), t.text());
            assertNear(Instant.now().minus(Duration.ofMinutes(30)), date(t.header("Date")));
        }
    }

    @Test
    void noSkewLeavesTheRealDateAndKeepAlive() throws IOException {
        try (Sandbox s = start("")) {
            Client c = new Client(s, s.adminToken());
            for (int i = 0; i < 3; i++) {
                Client.Res r = c.get("projects/");
                assertNear(Instant.now(), date(r.header("Date")));
                assertNull(r.header("X-Sandbox-Date"));
                assertNull(r.header("Connection"));
            }
            String answer = exchange(s.port(), get("projects/", s.adminToken(), "Connection: close\r\n"));
            assertNear(Instant.now(), date(header(answer, "Date")));
        }
    }

    @Test
    void theSandboxClockNotTheSystemClockDatesTheResponse() throws IOException {
        Clock fixed = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withClock(fixed).withFaults("skew=+300s"))) {
            String answer = exchange(s.port(), get("projects/", s.adminToken(), ""));
            assertEquals("Tue, 1 Jan 2030 00:05:00 GMT", header(answer, "Date"), answer);
        }
    }

    @Test
    void theFinalHeadIsRewrittenAfterAnInterimContinue() throws IOException {
        try (Sandbox s = start("skew=+2h")) {
            String body = "grant_type=client_credentials&client_id=admin&client_secret=" + s.adminPassword();
            String answer = exchange(s.port(), "POST /apiops/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nExpect: 100-continue\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body);
            assertTrue(answer.startsWith("HTTP/1.1 100 "), answer);
            assertNear(Instant.now().plus(Duration.ofHours(2)), date(header(answer, "Date")));
            assertTrue(answer.contains("access_token"), answer);
        }
    }

    @Test
    void skewSwitchedAtRunTimeKeepsThePortAndMovesTheDate() throws IOException {
        try (Sandbox s = start("")) {
            int port = s.port();
            Client c = new Client(s, s.adminToken());
            assertNear(Instant.now(), date(c.get("projects/").header("Date")));
            s.setFaults("skew=+2h");
            assertEquals(port, s.port());
            assertNear(Instant.now().plus(Duration.ofHours(2)), date(c.get("projects/").header("Date")));
            s.setFaults("skew=+2h,latency=1ms");
            assertNear(Instant.now().plus(Duration.ofHours(2)), date(c.get("projects/").header("Date")));
            s.setFaults("");
            assertEquals(port, s.port());
            Client.Res r = c.get("projects/");
            assertNear(Instant.now(), date(r.header("Date")));
            assertNull(r.header("Connection"));
        }
    }

    @Test
    void faultsStillReachTheClientThroughTheRelay() throws IOException {
        try (Sandbox s = start("skew=+2h,truncate")) {
            String answer = exchange(s.port(), get("projects/", s.adminToken(), ""));
            int declared = Integer.parseInt(header(answer, "Content-length"));
            assertTrue(answer.length() - answer.indexOf("\r\n\r\n") - 4 < declared, answer);
            assertNear(Instant.now().plus(Duration.ofHours(2)), date(header(answer, "Date")));
        }
    }

    @Test
    void closeReleasesThePortAndEveryRelayThread() throws Exception {
        Sandbox s = start("skew=+2h");
        int port = s.port();
        try (Socket idle = new Socket(InetAddress.getLoopbackAddress(), port)) {
            exchange(port, get("projects/", s.adminToken(), ""));
            s.close();
            InputStream in = idle.getInputStream();
            idle.setSoTimeout(10_000);
            try {
                assertEquals(-1, in.read(), "the relay should close connections still open");
            } catch (SocketException reset) {
                // closing the upstream first may reset the client's side: closed all the same
            }
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("mgmt-sandbox-relay-")) {
                t.join(10_000);
                assertFalse(t.isAlive(), t.getName() + " outlived close()");
            }
        }
        try (ServerSocket ss = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, ss.getLocalPort());
        }
    }
}
