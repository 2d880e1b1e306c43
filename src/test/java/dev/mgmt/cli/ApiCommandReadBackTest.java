package dev.mgmt.cli;

import dev.mgmt.client.ApiClient;
import dev.mgmt.client.BaseUrl;
import dev.mgmt.client.retry.ReadBack;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ApiCommandReadBackTest {
    private final ApiClient client = new ApiClient(BaseUrl.parse("https://mgr.example"), null, "test", null, null);

    private ReadBack readBack(String method, String path, String body) {
        return ApiCommand.readBack(client, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_read_the_single_object_of_a_kind_that_has_one() {
        ReadBack rb = readBack("POST", "projects/MyProject/connections/c1/", "{\"name\":\"c1\",\"type\":\"webhook\"}");
        assertEquals("https://mgr.example/apiops/projects/MyProject/connections/c1/", rb.uri().toString());
        assertEquals("mgmt get connection c1 -p MyProject", rb.command());
        assertNull(rb.listField());
    }

    @Test
    void should_map_a_create_action_to_the_created_proxy() {
        ReadBack rb = readBack("POST", "projects/MyProject/apiProxies/url/", "{\"name\":\"orders api\"}");
        assertEquals("https://mgr.example/apiops/projects/MyProject/apiProxies/orders%20api/", rb.uri().toString());
        assertEquals("mgmt get proxy 'orders api' -p MyProject", rb.command());
    }

    @Test
    void should_read_the_list_when_the_api_has_no_single_read() {
        // The policy list's elements are the proxy, not its policies: no read can settle it, the command can.
        ReadBack rb = readBack("POST", "projects/MyProject/apiProxies/petstore-api/policies/rate1/", "{\"name\":\"rate1\"}");
        assertNull(rb.uri());
        assertEquals("mgmt get policy rate1 -p MyProject --proxy petstore-api", rb.command());
        ReadBack creds = readBack("POST", "projects/MyProject/credentials/", "{\"username\":\"bob\"}");
        assertEquals("mgmt get credential bob -p MyProject", creds.command());
        assertEquals("username", creds.listField());
    }

    @Test
    void should_fall_back_to_the_path_and_name_elsewhere() {
        ReadBack rb = readBack("POST", "things/", "{\"name\":\"t1\"}");
        assertEquals("https://mgr.example/apiops/things/t1/", rb.uri().toString());
        assertEquals("mgmt api GET things/t1/", rb.command());
    }

    @Test
    void should_have_nothing_to_read_without_a_name_or_for_other_methods() {
        assertNull(readBack("POST", "projects/MyProject/apiProxies/petstore-api/endpoints/details/", "{\"id\":\"x\"}"));
        assertNull(readBack("PUT", "projects/MyProject/connections/c1/", "{\"name\":\"c1\"}"));
        assertNull(readBack("POST", "projects/MyProject/connections/c1/", null));
    }

    @Test
    void should_pick_the_named_item_from_a_list() {
        ReadBack rb = new ReadBack(null, "x", "name", "b");
        byte[] item = rb.pick("{\"resultList\":[{\"name\":\"a\"},{\"name\":\"b\",\"v\":1}]}".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"name\":\"b\",\"v\":1}", new String(item, StandardCharsets.UTF_8));
        assertNull(rb.pick("{\"resultList\":[{\"name\":\"a\"}]}".getBytes(StandardCharsets.UTF_8)));
        ReadBack.Comparison c = rb.compare(
            "{\"name\":\"b\",\"description\":\"y\",\"password\":\"p\"}".getBytes(StandardCharsets.UTF_8),
            "{\"resultList\":[{\"name\":\"b\",\"description\":\"x\"}]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("description ('y' here, 'x' on the manager)"), c.differing());
        assertEquals(2, c.compared(), "name and description; the password is not shown");
    }
}
