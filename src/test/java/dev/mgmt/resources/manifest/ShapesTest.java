package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.errors.UsageException;
import dev.mgmt.json.Json;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.Operations;
import dev.mgmt.resources.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-kind manifest data: every kind is either writable (with its endpoints) or refused with a reason. */
class ShapesTest {

    @Test
    void every_kind_is_writable_with_create_and_update_or_refused_with_a_reason() {
        for (Kind k : Kinds.everything()) {
            if (Shapes.writable(k)) {
                Operations.find(k, Operations.Verb.CREATE);
                Operations.find(k, Operations.Verb.UPDATE);
            } else {
                UsageException e = assertThrows(UsageException.class, () -> Shapes.of(k));
                assertTrue(e.getMessage().startsWith("apply cannot write " + k.plural() + ": "), e.getMessage());
            }
        }
        assertTrue(Shapes.writable(Kinds.find("proxy")));
        assertFalse(Shapes.writable(Kinds.find("project")));
    }

    @Test
    void a_write_body_drops_server_fields_and_renames_get_fields() {
        Kind proxy = Kinds.find("proxy");
        ObjectNode fields = Json.mapper().createObjectNode().put("id", "x").put("name", "p").put("description", "d")
            .put("apiType", "REST").put("apiProxyCreationType", "REVERSE_PROXY");
        Manifest m = new Manifest(proxy, Shapes.of(proxy), Target.of(proxy, "P", null, null, null), fields, "f", null);
        ObjectNode update = WriteBody.of(m, true);
        assertEquals("{\"apiProxyName\":\"p\",\"apiProxyDescription\":\"d\",\"apiProxyCreationType\":\"REVERSE_PROXY\","
            + "\"reParse\":true}", Json.compact(update));
        assertFalse(WriteBody.of(m, false).has("reParse"));
    }

    @Test
    void comparison_looks_only_at_given_fields_and_skips_hidden_secrets() {
        Kind conn = Kinds.find("connection");
        Shape shape = Shapes.of(conn);
        ObjectNode wanted = Json.mapper().createObjectNode().put("name", "c").put("port", 25).put("password", "s")
            .put("id", "ignored");
        ObjectNode live = Json.mapper().createObjectNode().put("name", "c").put("port", 25L).putNull("password")
            .put("enabled", true).put("id", "other");
        assertEquals(List.of(), Comparison.changes(shape, wanted, live));
        live.put("port", 26);
        List<Change> changes = Comparison.changes(shape, wanted, live);
        assertEquals(1, changes.size());
        assertEquals("port", changes.get(0).path());
        assertEquals("****", PlanPrinter.show("password", Json.mapper().getNodeFactory().textNode("s")));
        assertEquals("[{\"privateKey\":\"****\",\"n\":1}]", PlanPrinter.show("list",
            Json.mapper().createArrayNode().add(Json.mapper().createObjectNode().put("privateKey", "k").put("n", 1))));
    }

    @Test
    void a_proxy_settings_patch_covers_only_what_its_page_takes() {
        Shape shape = Shapes.of(Kinds.find("proxy"));
        assertEquals("metadata", shape.settingFor("sharingType").part());
        assertEquals("client-route", shape.settingFor("clientRoute.virtualHostList[0]").part());
        assertEquals("routing-addresses", shape.settingFor("routing.routingAddressList").part());
        assertEquals("routing-addresses", shape.settingFor("routing.routingAddressList[1].weight").part());
        assertEquals("routing-status", shape.settingFor("routing.routingEnabled").part());
        assertNull(shape.settingFor("routing.routingAddressList[0].healthCheckEnabled"));
        assertNull(shape.settingFor("clientRoute"));
        assertTrue(shape.ignored("apiType") && shape.ignored("deploymentList") && !shape.ignored("sharingType"));
    }

    @Test
    void a_settings_body_has_the_changed_fields_or_the_whole_setting_it_replaces() throws Exception {
        Shape shape = Shapes.of(Kinds.find("proxy"));
        var doc = Json.mapper().readTree("{\"description\":\"d\",\"sharingType\":\"NONE\","
            + "\"clientRoute\":{\"relativePathList\":[\"/b\"]}}");
        var live = Json.mapper().readTree("{\"description\":\"d\",\"sharingType\":\"BOTH\","
            + "\"clientRoute\":{\"relativePathList\":[\"/a\"],\"virtualHostList\":[\"h\"]}}");
        List<Change> changes = Comparison.changes(shape, doc, live);
        assertEquals("{\"sharingType\":\"NONE\"}",
            Json.compact(shape.settingFor("sharingType").body(doc, live, changes)));
        assertEquals("{\"relativePathList\":[\"/b\"],\"hostList\":[\"h\"]}",
            Json.compact(shape.settingFor("clientRoute.relativePathList").body(doc, live, changes)));
    }
}
