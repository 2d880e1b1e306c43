package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ListOp;
import dev.mgmt.sandbox.Context.ProjectMsg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Rate limit control lists (02-api-reference/12-rlcl): CRUD plus credentials, endpoints and condition. */
final class Rlcls {
    static final Set<String> EXECUTION_ORDERS = Set.of("FIRST", "LAST");
    static final Set<String> CACHE_ERROR_HANDLING = Set.of("FAIL", "CONTINUE");
    static final Set<String> WINDOW_TYPES = Set.of("FIXED", "SLIDING");
    static final Set<String> TIME_INTERVALS = Set.of("ONE_SECOND", "ONE_MINUTE", "ONE_HOUR", "ONE_DAY", "ONE_MONTH");
    static final Set<String> CRITERIA = Set.of("VALUE", "NOT", "AND", "OR");
    static final Set<String> OPERATORS = Set.of("LT", "LE", "GT", "GE", "EQ", "NE", "STARTS_WITH", "ENDS_WITH",
            "CONTAINS", "NOT_CONTAINS", "IS_EMPTY", "IS_NOT_EMPTY", "IS_EXISTS", "IS_NOT_EXISTS", "IN", "NOT_IN");
    static final Set<String> UNARY_OPERATORS = Set.of("IS_EMPTY", "IS_NOT_EMPTY", "IS_EXISTS", "IS_NOT_EXISTS");
    static final Set<String> VALUE_SOURCES = Set.of("VALUE", "VARIABLE");
    static final Set<String> PARAM_TYPES = Set.of("QUERY", "PATH", "FORM");
    static final Set<String> CONTENT_TYPES = Set.of("XML", "JSON", "ALL_BODY");

    private final Context ctx;

    Rlcls(Context ctx) {
        this.ctx = ctx;
    }

    private static Model.Rlcl rlcl(Model.Project p, String name) {
        return Context.existing(p.rlcls, name, n -> ApiError.badRequest("RLCL (" + n + ") is not found!"));
    }

    /** Validates a create/update body and returns the stored metadata. */
    private static ObjectNode meta(ObjectNode b) {
        String name = Context.requiredName(b);
        Validator v = new Validator(b);
        v.optString("description");
        v.optBool("enabled");
        v.optEnum("executionOrder", EXECUTION_ORDERS);
        Integer t = v.optInt("cacheConnectionTimeoutInSeconds");
        if (t != null && t < 0) {
            v.error("cacheConnectionTimeoutInSeconds", "cacheConnectionTimeoutInSeconds must not be negative");
        }
        v.optEnum("cacheErrorHandlingType", CACHE_ERROR_HANDLING);
        v.optEnum("timeIntervalWindowType", WINDOW_TYPES);
        v.optBool("showRateLimitStatisticsInResponseHeader");
        if (v.optObject("targetVariable") != null) {
            variable(v.nested("targetVariable"));
        }
        v.throwIfInvalid();
        ObjectNode m = Json.obj().put("name", name).putNull("description").put("enabled", true)
                .put("executionOrder", "FIRST").put("cacheConnectionTimeoutInSeconds", 3)
                .put("cacheErrorHandlingType", "FAIL").put("timeIntervalWindowType", "FIXED")
                .put("showRateLimitStatisticsInResponseHeader", false).putNull("targetVariable");
        for (String f : List.of("description", "enabled", "executionOrder", "cacheConnectionTimeoutInSeconds",
                "cacheErrorHandlingType", "timeIntervalWindowType", "showRateLimitStatisticsInResponseHeader",
                "targetVariable")) {
            if (b.hasNonNull(f)) {
                m.set(f, b.get(f).deepCopy());
            }
        }
        return m;
    }

    /** The variable object of the variable-definition appendix: name, type and the fields its type needs. */
    static void variable(Validator v) {
        v.requireString("name");
        v.optString("description");
        String type = v.requireEnum("type", ProxySettings.VARIABLE_TYPES);
        Boolean script = v.optBool("initWithScript");
        if (type == null) {
            return;
        }
        switch (type) {
            case "HEADER" -> v.requireString("headerName");
            case "PARAMETER" -> {
                String pt = v.requireEnum("paramType", PARAM_TYPES);
                v.requireString("paramName");
                if ("PATH".equals(pt)) {
                    v.requireString("paramPath");
                }
                v.optString("formName");
            }
            case "BODY" -> {
                String ct = v.requireEnum("messageContentType", CONTENT_TYPES);
                if ("XML".equals(ct)) {
                    v.requireString("xpathValue");
                } else if ("JSON".equals(ct)) {
                    v.requireString("jsonPathValue");
                }
            }
            case "CONTEXT_VALUES" -> {
                v.requireString("contextValue");
                v.optString("zoneId");
            }
            default -> { }
        }
        if (type.equals("CUSTOM") || Boolean.TRUE.equals(script)) {
            v.requireString("scriptLanguage");
            v.requireString("scriptBody");
        }
    }

    Http.Resp create(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            ObjectNode m = meta(b);
            String name = m.get("name").asText();
            if (p.rlcls.containsKey(name)) {
                throw Context.sameNameExists("RLCL", name);
            }
            Model.Rlcl r = new Model.Rlcl();
            m.put("id", ctx.newId());
            r.meta = m;
            p.rlcls.put(name, r);
            return Context.ok();
        }
    }

    Http.Resp update(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String path = q.param("rlcl");
            Model.Rlcl r = rlcl(p, path);
            ObjectNode m = meta(b);
            Context.requireSameName("RLCL", path, m.get("name").asText());
            m.put("id", r.meta.path("id").asText());
            r.meta = m;
            return Context.ok();
        }
    }

    Http.Resp delete(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("rlcl");
            rlcl(p, name);
            p.rlcls.remove(name);
            return Context.ok();
        }
    }

    Http.Resp credentials(Http.Req q, ListOp op) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            Model.Rlcl r = rlcl(p, q.param("rlcl"));
            JsonNode list = b.get("credentialNameList");
            if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
                throw ApiError.badRequest("credentialNameList value can not be empty!");
            }
            Validator v = new Validator(b);
            List<String> names = v.optStringList("credentialNameList");
            v.throwIfInvalid();
            if (op != ListOp.REMOVE) {
                for (String n : names) {
                    if (!p.credentials.containsKey(n)) {
                        throw ApiError.badRequest("Credential with name (" + n + ") is not found in project!");
                    }
                }
            }
            switch (op) {
                case ADD -> names.stream().filter(n -> !r.credentials.contains(n)).distinct().forEach(r.credentials::add);
                case REPLACE -> {
                    r.credentials.clear();
                    names.stream().distinct().forEach(r.credentials::add);
                }
                default -> r.credentials.removeAll(names);
            }
            return Context.ok();
        }
    }

    private static boolean sameEndpoint(ObjectNode a, ObjectNode b) {
        return a.path("apiProxyName").asText().equals(b.path("apiProxyName").asText())
                && a.path("endpointName").asText().equals(b.path("endpointName").asText())
                && a.path("endpointHTTPMethod").asText().equals(b.path("endpointHTTPMethod").asText());
    }

    Http.Resp endpoints(Http.Req q, ListOp op) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            Model.Rlcl r = rlcl(p, q.param("rlcl"));
            JsonNode list = b.get("endpointRateLimitList");
            if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
                throw ApiError.badRequest("endpointRateLimitList value can not be empty!");
            }
            Validator v = new Validator(b);
            for (Validator e : v.optObjectList("endpointRateLimitList")) {
                e.requireString("apiProxyName");
                String name = e.optString("endpointName");
                String method = e.optEnum("endpointHTTPMethod", Context.HTTP_METHODS);
                if (!"ALL".equals(name) && !"ALL".equals(method) && !e.hasErrorsFor("endpointHTTPMethod")) {
                    if (name == null || name.isBlank()) {
                        e.error("endpointName", "endpointName is required unless endpointHTTPMethod is ALL");
                    }
                    if (method == null) {
                        e.error("endpointHTTPMethod", "endpointHTTPMethod is required unless endpointName is ALL");
                    }
                }
                if (op != ListOp.REMOVE) {
                    positive(e, "permittedMessageCount", true);
                    positive(e, "timeIntervalPeriodLength", true);
                    e.requireEnum("timeInterval", TIME_INTERVALS);
                    positive(e, "cacheConnectionTimeoutInSeconds", false);
                    e.requireEnum("cacheErrorHandlingType", CACHE_ERROR_HANDLING);
                    e.requireEnum("timeIntervalWindowType", WINDOW_TYPES);
                    e.optString("targetIdentityValue");
                    e.optBool("showRateLimitStatisticsInResponseHeader");
                    e.optBool("enabled");
                    if (e.optObject("targetVariable") != null) {
                        variable(e.nested("targetVariable"));
                    }
                }
            }
            v.throwIfInvalid();
            List<ObjectNode> given = new ArrayList<>();
            for (JsonNode n : list) {
                ObjectNode e = ((ObjectNode) n).deepCopy();
                String name = e.path("endpointName").asText("");
                String method = e.path("endpointHTTPMethod").asText("");
                if (name.equals("ALL") || method.equals("ALL") || name.isEmpty() || method.isEmpty()) {
                    e.put("endpointName", "ALL").put("endpointHTTPMethod", "ALL");
                }
                given.add(e);
            }
            if (op != ListOp.REMOVE) {
                for (ObjectNode e : given) {
                    resolve(p, e);
                }
            }
            if (op == ListOp.REMOVE) {
                r.endpoints.removeIf(x -> given.stream().anyMatch(e -> sameEndpoint(x, e)));
                return Context.ok();
            }
            if (op == ListOp.REPLACE) {
                r.endpoints.clear();
            }
            for (ObjectNode e : given) {
                if (r.endpoints.stream().noneMatch(x -> sameEndpoint(x, e))) {
                    r.endpoints.add(e);
                }
            }
            return Context.ok();
        }
    }

    private static void positive(Validator v, String field, boolean strictly) {
        Integer i = v.optInt(field);
        if (v.hasErrorsFor(field)) {
            return;
        }
        if (i == null) {
            v.error(field, field + " is required");
        } else if (strictly ? i < 1 : i < 0) {
            v.error(field, field + (strictly ? " must be 1 or greater" : " must not be negative"));
        }
    }

    /** Checks that the proxy and endpoint exist and records the endpoint's id, as the page says the server does. */
    private void resolve(Model.Project p, ObjectNode e) {
        String proxy = e.path("apiProxyName").asText();
        Model.Proxy x = p.proxies.get(proxy);
        if (x == null) {
            throw ApiError.badRequest("API Proxy with name (" + proxy + ") is not found in project!");
        }
        if (!e.hasNonNull("showRateLimitStatisticsInResponseHeader")) {
            e.put("showRateLimitStatisticsInResponseHeader", false);
        }
        if (!e.hasNonNull("enabled")) {
            e.put("enabled", true);
        }
        String name = e.path("endpointName").asText();
        String method = e.path("endpointHTTPMethod").asText();
        if (name.equals("ALL")) {
            e.putNull("endpointId");
            return;
        }
        ObjectNode ep = x.findEndpoint(name, method);
        if (ep == null) {
            throw ApiError.badRequest("API Endpoint with name (" + name + ") and method type (" + method
                    + ") is not found in API Proxy!");
        }
        e.put("endpointId", ep.path("id").asText());
    }

    Http.Resp setCondition(Http.Req q) {
        ObjectNode b = q.jsonOrEmpty();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            Model.Rlcl r = rlcl(p, q.param("rlcl"));
            JsonNode list = b.get("conditionRuleList");
            if (list == null || list.isNull()) {
                throw ApiError.badRequest("condition value can not be empty!");
            }
            Validator v = new Validator(b);
            rules(v, "conditionRuleList", 0);
            v.throwIfInvalid();
            ObjectNode c = Model.Rlcl.defaultCondition();
            c.set("conditionRuleList", list.deepCopy());
            r.condition = c;
            return Context.ok();
        }
    }

    private static void rules(Validator v, String field, int depth) {
        for (Validator rule : v.optObjectList(field)) {
            String criteria = rule.requireEnum("conditionCriteria", CRITERIA);
            if (criteria == null) {
                continue;
            }
            if (!criteria.equals("VALUE")) {
                if (depth > 16) {
                    rule.error("conditionRuleList", "conditions may be nested at most 16 levels deep");
                } else {
                    rules(rule, "conditionRuleList", depth + 1);
                }
                continue;
            }
            if (rule.requireObject("firstVariable") != null) {
                variable(rule.nested("firstVariable"));
            }
            rule.requireEnum("variableDataType", ProxySettings.DATA_TYPES);
            rule.optString("dateFormat");
            String op = rule.requireEnum("valueComparisonOperator", OPERATORS);
            if (op != null && UNARY_OPERATORS.contains(op)) {
                rule.optEnum("secondValueSource", VALUE_SOURCES);
                continue;
            }
            String source = rule.requireEnum("secondValueSource", VALUE_SOURCES);
            if ("VALUE".equals(source)) {
                rule.requireString("secondValue");
            } else if ("VARIABLE".equals(source) && rule.requireObject("secondVariable") != null) {
                variable(rule.nested("secondVariable"));
            }
        }
    }

    Http.Resp resetCondition(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            Model.Rlcl r = rlcl(p, q.param("rlcl"));
            r.condition = Model.Rlcl.defaultCondition();
            return Context.ok();
        }
    }
}
