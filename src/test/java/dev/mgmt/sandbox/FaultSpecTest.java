package dev.mgmt.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultSpecTest {

    @Test
    void parsesAllKinds() {
        FaultSpec f = FaultSpec.parse(" latency=200ms, jitter=1s ,status=503@0.2,status=500@10%,burst=502x3,ratelimit=0.5,"
                + "retry-after=2s,retry-after-header=off,html504@0.1,reset=after-headers@0.3,truncate@0.4,failure200,"
                + "deployfail=production,skew=-2m,path=/apiProxies/,method=POST|put,body=problem");
        assertEquals(Duration.ofMillis(200), f.latency());
        assertEquals(Duration.ofSeconds(1), f.jitter());
        assertEquals(new FaultSpec.StatusRate(503, 0.2), f.statusRates().get(0));
        assertEquals(0.1, f.statusRates().get(1).rate(), 1e-9);
        assertEquals(new FaultSpec.StatusRate(429, 0.5), f.statusRates().get(2));
        assertEquals(new FaultSpec.StatusRate(504, 0.1), f.statusRates().get(3));
        assertEquals(new FaultSpec.Burst(502, 3), f.bursts().get(0));
        assertEquals(Duration.ofMinutes(-2), f.skew());
        assertTrue(f.deployFailEnvironments().contains("production"));
        assertTrue(f.matches("PUT", "/apiops/projects/p/apiProxies/url/"));
        assertFalse(f.matches("GET", "/apiops/projects/p/apiProxies/url/"));
        assertFalse(f.matches("POST", "/apiops/projects/"));
    }

    @Test
    void durationsTakeHoursAndFractionsLikeEveryOtherDurationInMgmt() {
        assertEquals(Duration.ofHours(2), FaultSpec.parse("skew=+2h").skew());
        assertEquals(Duration.ofMillis(1500), FaultSpec.parse("latency=1.5s").latency());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("latency=-1s"));
        assertTrue(e.getMessage().contains("must not have a sign"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("latency=200"));
        assertTrue(e.getMessage().contains("needs a unit: ms, s, m or h"), e.getMessage());
    }

    @Test
    void emptySpecMeansNoFaults() {
        assertTrue(FaultSpec.parse("").isEmpty());
        assertTrue(FaultSpec.parse(null).isEmpty());
        assertTrue(FaultSpec.parse(" , ").isEmpty());
    }

    @Test
    void errorsNameTheBadTerm() {
        String[][] cases = {
                {"latency=200", "latency=200"},
                {"status=404", "status=404"},
                {"status=503@2", "status=503@2"},
                {"burst=500", "burst=500"},
                {"burst=500x0", "burst=500x0"},
                {"bogus=1", "bogus"},
                {"reset=sideways", "reset=sideways"},
                {"truncate=yes", "truncate=yes"},
                {"path=([", "path=(["},
                {"retry-after-header=maybe", "retry-after-header=maybe"},
                {"latency", "latency"},
                {"body=xml", "body=xml"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse(c[0]), c[0]);
            assertTrue(e.getMessage().contains("'" + c[1]), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void setFaultsRejectsBadSpecAndKeepsOld() throws Exception {
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withFaults("status=503"))) {
            assertThrows(IllegalArgumentException.class, () -> s.setFaults("status=teapot"));
            assertEquals(503, new Client(s, s.adminToken()).get("projects/").status());
        }
    }

    @Test
    void startRejectsBadSpec() {
        assertThrows(IllegalArgumentException.class,
                () -> Sandbox.start(SandboxConfig.defaults().withFaults("latency=fast")));
    }

    @Test
    void grammarHelpMentionsEveryKind() {
        String h = FaultSpec.grammarHelp();
        for (String k : new String[]{"latency=", "jitter=", "status=", "burst=", "ratelimit=", "retry-after=",
                "retry-after-header=", "html502", "html504", "reset=", "truncate", "failure200", "deployfail=", "skew=",
                "path=", "method=", "body="}) {
            assertTrue(h.contains(k), k);
        }
        assertTrue(h.lines().count() > 10);
    }
}
