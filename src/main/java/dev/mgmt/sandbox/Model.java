package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** In-memory state of the emulated manager. All access goes through {@link Api} under its lock. */
final class Model {
    final Map<String, ObjectNode> environments = new LinkedHashMap<>();
    final Map<String, Project> projects = new LinkedHashMap<>();
    /** Organization-wide geolocation settings (13-geolocation): enabled flag and the uploaded MMDB file. */
    final Geo geolocation = new Geo();

    static final class Geo {
        boolean enabled;
        String mmdbFileName;
        byte[] mmdb;
    }

    static final class Project {
        final String name;
        String description;
        final List<String> environmentNames = new ArrayList<>();
        final TreeMap<String, Proxy> proxies = new TreeMap<>();
        final Map<String, ObjectNode> connections = new LinkedHashMap<>();
        final Map<String, ObjectNode> credentials = new LinkedHashMap<>();
        final Map<String, List<ObjectNode>> access = new LinkedHashMap<>();
        final Map<String, ObjectNode> envVars = new LinkedHashMap<>();
        final Map<String, Group> groups = new LinkedHashMap<>();
        /** Keys and secrets, stored in their API view (see {@link Secrets}). */
        final Map<String, ObjectNode> certificates = new LinkedHashMap<>();
        final Map<String, ObjectNode> keystores = new LinkedHashMap<>();
        final Map<String, ObjectNode> keys = new LinkedHashMap<>();
        final Map<String, ObjectNode> jwks = new LinkedHashMap<>();
        /** IP groups: name -> {name, description, ipList}. */
        final Map<String, ObjectNode> ipGroups = new LinkedHashMap<>();
        final Map<String, Rlcl> rlcls = new LinkedHashMap<>();

        Project(String name, String description) {
            this.name = name;
            this.description = description;
        }
    }

    static final class Group {
        ObjectNode meta;
        final List<String> proxyNames = new ArrayList<>();
        final Map<String, Boolean> deployed = new LinkedHashMap<>();

        /** A changed group stays deployed where it was, but every one of those deployments needs redeploying. */
        void markChanged() {
            deployed.replaceAll((env, redeploy) -> true);
        }
    }

    /** A rate limit control list with its credentials, endpoint limits and condition. */
    static final class Rlcl {
        ObjectNode meta;
        final List<String> credentials = new ArrayList<>();
        final List<ObjectNode> endpoints = new ArrayList<>();
        ObjectNode condition = defaultCondition();

        static ObjectNode defaultCondition() {
            ObjectNode c = Json.obj().put("conditionCriteria", "AND");
            c.putArray("conditionRuleList");
            return c;
        }
    }

    static final class Proxy {
        /** name, description, apiType, creationType, specUrl, categoryList, sharingType, soapToRest, clientRoute, routing, ... */
        ObjectNode meta;
        final List<ObjectNode> endpoints = new ArrayList<>();
        final Map<String, List<ObjectNode>> policies = new LinkedHashMap<>();
        /** environment name -> redeployRequired flag; presence means deployed. */
        final Map<String, Boolean> deployments = new LinkedHashMap<>();

        /** A changed proxy stays deployed where it was, but every one of those deployments needs redeploying. */
        void markChanged() {
            deployments.replaceAll((env, redeploy) -> true);
        }

        Proxy(ObjectNode meta) {
            this.meta = meta;
            for (String p : Context.PIPELINES) {
                policies.put(p, new ArrayList<>());
            }
        }

        String name() {
            return meta.path("name").asText();
        }

        String apiType() {
            return meta.path("apiType").asText("REST");
        }

        String relativePath() {
            JsonNode l = meta.path("clientRoute").path("relativePathList");
            return l.isArray() && l.size() > 0 ? l.get(0).asText() : "";
        }

        ObjectNode findEndpoint(String name, String method) {
            for (ObjectNode e : endpoints) {
                if (e.path("endpoint").asText().equals(name) && e.path("httpMethod").asText().equals(method)) {
                    return e;
                }
            }
            return null;
        }

        /** The field holding a pipeline's policies, in exports and endpoint views: requestPolicyList and so on. */
        static String policyListField(String pipeline) {
            return pipeline.toLowerCase(java.util.Locale.ROOT) + "PolicyList";
        }

        static ArrayNode policyList(ObjectNode endpoint, String pipeline) {
            String key = policyListField(pipeline);
            JsonNode n = endpoint.get(key);
            if (n instanceof ArrayNode a) {
                return a;
            }
            return endpoint.putArray(key);
        }
    }
}
