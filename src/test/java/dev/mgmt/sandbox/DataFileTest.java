package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataFileTest {

    @Test
    void yamlDataFileReplacesProjectsButKeepsEnvironments(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("seed.yaml");
        Files.writeString(f, String.join("\n",
                "projects:",
                "  - name: Alpha",
                "    description: from file",
                "    environments: [production]",
                "    apiProxies:",
                "      - name: a1",
                "        clientRoute: {relativePathList: [/a1]}",
                "        endpoints:",
                "          - {endpoint: /x, httpMethod: GET, backendResourceUrl: /x}",
                ""));
        long t0 = System.nanoTime();
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withDataFile(f))) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Client c = new Client(s, s.adminToken());
            JsonNode p = c.get("projects/").json();
            assertEquals(1, p.path("resultCount").asInt());
            assertEquals("Alpha", p.path("resultList").get(0).path("name").asText());
            assertEquals(4, c.get("environments/").json().path("resultCount").asInt());
            assertEquals("/a1", c.get("projects/Alpha/apiProxies/").json().path("resultList").get(0).path("relativePath").asText());
            assertEquals(1, c.get("projects/Alpha/apiProxies/a1/endpoints/").json().path("resultCount").asInt());
            assertTrue(ms < 5000, "start took " + ms + " ms");
        }
    }

    @Test
    void unreadableDataFileFailsStart(@TempDir Path dir) {
        assertThrows(java.io.IOException.class,
                () -> Sandbox.start(SandboxConfig.defaults().withDataFile(dir.resolve("missing.yaml"))));
    }
}
