package dev.mgmt.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.output.ItemSink;

import java.util.Map;

/**
 * The policy list answers one element, the API proxy, whose pipelines (and each endpoint's) hold the
 * policies: this hands each policy on as an item of its own, so tables, {@code -o name} and picking one
 * by name see policies, not the proxy. Each policy gets where it sits in the words a policy add takes
 * ({@code targetScope}, {@code targetPipeline}, {@code targetEndpoint}, {@code targetEndpointHTTPMethod}),
 * since the policy object alone does not say.
 */
final class PipelineItems implements ItemSink {
    private static final Map<String, String> PIPELINES = Map.of(
        "requestPolicyList", "REQUEST", "responsePolicyList", "RESPONSE", "errorPolicyList", "ERROR");
    private static final String[] ORDER = {"requestPolicyList", "responsePolicyList", "errorPolicyList"};

    private final ItemSink policies;
    private long emitted;

    PipelineItems(ItemSink policies) {
        this.policies = policies;
    }

    static ItemSink wrap(Kind kind, ItemSink sink) {
        return kind.nesting() == Kind.Nesting.PIPELINES ? new PipelineItems(sink) : sink;
    }

    @Override
    public void item(JsonNode proxy) {
        emit(proxy, null);
        for (JsonNode endpoint : proxy.path("endpointList")) {
            emit(endpoint, endpoint);
        }
    }

    private void emit(JsonNode holder, JsonNode endpoint) {
        for (String field : ORDER) {
            for (JsonNode policy : holder.path(field)) {
                if (!policy.isObject()) {
                    continue;
                }
                ObjectNode p = ((ObjectNode) policy).deepCopy();
                p.put("targetScope", endpoint == null ? "API_PROXY" : "ENDPOINT");
                p.put("targetPipeline", PIPELINES.get(field));
                if (endpoint != null) {
                    p.put("targetEndpoint", endpoint.path("endpoint").asText());
                    p.put("targetEndpointHTTPMethod", endpoint.path("httpMethod").asText());
                }
                policies.item(p);
                emitted++;
            }
        }
    }

    @Override
    public void finish() {
        policies.finish();
    }

    /** The policies handed on (the sink's own count may be of matches only). */
    @Override
    public long count() {
        return emitted;
    }

    /** Whole proxies: the fields the policies' sink wants are not the proxy's. */
    @Override
    public java.util.Set<String> fields() {
        return null;
    }

    @Override
    public void close() {
        policies.close();
    }
}
