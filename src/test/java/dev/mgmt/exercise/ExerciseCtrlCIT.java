package dev.mgmt.exercise;

import com.sun.net.httpserver.HttpExchange;
import dev.mgmt.testing.JarRuns;
import dev.mgmt.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real Ctrl-C (SIGINT to the jar) during a scenario: the finally steps are still sent, reports written, exit 130. */
class ExerciseCtrlCIT {
    @TempDir
    Path dir;

    @Test
    void should_send_the_finally_steps_and_write_junit_after_sigint() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (TestServer server = new TestServer()) {
            server.on("slow/", (HttpExchange ex) -> {
                waiting.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                TestServer.send(ex, TestServer.Reply.json(200, "{}"));
            });
            server.on("cleanup/", TestServer.Reply.json(200, "{}"));
            Path scenario = dir.resolve("s.yaml");
            Files.writeString(scenario, String.join("\n",
                "steps:",
                "  - {name: slow, path: slow/}",
                "  - {name: never sent, path: never/}",
                "finally:",
                "  - {name: cleanup, method: DELETE, path: cleanup/}", ""));
            Path xml = dir.resolve("report.xml");
            JarRuns.Started run = JarRuns.start(JarRuns.java("exercise", scenario.toString(), "--junit", xml.toString(),
                "--url", server.url(), "--token", "t0k3n-for-the-test"), null);
            try {
                assertTrue(waiting.await(60, TimeUnit.SECONDS), "the first step never reached the server");
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(run.process().pid())).inheritIO().start();
                assertEquals(0, kill.waitFor());
                JarRuns.Run r = run.await(Duration.ofSeconds(60));
                assertEquals(130, r.exit(), r.describe());
                assertTrue(r.out().contains("[skip] never sent  (skipped: interrupted)"), r.describe());
                assertTrue(r.out().contains("finally: cleanup"), r.describe());
                assertEquals(List.of("/apiops/slow/", "/apiops/cleanup/"),
                    server.requests().stream().map(TestServer.Seen::rawPath).toList(), r.describe());
                assertTrue(Files.readString(xml, StandardCharsets.UTF_8).contains("finally: cleanup"), r.describe());
            } finally {
                release.countDown();
                run.process().destroyForcibly();
            }
        }
    }
}
