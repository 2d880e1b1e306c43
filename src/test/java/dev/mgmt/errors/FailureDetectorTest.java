package dev.mgmt.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureDetectorTest {
    private static JsonNode j(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"status\":\"SUCCESS\",\"resultList\":[]}",
        "{\"success\":true}",
        "{\"status\":\"OK\"}",
        "{\"success\":\"false\"}",
        "{\"status\":500}",
        "[{\"success\":false}]",
        "\"FAILURE\"",
        "{\"resultList\":[{\"status\":\"FAILURE\",\"success\":false}]}",
        "{\"deploymentResult\":{\"success\":true,\"deploymentResults\":[{\"success\":true}]}}",
    })
    void should_see_no_failure(String body) throws Exception {
        assertNull(FailureDetector.inspect(200, j(body)), body);
    }

    @Test
    void should_see_no_failure_without_a_body() {
        assertNull(FailureDetector.inspect(200, null));
    }

    @Test
    void should_report_status_failure_with_the_server_message() throws Exception {
        ApiError e = FailureDetector.inspect(200, j("{\"status\":\"failure\",\"errorMessage\":\"locked\"}"));
        assertNotNull(e);
        assertEquals(ApiError.Origin.FAILURE_IN_SUCCESS, e.origin());
        assertEquals(200, e.status());
        assertEquals("the server answered 200 but reported a failure: locked", e.description());
    }

    @Test
    void should_report_success_false() throws Exception {
        ApiError e = FailureDetector.inspect(201, j("{\"success\":false,\"message\":\"\",\"error\":\"quota\"}"));
        assertEquals("the server answered 201 but reported a failure: quota", e.description());
    }

    @Test
    void should_name_each_failed_deployment_item() throws Exception {
        ApiError e = FailureDetector.inspect(200, j("{\"deploymentResult\":{\"success\":false,\"message\":\"overall\","
            + "\"deploymentResults\":[{\"environmentName\":\"prod\",\"podName\":\"gw-1\",\"success\":false,\"message\":\"crash\"},"
            + "{\"environmentName\":\"dev\",\"success\":true}],"
            + "\"detailList\":[{\"envName\":\"test\",\"success\":false,\"errorMessage\":\"timeout\"},{\"success\":false}]},"
            + "\"message\":\"Deployment finished with errors\"}"));
        assertEquals("deployment failed in 3 places: Deployment finished with errors", e.description());
        assertEquals(List.of("failed: prod pod gw-1 — crash", "failed: test — timeout", "failed: (unnamed)"), e.notes());
    }

    @Test
    void should_report_an_overall_deployment_failure_without_items() throws Exception {
        ApiError e = FailureDetector.inspect(200, j("{\"deploymentResult\":{\"success\":false}}"));
        assertNotNull(e);
        assertTrue(e.description().startsWith("the server answered 200 but reported a failure"), e.description());
    }
}
