package dev.mgmt.resources;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request's method and path lead back to the schema of the operation that sends it, for every one. */
class RequestSchemasTest {

    private static String filled(List<String> template) {
        List<String> segments = new ArrayList<>();
        for (String s : template) {
            if (!s.equals("~")) {
                segments.add(s.startsWith("{") ? "some-" + s.substring(1, s.length() - 1) : s);
            }
        }
        return String.join("/", segments) + (template.contains("~") ? "" : "/");
    }

    @Test
    void should_find_each_operations_own_schema_from_its_method_and_path() {
        int checked = 0;
        for (Operation o : Operations.withSchemas()) {
            assertEquals(o.schema(), RequestSchemas.of(o.method(), filled(o.path())), o.method() + " " + o.path());
            checked++;
        }
        for (Part p : Parts.all()) {
            if (p.schema() != null) {
                assertEquals(p.schema(), RequestSchemas.of(p.method(), filled(p.path())), p.method() + " " + p.path());
                checked++;
            }
        }
        assertTrue(checked > 30, "only " + checked + " operations with a schema");
    }

    @Test
    void should_prefer_the_literal_segment_and_find_nothing_for_unknown_requests() {
        assertEquals("proxy.create-url", RequestSchemas.of("post", "projects/P/apiProxies/url/"));
        assertEquals("proxy.update-cors-settings", RequestSchemas.of("PATCH", "/projects/P/apiProxies/x/settings/cors"));
        assertNull(RequestSchemas.of("GET", "projects/P/apiProxies/url/"));
        assertNull(RequestSchemas.of("POST", "projects/P/nothing/"));
        assertNull(RequestSchemas.of("POST", ""));
    }
}
