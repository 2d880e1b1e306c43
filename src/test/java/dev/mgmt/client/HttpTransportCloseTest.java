package dev.mgmt.client;

import dev.mgmt.http.ApiRequest;
import dev.mgmt.testing.TestServer.Reply;
import dev.mgmt.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closing a transport ends its selector thread (so the JVM exits at once), and only its own. */
class HttpTransportCloseTest {

    static List<Thread> selectors() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
            .toList();
    }

    @Test
    void should_end_its_own_selector_thread_and_leave_another_client_working() throws Exception {
        try (TestServer server = new TestServer()) {
            server.on("test/healthcheck/", Reply.of(200, "text/plain", "OK"));
            ApiRequest ping = ApiRequest.get(URI.create(server.url() + "/apiops/test/healthcheck/"));
            HttpTransport first = new HttpTransport(Duration.ofSeconds(2), Duration.ofSeconds(2), null, null);
            List<Thread> before = selectors();
            HttpTransport second = new HttpTransport(Duration.ofSeconds(2), Duration.ofSeconds(2), null, null);
            assertEquals(200, first.exchange(ping).status());
            assertEquals(200, second.exchange(ping).status());
            List<Thread> secondsOwn = selectors().stream().filter(t -> !before.contains(t)).toList();
            assertEquals(1, secondsOwn.size(), "one new selector thread for the second client");

            first.close();
            for (Thread t : before) {
                t.join(2000);
            }
            assertTrue(secondsOwn.get(0).isAlive(), "closing the first client must not stop the second");
            assertEquals(200, second.exchange(ping).status());

            second.close();
            secondsOwn.get(0).join(2000);
            assertTrue(!secondsOwn.get(0).isAlive(), "the selector thread ends when its client closes");
        }
    }
}
