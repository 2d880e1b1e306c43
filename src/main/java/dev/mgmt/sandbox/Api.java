package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The emulated Management API endpoints, backed by {@link Model}. */
final class Api {
    static final List<String> PIPELINES = List.of("REQUEST", "RESPONSE", "ERROR");
    static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "ALL");
    static final Set<String> CREATION_TYPES = Set.of("OPEN_API", "SWAGGER", "WSDL", "REVERSE_PROXY");
    static final Set<String> SCOPES = Set.of("ALL", "ENDPOINT");
    static final Set<String> PIPELINE_SET = Set.of("REQUEST", "RESPONSE", "ERROR");
    static final Set<String> ACCESS_TYPES = Set.of("API_PROXY", "API_PROXY_GROUP");
    static final Set<String> CONNECTION_TYPES = Set.of("email", "kafka", "elasticsearch", "rabbitMq", "ftp", "graylog",
            "syslog", "webhook", "logback", "activeMq", "snmp", "linux-script", "database", "ldap");
    static final Set<String> SECRET_FIELDS = Set.of("password", "apiKey", "secret", "secretKey", "token",
            "clientSecret", "privateKey", "passphrase");

    /** How a missing project is reported; the documentation differs per endpoint family. */
    enum ProjectMsg { IS_NOT_FOUND, WAS_NOT_FOUND, QUOTED, ENV_400 }

    final Object lock = new Object();
    final Model model;
    private final Supplier<Clock> clock;
    private final Random random;
    final Supplier<FaultSpec> faults;
    private final Tokens tokens;
    private final Map<String, Http.User> users;
    final Secrets secrets;

    Api(Model model, Supplier<Clock> clock, long seed, Supplier<FaultSpec> faults, Tokens tokens, Map<String, Http.User> users) {
        this.model = model;
        this.clock = clock;
        this.random = new Random(seed ^ 0x5DEECE66DL);
        this.faults = faults;
        this.tokens = tokens;
        this.users = users;
        this.secrets = new Secrets(this, seed);
    }

    // ---------------------------------------------------------------- auth

    Http.Resp token(Http.Req q) {
        if (!q.contentType().startsWith("application/x-www-form-urlencoded")) {
            throw ApiError.badRequest("Content-Type must be application/x-www-form-urlencoded");
        }
        Map<String, String> f = Http.form(new String(q.body, StandardCharsets.UTF_8));
        if (!"client_credentials".equals(f.get("grant_type"))) {
            throw new ApiError(400, "unsupported_grant_type", "GrantType value must be client_credentials!");
        }
        Http.User u = users.get(f.getOrDefault("client_id", ""));
        if (u == null || !u.password().equals(f.getOrDefault("client_secret", ""))) {
            throw new ApiError(401, "unauthorized_client", "Bad credentials");
        }
        long expiresIn = 3600;
        var now = clock.get().instant();
        ObjectNode o = Json.obj()
                .put("access_token", tokens.issue(u.username(), now, now.plusSeconds(expiresIn)))
                .put("token_type", "Bearer")
                .put("expires_in", expiresIn);
        return Http.Resp.json(o).header("Cache-Control", "no-store");
    }

    // ---------------------------------------------------------------- projects & environments

    Http.Resp listProjects() {
        synchronized (lock) {
            List<ObjectNode> items = new ArrayList<>();
            for (Model.Project p : model.projects.values()) {
                items.add(Json.obj().put("name", p.name).put("description", p.description));
            }
            return Http.Resp.json(Json.statusList(items));
        }
    }

    Http.Resp listEnvironments() {
        synchronized (lock) {
            List<ObjectNode> items = new ArrayList<>();
            for (ObjectNode e : model.environments.values()) {
                items.add(environmentView(e, null));
            }
            return Http.Resp.json(Json.successList(items));
        }
    }

    private ObjectNode environmentView(ObjectNode e, Model.Project p) {
        ObjectNode v = e.deepCopy();
        if (p == null) {
            v.putNull("deployed");
            v.putNull("redeployRequired");
        } else {
            String env = e.path("name").asText();
            boolean deployed = false;
            boolean redeploy = false;
            for (Model.Proxy x : p.proxies.values()) {
                Boolean r = x.deployments.get(env);
                if (r != null) {
                    deployed = true;
                    redeploy |= r;
                }
            }
            v.put("deployed", deployed);
            v.put("redeployRequired", redeploy);
        }
        return v;
    }

    Http.Resp environmentsByProject(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.ENV_400);
            List<ObjectNode> items = new ArrayList<>();
            for (String n : p.environmentNames) {
                ObjectNode e = model.environments.get(n);
                if (e != null) {
                    items.add(environmentView(e, p));
                }
            }
            return Http.Resp.json(Json.successList(items));
        }
    }

    Model.Project project(Http.Req q, ProjectMsg style) {
        String name = q.param("project");
        Model.Project p = model.projects.get(name);
        if (p != null) {
            return p;
        }
        throw switch (style) {
            case IS_NOT_FOUND -> ApiError.notFound("Project (" + name
                    + ") is not found or user does not have privilege to access it!");
            case WAS_NOT_FOUND -> ApiError.notFound("Project(" + name
                    + ") was not found or user does not have privilege to access it!");
            case QUOTED -> ApiError.notFound("Project '" + name + "' not found");
            case ENV_400 -> ApiError.badRequest("Project not found for name: (" + name
                    + ") or user has not privilege to access it!");
        };
    }

    Model.Proxy proxy(Model.Project p, String name) {
        Model.Proxy x = p.proxies.get(name);
        if (x == null) {
            throw ApiError.notFound("ApiProxy (name: " + name + ") was not found!");
        }
        return x;
    }

    // ---------------------------------------------------------------- API proxies

    Http.Resp listProxies(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.IS_NOT_FOUND);
            List<ObjectNode> items = new ArrayList<>();
            for (Model.Proxy x : p.proxies.values()) {
                items.add(Json.obj()
                        .put("name", x.name())
                        .put("description", x.meta.path("description").asText(""))
                        .put("type", x.apiType())
                        .put("relativePath", x.relativePath())
                        .put("soapToRest", x.meta.path("soapToRest").asBoolean(false)));
            }
            return Http.Resp.json(Json.statusList(items));
        }
    }

    private ObjectNode proxyDetail(Model.Proxy x) {
        ObjectNode o = Json.obj();
        o.put("name", x.name());
        o.put("description", x.meta.path("description").asText(""));
        o.put("apiType", x.apiType());
        o.set("categoryList", x.meta.has("categoryList") ? x.meta.get("categoryList").deepCopy() : Json.arr());
        o.put("sharingType", x.meta.path("sharingType").asText("PROJECT"));
        o.set("clientRoute", x.meta.has("clientRoute") ? x.meta.get("clientRoute").deepCopy() : Json.obj());
        o.set("routing", x.meta.has("routing") ? x.meta.get("routing").deepCopy() : Json.obj());
        ProxySettings.addTo(o, x);
        ArrayNode d = o.putArray("deploymentList");
        x.deployments.forEach((env, redeploy) -> d.add(Json.obj()
                .put("environmentName", env).put("deployed", true).put("redeployRequired", redeploy)));
        return o;
    }

    Http.Resp getProxy(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.IS_NOT_FOUND);
            return Http.Resp.json(proxyDetail(proxy(p, q.param("proxy"))));
        }
    }

    Http.Resp deleteProxy(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.IS_NOT_FOUND);
            String name = q.param("proxy");
            Model.Proxy x = p.proxies.get(name);
            if (x == null) {
                throw ApiError.badRequest("Api Proxy (" + name + ") is not found!");
            }
            List<String> envs = new ArrayList<>(x.deployments.keySet());
            ObjectNode result = proxyDeploymentResult(x, envs, false);
            p.proxies.remove(name);
            for (Model.Group g : p.groups.values()) {
                g.proxyNames.remove(name);
            }
            for (List<ObjectNode> acc : p.access.values()) {
                acc.removeIf(a -> a.path("type").asText().equals("API_PROXY") && a.path("name").asText().equals(name));
            }
            return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", result));
        }
    }

    /** Deploys or undeploys; the result has one item per environment. */
    private ObjectNode proxyDeploymentResult(Model.Proxy x, List<String> envs, boolean deploy) {
        Set<String> failing = faults.get().deployFail;
        ObjectNode r = Json.obj();
        ArrayNode items = Json.arr();
        boolean all = true;
        for (String env : envs) {
            boolean ok = !failing.contains(env);
            all &= ok;
            String msg;
            if (ok) {
                if (deploy) {
                    x.deployments.put(env, false);
                } else {
                    x.deployments.remove(env);
                }
                msg = deploy ? "Deployment successful" : "Undeployment successful";
            } else {
                msg = (deploy ? "Deployment" : "Undeployment") + " failed: gateway pods of environment (" + env
                        + ") did not acknowledge the configuration in time";
            }
            items.add(Json.obj().put("environmentName", env).put("success", ok).put("message", msg));
        }
        r.put("success", all);
        r.set("deploymentResults", items);
        return r;
    }

    Http.Resp deployProxy(Http.Req q, boolean deploy) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.IS_NOT_FOUND);
            String name = q.param("proxy");
            String env = q.param("env");
            Model.Proxy x = p.proxies.get(name);
            if (x == null || !model.environments.containsKey(env) || !p.environmentNames.contains(env)) {
                throw ApiError.badRequest("ApiProxy with name (" + name + ") can not be deployed to Environment("
                        + env + ") because it is not exist!");
            }
            if (!deploy && !x.deployments.containsKey(env)) {
                throw ApiError.badRequest("ApiProxy (name: " + name + ") is not deployed to Environment(" + env + ")!");
            }
            ObjectNode result = proxyDeploymentResult(x, List.of(env), deploy);
            return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", result));
        }
    }

    /** Validates the create/update metadata shared by the url and file variants. */
    private record ProxyRequest(String name, String description, String creationType, String specUrl,
                                ObjectNode clientRoute, ObjectNode routingInfo, boolean deploy, List<String> envs,
                                boolean reParse, Boolean soapToRest, ObjectNode raw) { }

    private ProxyRequest parseProxyRequest(ObjectNode b, boolean fromUrl, boolean specGiven) {
        Validator v = new Validator(b);
        String name = v.requireString("apiProxyName");
        String desc = v.optString("apiProxyDescription");
        String type = v.requireEnum("apiProxyCreationType", CREATION_TYPES);
        String specUrl = fromUrl ? v.optString("specUrl") : null;
        if (fromUrl && type != null && !type.equals("REVERSE_PROXY") && (specUrl == null || specUrl.isBlank())
                && !v.hasErrorsFor("specUrl")) {
            v.error("specUrl", "specUrl is required unless apiProxyCreationType is REVERSE_PROXY");
        }
        if (!fromUrl && type != null && !type.equals("REVERSE_PROXY") && !specGiven) {
            v.error("specFile", "specFile is required unless apiProxyCreationType is REVERSE_PROXY");
        }
        ObjectNode cr = v.optObject("clientRoute");
        if (cr != null) {
            Validator c = v.nested("clientRoute");
            c.optStringList("relativePathList");
            c.optStringList("virtualHostList");
            c.optStringList("hostList");
            List<String> methods = c.optStringList("methodList");
            if (methods != null) {
                for (String m : methods) {
                    if (!HTTP_METHODS.contains(m)) {
                        c.error("methodList", "methodList contains unknown HTTP method '" + m + "'");
                    }
                }
            }
        }
        ObjectNode ri = v.optObject("routingInfo");
        if (ri != null) {
            Validator rv = v.nested("routingInfo");
            rv.optBool("routingEnabled");
            rv.optBool("mirrorEnabled");
            rv.optEnum("loadBalanceAlgorithm", Set.of("ROUND_ROBIN", "LRU", "WEIGHTED", "RANDOM", "PICK_FIRST"));
            for (Validator a : rv.optObjectList("routingAddressList")) {
                a.requireString("address");
                a.optInt("weight");
                a.optBool("healthCheckEnabled");
                a.optEnum("soapType", Set.of("SOAP11", "SOAP12"));
            }
        }
        Boolean deploy = v.optBool("deploy");
        List<String> envs = v.optStringList("deployTargetEnvironmentNameList");
        Boolean reParse = v.optBool("reParse");
        Boolean soapToRest = v.optBool("soapToRest");
        v.optBool("enableWSA");
        v.optBool("enableWSRM");
        v.optString("backendApiVersion");
        v.optObject("maintenanceModeSetting");
        v.optObjectList("specAuthorizationValueList");
        v.throwIfInvalid();
        return new ProxyRequest(name, desc, type, specUrl, cr, ri, Boolean.TRUE.equals(deploy),
                envs == null ? List.of() : envs, Boolean.TRUE.equals(reParse), soapToRest, b);
    }

    Http.Resp createOrUpdateFromUrl(Http.Req q, boolean update) {
        ObjectNode body = q.json();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.IS_NOT_FOUND);
            ProxyRequest r = parseProxyRequest(body, true, false);
            return Http.Resp.json(saveProxy(p, r, update));
        }
    }

    Http.Resp createOrUpdateFromFile(Http.Req q, boolean update) {
        Multipart mp = q.multipart();
        Multipart.Part meta = mp.get("metadata");
        if (meta == null || meta.data().length == 0) {
            throw ApiError.badRequest("metadata value can not be empty!");
        }
        Http.Req inner = new Http.Req(q.method, q.params, q.query, q.headers, meta.data());
        ObjectNode body = inner.json();
        Multipart.Part spec = mp.get("specFile");
        boolean specGiven = spec != null && spec.data().length > 0;
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.IS_NOT_FOUND);
            ProxyRequest r = parseProxyRequest(body, false, specGiven || update);
            if (!update && !r.creationType.equals("REVERSE_PROXY")) {
                String text = spec.text().trim();
                if (!(text.startsWith("{") || text.startsWith("<") || text.startsWith("openapi")
                        || text.startsWith("swagger") || spec.data()[0] == 'P')) {
                    throw ApiError.badRequest("specFile could not be parsed as an OpenAPI, Swagger or WSDL document!");
                }
            }
            return Http.Resp.json(saveProxy(p, r, update));
        }
    }

    private ObjectNode saveProxy(Model.Project p, ProxyRequest r, boolean update) {
        for (String env : r.envs) {
            if (!p.environmentNames.contains(env) || !model.environments.containsKey(env)) {
                throw ApiError.badRequest("Environment (" + env + ") is not found or project (" + p.name
                        + ") has no access to it!");
            }
        }
        Model.Proxy x = p.proxies.get(r.name);
        if (!update) {
            if (x != null) {
                throw ApiError.duplicate("ApiProxy (name: " + r.name + ") is already exist!");
            }
            String apiType = r.creationType.equals("WSDL") && !Boolean.TRUE.equals(r.soapToRest) ? "SOAP" : "REST";
            ObjectNode meta = Json.obj();
            meta.put("name", r.name);
            meta.put("description", r.description == null ? "" : r.description);
            meta.put("apiType", apiType);
            meta.put("creationType", r.creationType);
            if (r.specUrl != null) {
                meta.put("specUrl", r.specUrl);
            }
            meta.set("categoryList", Json.arr());
            meta.put("sharingType", "PROJECT");
            meta.put("soapToRest", Boolean.TRUE.equals(r.soapToRest));
            meta.set("clientRoute", clientRoute(r.clientRoute, r.name));
            meta.set("routing", routing(r.routingInfo));
            x = new Model.Proxy(meta);
            synthesizeEndpoints(x, r.creationType);
            p.proxies.put(r.name, x);
        } else {
            if (x == null) {
                throw ApiError.badRequest("ApiProxy (name: " + r.name
                        + ") can not be reparsed because it is not exist. First create it!");
            }
            if (!x.meta.path("creationType").asText().equals(r.creationType)) {
                throw ApiError.badRequest("ApiProxy (name: " + r.name + ") was created with type ("
                        + x.meta.path("creationType").asText() + "); it can not be updated with type ("
                        + r.creationType + ")!");
            }
            if (r.description != null && !r.description.isBlank()) {
                x.meta.put("description", r.description);
            }
            if (r.specUrl != null) {
                x.meta.put("specUrl", r.specUrl);
            }
            if (r.clientRoute != null) {
                x.meta.set("clientRoute", clientRoute(r.clientRoute, r.name));
            }
            if (r.routingInfo != null) {
                x.meta.set("routing", routing(r.routingInfo));
            }
            x.deployments.replaceAll((k, v) -> true);
        }
        ObjectNode resp = Json.obj().put("success", true);
        if (r.deploy && !r.envs.isEmpty()) {
            resp.set("deploymentResult", proxyDeploymentResult(x, r.envs, true));
        }
        return resp;
    }

    private static ObjectNode clientRoute(ObjectNode in, String name) {
        ObjectNode o = Json.obj();
        ArrayNode rel = o.putArray("relativePathList");
        ArrayNode hosts = o.putArray("virtualHostList");
        if (in != null && in.path("relativePathList").isArray() && in.path("relativePathList").size() > 0) {
            in.path("relativePathList").forEach(rel::add);
        } else {
            rel.add("/" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        }
        if (in != null) {
            in.path("virtualHostList").forEach(hosts::add);
            in.path("hostList").forEach(hosts::add);
        }
        return o;
    }

    private static ObjectNode routing(ObjectNode in) {
        ObjectNode o = Json.obj();
        o.put("routingEnabled", in == null || in.path("routingEnabled").asBoolean(true));
        ArrayNode list = o.putArray("routingAddressList");
        if (in != null) {
            for (JsonNode a : in.path("routingAddressList")) {
                list.add(Json.obj().put("address", a.path("address").asText())
                        .put("weight", a.path("weight").asInt(100))
                        .put("healthCheckEnabled", a.path("healthCheckEnabled").asBoolean(false)));
            }
        }
        return o;
    }

    private void synthesizeEndpoints(Model.Proxy x, String creationType) {
        switch (creationType) {
            case "OPEN_API", "SWAGGER" -> {
                x.endpoints.add(endpoint("/items", "List items", "GET", "/items", "GET"));
                x.endpoints.add(endpoint("/items", "Create an item", "POST", "/items", "POST"));
                x.endpoints.add(endpoint("/items/{id}", "Get an item", "GET", "/items/{id}", "GET"));
            }
            case "WSDL" -> {
                x.endpoints.add(endpoint("/GetItem", "GetItem operation", "POST", "/GetItem", "POST"));
                x.endpoints.add(endpoint("/UpdateItem", "UpdateItem operation", "POST", "/UpdateItem", "POST"));
            }
            default -> { }
        }
    }

    ObjectNode endpoint(String path, String desc, String method, String backendUrl, String backendMethod) {
        return Json.obj().put("id", newId()).put("endpoint", path).put("description", desc).put("active", true)
                .put("httpMethod", method).put("backendResourceUrl", backendUrl).put("backendHttpMethod", backendMethod);
    }

    /** A 24-hex-digit id, deterministic for a given seed. */
    String newId() {
        synchronized (random) {
            return String.format("%08x%016x", random.nextInt(), random.nextLong());
        }
    }

    // ---------------------------------------------------------------- export / import

    Http.Resp exportProxy(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("proxy");
            Model.Proxy x = p.proxies.get(name);
            if (x == null) {
                throw ApiError.badRequest("ApiProxy (name: " + name + ") was not found!");
            }
            ObjectNode doc = Json.obj();
            doc.put("exportFormat", "mgmt-sandbox/1");
            doc.put("projectName", p.name);
            doc.put("exportedAt", clock.get().instant().toString());
            ObjectNode ap = x.meta.deepCopy();
            ArrayNode eps = ap.putArray("endpointList");
            x.endpoints.forEach(e -> eps.add(e.deepCopy()));
            for (String pl : PIPELINES) {
                ArrayNode a = ap.putArray(pl.toLowerCase(java.util.Locale.ROOT) + "PolicyList");
                x.policies.get(pl).forEach(pol -> a.add(pol.deepCopy()));
            }
            doc.set("apiProxy", ap);
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (ZipOutputStream zos = new ZipOutputStream(bos)) {
                ZipEntry ze = new ZipEntry(safeFileName(name) + ".json");
                ze.setTime(0L);
                zos.putNextEntry(ze);
                zos.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
                zos.closeEntry();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return new Http.Resp(200, "application/octet-stream", bos.toByteArray())
                    .header("Content-Disposition", "attachment; filename=\"apiProxyExportFile.zip\"");
        }
    }

    private static String safeFileName(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private ObjectNode readArchive(Multipart mp) {
        Multipart.Part f = mp.get("apiProxyExportFile");
        if (f == null || f.data().length == 0) {
            throw ApiError.badRequest("apiProxyExportFile value can not be empty!");
        }
        String fn = f.filename() == null ? "" : f.filename().toLowerCase(java.util.Locale.ROOT);
        byte[] d = f.data();
        boolean zipMagic = d.length >= 4 && d[0] == 'P' && d[1] == 'K';
        if (!fn.endsWith(".zip") || !zipMagic) {
            throw ApiError.badRequest(
                    "apiProxyExportFile parameter must be in zip file format and must end with zip extension!");
        }
        try (ZipInputStream zis = new ZipInputStream(new ByteArrayInputStream(d))) {
            ZipEntry e;
            while ((e = zis.getNextEntry()) != null) {
                if (!e.isDirectory() && e.getName().endsWith(".json")) {
                    JsonNode n = Json.MAPPER.readTree(zis.readAllBytes());
                    if (n != null && n.path("apiProxy").isObject() && n.path("apiProxy").path("name").isTextual()) {
                        return (ObjectNode) n.get("apiProxy");
                    }
                }
            }
        } catch (IOException ex) {
            throw ApiError.badRequest("apiProxyExportFile could not be read: " + ex.getMessage());
        }
        throw ApiError.badRequest("apiProxyExportFile does not contain an API Proxy export definition!");
    }

    private Model.Proxy proxyFromExport(ObjectNode ap, String name) {
        ObjectNode meta = ap.deepCopy();
        meta.remove("endpointList");
        for (String pl : PIPELINES) {
            meta.remove(pl.toLowerCase(java.util.Locale.ROOT) + "PolicyList");
        }
        meta.put("name", name);
        Model.Proxy x = new Model.Proxy(meta);
        for (JsonNode e : ap.path("endpointList")) {
            if (e.isObject()) {
                ObjectNode c = (ObjectNode) e.deepCopy();
                c.put("id", newId());
                x.endpoints.add(c);
            }
        }
        for (String pl : PIPELINES) {
            for (JsonNode pol : ap.path(pl.toLowerCase(java.util.Locale.ROOT) + "PolicyList")) {
                if (pol.isObject()) {
                    x.policies.get(pl).add((ObjectNode) pol.deepCopy());
                }
            }
        }
        return x;
    }

    Http.Resp importProxy(Http.Req q) {
        Multipart mp = q.multipart();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            ObjectNode ap = readArchive(mp);
            String base = ap.path("name").asText();
            String name = base;
            int n = 1;
            while (p.proxies.containsKey(name)) {
                name = base + "_" + n++;
            }
            Model.Proxy x = proxyFromExport(ap, name);
            if (!name.equals(base)) {
                ObjectNode cr = clientRoute((ObjectNode) x.meta.get("clientRoute"), name);
                ArrayNode rel = Json.arr();
                String suffix = name.substring(base.length());
                cr.path("relativePathList").forEach(r -> rel.add(r.asText() + suffix));
                cr.set("relativePathList", rel);
                x.meta.set("clientRoute", cr);
            }
            p.proxies.put(name, x);
            return Http.Resp.json(Json.obj().put("status", "SUCCESS"));
        }
    }

    Http.Resp importOverride(Http.Req q) {
        Multipart mp = q.multipart();
        ObjectNode metadata = Json.obj();
        Multipart.Part meta = mp.get("metadata");
        if (meta != null && meta.data().length > 0) {
            metadata = new Http.Req(q.method, q.params, q.query, q.headers, meta.data()).json();
        }
        Validator v = new Validator(metadata);
        Boolean deploy = v.optBool("deploy");
        List<String> envs = v.optStringList("deployTargetEnvironmentNameList");
        v.throwIfInvalid();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            ObjectNode ap = readArchive(mp);
            String name = q.param("proxy");
            Model.Proxy old = p.proxies.get(name);
            Model.Proxy x = proxyFromExport(ap, name);
            if (old != null) {
                old.deployments.forEach((k, val) -> x.deployments.put(k, true));
            }
            p.proxies.put(name, x);
            ObjectNode resp = Json.obj().put("status", "SUCCESS");
            if (Boolean.TRUE.equals(deploy) && envs != null && !envs.isEmpty()) {
                resp.set("deploymentResult", proxyDeploymentResult(x, envs, true));
            }
            return Http.Resp.json(resp);
        }
    }

    // ---------------------------------------------------------------- endpoints

    private static ObjectNode endpointView(ObjectNode e) {
        ObjectNode v = e.deepCopy();
        for (String pl : PIPELINES) {
            v.remove(pl.toLowerCase(java.util.Locale.ROOT) + "PolicyList");
        }
        return v;
    }

    Http.Resp listEndpoints(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.IS_NOT_FOUND);
            Model.Proxy x = proxy(p, q.param("proxy"));
            return Http.Resp.json(Json.successList(x.endpoints.stream().map(Api::endpointView).toList()));
        }
    }

    private record EndpointKey(String name, String method) { }

    private static EndpointKey endpointKey(ObjectNode b) {
        JsonNode n = b.get("name");
        JsonNode m = b.get("httpMethod");
        if (n == null || !n.isTextual() || n.asText().isBlank() || m == null || !m.isTextual() || m.asText().isBlank()) {
            throw ApiError.badRequest("Endpoint identifier (name and httpMethod) must be provided in request body!");
        }
        if (!HTTP_METHODS.contains(m.asText())) {
            throw new ApiError(400, "validation_failed", "Validation failed: httpMethod must be one of "
                    + String.join(", ", HTTP_METHODS.stream().sorted().toList()),
                    List.of(new ApiError.FieldError("httpMethod", "unknown HTTP method '" + m.asText() + "'")));
        }
        return new EndpointKey(n.asText(), m.asText());
    }

    private static ApiError endpointNotFound(EndpointKey k) {
        return ApiError.badRequest("Endpoint with name (" + k.name + ") and HTTP method (" + k.method
                + ") is not found!");
    }

    Http.Resp getEndpoint(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.IS_NOT_FOUND);
            Model.Proxy x = proxy(p, q.param("proxy"));
            EndpointKey k = endpointKey(b);
            ObjectNode e = x.findEndpoint(k.name, k.method);
            if (e == null) {
                throw endpointNotFound(k);
            }
            return Http.Resp.json(endpointView(e));
        }
    }

    Http.Resp createEndpoint(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.IS_NOT_FOUND);
            Model.Proxy x = proxy(p, q.param("proxy"));
            if (!x.apiType().equals("REST")) {
                throw ApiError.badRequest("Endpoint can only be added to REST API Proxies!");
            }
            Validator v = new Validator(b);
            String name = v.requireString("name");
            String desc = v.optString("description");
            String m = v.requireEnum("httpMethod", HTTP_METHODS);
            String url = v.requireString("backendResourceUrl");
            String bm = v.requireEnum("backendHttpMethod", HTTP_METHODS);
            v.throwIfInvalid();
            if (x.findEndpoint(name, m) != null) {
                throw ApiError.duplicate("Endpoint with name (" + name + ") and HTTP method (" + m
                        + ") is already exist!");
            }
            x.endpoints.add(endpoint(name, desc == null ? "" : desc, m, url, bm));
            x.deployments.replaceAll((k, val) -> true);
            return Http.Resp.json(Json.obj().put("success", true));
        }
    }

    Http.Resp updateEndpoint(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.IS_NOT_FOUND);
            Model.Proxy x = proxy(p, q.param("proxy"));
            EndpointKey k = endpointKey(b);
            Validator v = new Validator(b);
            String desc = v.optString("description");
            String url = v.optString("backendResourceUrl");
            String bm = v.optEnum("backendHttpMethod", HTTP_METHODS);
            v.throwIfInvalid();
            ObjectNode e = x.findEndpoint(k.name, k.method);
            if (e == null) {
                throw endpointNotFound(k);
            }
            if (desc != null) {
                e.put("description", desc);
            }
            if (url != null) {
                e.put("backendResourceUrl", url);
            }
            if (bm != null) {
                e.put("backendHttpMethod", bm);
            }
            x.deployments.replaceAll((kk, val) -> true);
            return Http.Resp.json(Json.obj().put("success", true));
        }
    }

    Http.Resp endpointPolicies(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.IS_NOT_FOUND);
            Model.Proxy x = proxy(p, q.param("proxy"));
            EndpointKey k = endpointKey(b);
            ObjectNode e = x.findEndpoint(k.name, k.method);
            if (e == null) {
                throw endpointNotFound(k);
            }
            ObjectNode v = Json.obj();
            for (String f : List.of("id", "endpoint", "description", "active", "httpMethod", "backendResourceUrl",
                    "backendHttpMethod")) {
                v.set(f, e.get(f) == null ? null : e.get(f).deepCopy());
            }
            for (String pl : PIPELINES) {
                ArrayNode out = v.putArray(pl.toLowerCase(java.util.Locale.ROOT) + "PolicyList");
                for (JsonNode pol : Model.Proxy.policyList(e, pl)) {
                    out.add(Json.obj().put("type", pol.path("type").asText()).put("name", pol.path("name").asText())
                            .put("description", pol.path("description").asText(""))
                            .put("active", pol.path("active").asBoolean(true)));
                }
            }
            return Http.Resp.json(v);
        }
    }

    static final Set<String> CACHE_KEY_TYPES = Set.of("QUERY_PARAMS", "CUSTOM");
    static final Set<String> CACHE_STORAGE_TYPES = Set.of("LOCAL", "DISTRIBUTED");
    static final Set<String> CACHE_HANDLING = Set.of("CONTINUE", "STOP");

    /** PATCH endpoints/status|cache|wsa: the endpoint is named by identifierName and identifierHttpMethod. */
    Http.Resp patchEndpoint(Http.Req q, String what) {
        ObjectNode b = q.json();
        ObjectNode key = Json.obj();
        key.set("name", b.get("identifierName"));
        key.set("httpMethod", b.get("identifierHttpMethod"));
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.IS_NOT_FOUND);
            Model.Proxy x = proxy(p, q.param("proxy"));
            EndpointKey k = endpointKey(key);
            Validator v = new Validator(b);
            ObjectNode settings = null;
            switch (what) {
                case "status" -> {
                    if (!b.has("active") || b.get("active").isNull()) {
                        v.error("active", "active is required");
                    }
                    v.optBool("active");
                }
                case "cache" -> {
                    settings = v.requireObject("cacheSettings");
                    v.throwIfInvalid();
                    Validator c = v.nested("cacheSettings");
                    JsonNode ha = settings.get("handlingAction");
                    if (ha == null || ha.isNull() || ha.asText().isBlank()) {
                        throw ApiError.badRequest("handlingAction is required");
                    }
                    c.requireString("name");
                    c.optString("description");
                    c.optBool("cacheActive");
                    c.optBool("cacheOnlyHttpGetRequests");
                    String kt = c.optEnum("cacheKeyType", CACHE_KEY_TYPES);
                    c.optEnum("cacheStorageType", CACHE_STORAGE_TYPES);
                    c.optInt("capacity");
                    c.optInt("ttl");
                    c.requireEnum("handlingAction", CACHE_HANDLING);
                    c.optBool("invalidationRequiresAuthn");
                    c.optBool("cacheNullValue");
                    List<Validator> vars = c.optObjectList("variableList");
                    if ("CUSTOM".equals(kt) && vars.isEmpty() && !c.hasErrorsFor("variableList")) {
                        c.error("variableList", "variableList needs at least one variable when cacheKeyType is CUSTOM");
                    }
                }
                default -> {
                    if (!x.apiType().equals("SOAP")) {
                        throw ApiError.badRequest("WS-Addressing settings can only be updated on SOAP API Proxies!");
                    }
                    settings = v.requireObject("wsaSettings");
                    v.throwIfInvalid();
                    Validator w = v.nested("wsaSettings");
                    for (String f : List.of("wsaEnabled", "wsaAddDefaultAction", "wsaAddDefaultTo", "wsaGenerateMessageId")) {
                        w.optBool(f);
                    }
                    w.optEnum("wsaMustUnderstand", Set.of("NONE", "TRUE", "FALSE"));
                    w.optEnum("wsaVersion", Set.of("V200408", "V200508"));
                    for (String f : List.of("wsaAction", "wsaTo", "wsaReplyTo", "wsaMessageId", "wsaFrom", "wsaFaultTo",
                            "wsaRelatesTo", "wsaRelationShipType")) {
                        w.optString(f);
                    }
                }
            }
            v.throwIfInvalid();
            ObjectNode e = x.findEndpoint(k.name, k.method);
            if (e == null) {
                throw endpointNotFound(k);
            }
            switch (what) {
                case "status" -> e.put("active", b.get("active").asBoolean());
                case "cache" -> e.set("cacheSettings", settings.deepCopy());
                default -> e.set("wsaSettings", settings.deepCopy());
            }
            x.deployments.replaceAll((kk, val) -> true);
            return Http.Resp.json(Json.obj().put("success", true));
        }
    }

    Http.Resp deleteEndpoint(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.IS_NOT_FOUND);
            Model.Proxy x = proxy(p, q.param("proxy"));
            if (!x.apiType().equals("REST")) {
                throw ApiError.badRequest("Endpoint can only be deleted from REST API Proxies!");
            }
            EndpointKey k = endpointKey(b);
            ObjectNode e = x.findEndpoint(k.name, k.method);
            if (e == null) {
                throw endpointNotFound(k);
            }
            x.endpoints.remove(e);
            x.deployments.replaceAll((kk, val) -> true);
            return Http.Resp.json(Json.obj().put("success", true));
        }
    }

    // ---------------------------------------------------------------- policies

    Http.Resp listPolicies(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.QUOTED);
            Model.Proxy x = proxy(p, q.param("proxy"));
            ObjectNode o = Json.obj();
            o.put("name", x.name());
            o.put("type", x.apiType());
            o.put("relativePath", x.relativePath());
            o.put("soapToRest", x.meta.path("soapToRest").asBoolean(false));
            for (String pl : PIPELINES) {
                ArrayNode a = o.putArray(pl.toLowerCase(java.util.Locale.ROOT) + "PolicyList");
                x.policies.get(pl).forEach(pol -> a.add(pol.deepCopy()));
            }
            ArrayNode eps = o.putArray("endpointList");
            for (ObjectNode e : x.endpoints) {
                ObjectNode ev = Json.obj().put("endpoint", e.path("endpoint").asText())
                        .put("active", e.path("active").asBoolean(true))
                        .put("httpMethod", e.path("httpMethod").asText());
                for (String pl : PIPELINES) {
                    ev.set(pl.toLowerCase(java.util.Locale.ROOT) + "PolicyList", Model.Proxy.policyList(e, pl).deepCopy());
                }
                eps.add(ev);
            }
            return Http.Resp.json(Json.statusList(List.of(o)));
        }
    }

    private record PolicyTarget(String scope, String pipeline, String endpoint, String method, boolean deploy,
                                List<String> envs, Integer order) { }

    private PolicyTarget policyTarget(Validator root, ObjectNode body, boolean requireMeta) {
        ObjectNode om = requireMeta ? root.requireObject("operationMetadata") : root.optObject("operationMetadata");
        if (om == null) {
            return null;
        }
        Validator v = root.nested("operationMetadata");
        String scope = v.requireEnum("targetScope", SCOPES);
        String pipeline = v.requireEnum("targetPipeline", PIPELINE_SET);
        String ep = v.optString("targetEndpoint");
        String m = v.optEnum("targetEndpointHTTPMethod", HTTP_METHODS);
        if ("ENDPOINT".equals(scope)) {
            if (ep == null) {
                v.error("targetEndpoint", "targetEndpoint is required when targetScope is ENDPOINT");
            }
            if (m == null) {
                v.error("targetEndpointHTTPMethod", "targetEndpointHTTPMethod is required when targetScope is ENDPOINT");
            }
        }
        Boolean deploy = v.optBool("deploy");
        List<String> envs = v.optStringList("deployTargetEnvironmentNameList");
        Integer order = v.optInt("order");
        if (order != null && order < 1) {
            v.error("order", "order must be 1 or greater");
        }
        return new PolicyTarget(scope, pipeline, ep, m, deploy == null || deploy, envs == null ? List.of() : envs, order);
    }

    private ArrayNode targetList(Model.Proxy x, PolicyTarget t) {
        if ("ENDPOINT".equals(t.scope)) {
            ObjectNode e = x.findEndpoint(t.endpoint, t.method);
            if (e == null) {
                throw ApiError.badRequest("Endpoint with name (" + t.endpoint + ") and HTTP method (" + t.method
                        + ") is not found!");
            }
            return Model.Proxy.policyList(e, t.pipeline);
        }
        return null;
    }

    /** Finds a policy by name anywhere on the proxy: returns the list holding it, or null. */
    private static List<JsonNode> holderOf(Model.Proxy x, String name) {
        for (String pl : PIPELINES) {
            for (ObjectNode pol : x.policies.get(pl)) {
                if (name.equals(pol.path("name").asText())) {
                    return new ArrayList<>(List.of(pol));
                }
            }
        }
        for (ObjectNode e : x.endpoints) {
            for (String pl : PIPELINES) {
                for (JsonNode pol : Model.Proxy.policyList(e, pl)) {
                    if (name.equals(pol.path("name").asText())) {
                        return new ArrayList<>(List.of(pol));
                    }
                }
            }
        }
        return null;
    }

    private static void removePolicy(Model.Proxy x, String name) {
        for (String pl : PIPELINES) {
            x.policies.get(pl).removeIf(pol -> name.equals(pol.path("name").asText()));
        }
        for (ObjectNode e : x.endpoints) {
            for (String pl : PIPELINES) {
                ArrayNode a = Model.Proxy.policyList(e, pl);
                for (int i = a.size() - 1; i >= 0; i--) {
                    if (name.equals(a.get(i).path("name").asText())) {
                        a.remove(i);
                    }
                }
            }
        }
    }

    Http.Resp upsertPolicy(Http.Req q, boolean create) {
        ObjectNode b = q.json();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.IS_NOT_FOUND);
            Model.Proxy x = proxy(p, q.param("proxy"));
            String name = q.param("policy");
            Validator v = new Validator(b);
            PolicyTarget t = policyTarget(v, b, true);
            ObjectNode pol = v.requireObject("policy");
            if (pol != null) {
                Validator pv = v.nested("policy");
                String type = pv.requireString("type");
                if (type != null && !type.startsWith("policy-")) {
                    pv.error("type", "type must be a policy type such as policy-api-based-throttling (got '" + type + "')");
                }
                pv.optString("description");
                pv.optBool("active");
                pv.optObject("policyCondition");
            }
            v.throwIfInvalid();
            List<JsonNode> existing = holderOf(x, name);
            if (create && existing != null) {
                throw ApiError.duplicate("A policy with same name (" + name + ") is already exist in API Proxy!");
            }
            if (!create && existing == null) {
                throw ApiError.badRequest("A policy with name (" + name + ") does not exist in API Proxy!");
            }
            if (!create && !existing.get(0).path("type").asText().equals(pol.path("type").asText())) {
                throw ApiError.badRequest("Policy type can not be changed (from " + existing.get(0).path("type").asText()
                        + " to " + pol.path("type").asText() + ")!");
            }
            ArrayNode epList = targetList(x, t);
            for (String env : t.envs) {
                if (!p.environmentNames.contains(env)) {
                    throw ApiError.badRequest("Environment (" + env + ") is not found or project (" + p.name
                            + ") has no access to it!");
                }
            }
            ObjectNode stored = Json.obj().put("name", name);
            stored.setAll(pol);
            stored.put("name", name);
            if (!stored.has("active")) {
                stored.put("active", true);
            }
            Integer order = t.order;
            if (!create) {
                if (order == null) {
                    order = positionOf(x, name);
                }
                removePolicy(x, name);
            }
            if (epList != null) {
                int idx = order == null || order - 1 >= epList.size() ? epList.size() : order - 1;
                epList.insert(idx, stored);
            } else {
                List<ObjectNode> l = x.policies.get(t.pipeline);
                int idx = order == null || order - 1 >= l.size() ? l.size() : order - 1;
                l.add(idx, stored);
            }
            x.deployments.replaceAll((k, val) -> true);
            return Http.Resp.json(policyResponse(x, t));
        }
    }

    private static Integer positionOf(Model.Proxy x, String name) {
        for (String pl : PIPELINES) {
            List<ObjectNode> l = x.policies.get(pl);
            for (int i = 0; i < l.size(); i++) {
                if (name.equals(l.get(i).path("name").asText())) {
                    return i + 1;
                }
            }
        }
        return null;
    }

    private ObjectNode policyResponse(Model.Proxy x, PolicyTarget t) {
        ObjectNode resp = Json.obj().put("status", "SUCCESS");
        if (t != null && t.deploy && !t.envs.isEmpty()) {
            Set<String> failing = faults.get().deployFail;
            ObjectNode dr = Json.obj();
            ArrayNode details = Json.arr();
            boolean all = true;
            long total = 0;
            int pod = 0;
            for (String env : t.envs) {
                boolean ok = !failing.contains(env);
                all &= ok;
                long rt = 40 + (long) (env.hashCode() & 0x3f);
                total += rt;
                details.add(Json.obj().put("envName", env).put("podName", env + "-gateway-" + pod)
                        .put("podIp", "10.0.0." + (10 + pod)).put("success", ok).put("responseTime", rt));
                pod++;
                if (ok) {
                    x.deployments.put(env, false);
                }
            }
            dr.put("success", all).put("responseTime", total).set("detailList", details);
            resp.set("deploymentResult", dr);
        }
        return resp;
    }

    Http.Resp deletePolicy(Http.Req q) {
        ObjectNode b = q.jsonOrEmpty();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.IS_NOT_FOUND);
            Model.Proxy x = proxy(p, q.param("proxy"));
            String name = q.param("policy");
            Validator v = new Validator(b);
            PolicyTarget t = policyTarget(v, b, false);
            v.throwIfInvalid();
            if (holderOf(x, name) == null) {
                throw ApiError.badRequest("A policy with name (" + name + ") does not exist in API Proxy!");
            }
            removePolicy(x, name);
            x.deployments.replaceAll((k, val) -> true);
            return Http.Resp.json(policyResponse(x, t));
        }
    }

    // ---------------------------------------------------------------- connections

    private static ObjectNode masked(ObjectNode c) {
        ObjectNode v = c.deepCopy();
        for (String f : SECRET_FIELDS) {
            if (v.has(f)) {
                v.putNull(f);
            }
        }
        return v;
    }

    Http.Resp listConnections(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.QUOTED);
            String type = q.query.get("type");
            if (type == null || type.isBlank()) {
                throw ApiError.invalidParameter("Required request parameter 'type' is not present! Valid values: "
                        + String.join(", ", CONNECTION_TYPES.stream().sorted().toList()));
            }
            if (!CONNECTION_TYPES.contains(type)) {
                throw ApiError.invalidParameter("Connection type (" + type + ") is not valid! Valid values: "
                        + String.join(", ", CONNECTION_TYPES.stream().sorted().toList()));
            }
            List<ObjectNode> items = new ArrayList<>();
            for (ObjectNode c : p.connections.values()) {
                if (type.equals(c.path("type").asText())) {
                    items.add(masked(c));
                }
            }
            return Http.Resp.json(Json.successList(items));
        }
    }

    Http.Resp getConnection(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.QUOTED);
            String name = q.param("name");
            ObjectNode c = p.connections.get(name);
            if (c == null) {
                throw ApiError.notFound("Connection (name: " + name + ") was not found!");
            }
            return Http.Resp.json(Json.successList(List.of(c.deepCopy())));
        }
    }

    Http.Resp upsertConnection(Http.Req q, boolean create) {
        ObjectNode b = q.json();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.QUOTED);
            String name = q.param("name");
            Validator v = new Validator(b);
            String type = v.requireEnum("type", CONNECTION_TYPES);
            String bodyName = v.requireString("name");
            v.optString("description");
            Boolean deployToWorker = v.optBool("deployToWorker");
            v.optBool("enabled");
            v.throwIfInvalid();
            ObjectNode existing = p.connections.get(name);
            if (create) {
                if (!bodyName.equals(name)) {
                    throw ApiError.badRequest("Connection name in path (" + name + ") does not match name in body ("
                            + bodyName + ")!");
                }
                if (existing != null) {
                    throw ApiError.duplicate("Connection (name: " + name + ") already exists!");
                }
            } else {
                if (existing == null) {
                    throw ApiError.badRequest("Connection (name: " + name + ") was not found!");
                }
                if (!existing.path("type").asText().equals(type)) {
                    throw ApiError.badRequest("Connection type can not be changed (from "
                            + existing.path("type").asText() + " to " + type + ")!");
                }
                if (!bodyName.equals(name) && p.connections.containsKey(bodyName)) {
                    throw ApiError.duplicate("Connection (name: " + bodyName + ") already exists!");
                }
                p.connections.remove(name);
            }
            ObjectNode stored = b.deepCopy();
            if (!stored.has("deployToWorker")) {
                stored.put("deployToWorker", true);
            }
            if (!stored.has("enabled")) {
                stored.put("enabled", true);
            }
            p.connections.put(bodyName, stored);
            ObjectNode resp = Json.obj().put("success", true);
            if (deployToWorker == null || deployToWorker) {
                resp.set("deploymentResult", Json.obj().put("success", true));
            }
            return Http.Resp.json(resp);
        }
    }

    Http.Resp deleteConnection(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.QUOTED);
            String name = q.param("name");
            if (p.connections.remove(name) == null) {
                throw ApiError.badRequest("Connection (name: " + name + ") was not found!");
            }
            return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", Json.obj().put("success", true)));
        }
    }

    // ---------------------------------------------------------------- credentials

    private ObjectNode projectDeployResult(Model.Project p, boolean deploy) {
        return environmentsDeployResult(p.environmentNames, deploy);
    }

    /** {success, message, environmentResults[]} for the given environments, honouring the deployFail fault. */
    ObjectNode environmentsDeployResult(Iterable<String> envs, boolean deploy) {
        Set<String> failing = faults.get().deployFail;
        ArrayNode items = Json.arr();
        boolean all = true;
        for (String env : envs) {
            boolean ok = !failing.contains(env);
            all &= ok;
            items.add(Json.obj().put("environmentName", env).put("success", ok)
                    .put("message", ok ? (deploy ? "Deployed successfully" : "Undeployed successfully")
                            : (deploy ? "Deployment" : "Undeployment") + " failed on environment (" + env + ")"));
        }
        String verb = deploy ? "Deployment" : "Undeployment";
        return Json.obj().put("success", all)
                .put("message", all ? verb + " completed successfully" : verb + " failed for some environments")
                .set("environmentResults", items);
    }

    Http.Resp listCredentials(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            List<ObjectNode> items = new ArrayList<>();
            for (ObjectNode c : p.credentials.values()) {
                ObjectNode v = c.deepCopy();
                v.putNull("password");
                items.add(v);
            }
            ObjectNode o = Json.successList(items);
            return Http.Resp.json(o);
        }
    }

    Http.Resp upsertCredential(Http.Req q, boolean create) {
        ObjectNode b = q.json();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            Validator v = new Validator(b);
            String username = v.requireString("username");
            v.requireString("password");
            v.requireString("fullName");
            String email = v.requireString("email");
            if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
                v.error("email", "email must be a valid email address");
            }
            v.optString("description");
            v.optStringList("roleNameList");
            v.optBool("enabled");
            v.optStringList("ipList");
            String exp = v.optString("expireDate");
            if (exp != null) {
                try {
                    java.time.Instant.parse(exp);
                } catch (java.time.format.DateTimeParseException e) {
                    v.error("expireDate", "expireDate must be an ISO 8601 instant such as 2030-12-31T23:59:59.000Z");
                }
            }
            v.throwIfInvalid();
            boolean exists = p.credentials.containsKey(username);
            if (create && exists) {
                throw ApiError.duplicate("There is already a credential has this name!");
            }
            if (!create && !exists) {
                throw ApiError.badRequest("Credential (username: " + username + ") was not found!");
            }
            ObjectNode stored = Json.obj();
            for (String f : List.of("email", "fullName", "description", "username", "password")) {
                stored.set(f, b.has(f) ? b.get(f) : null);
            }
            stored.set("roleNameList", b.has("roleNameList") && !b.get("roleNameList").isNull() ? b.get("roleNameList") : Json.arr());
            stored.put("enabled", !b.has("enabled") || b.get("enabled").asBoolean(true));
            stored.set("ipList", b.has("ipList") && !b.get("ipList").isNull() ? b.get("ipList") : Json.arr());
            stored.set("expireDate", b.has("expireDate") ? b.get("expireDate") : null);
            if (stored.get("description") == null) {
                stored.putNull("description");
            }
            p.credentials.put(username, stored);
            p.access.putIfAbsent(username, new ArrayList<>());
            return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", projectDeployResult(p, true)));
        }
    }

    private ObjectNode credential(Model.Project p, String username) {
        ObjectNode c = p.credentials.get(username);
        if (c == null) {
            throw ApiError.badRequest("Credential (username: " + username + ") was not found!");
        }
        return c;
    }

    Http.Resp deleteCredential(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            String u = q.param("username");
            credential(p, u);
            p.credentials.remove(u);
            p.access.remove(u);
            return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", projectDeployResult(p, false)));
        }
    }

    Http.Resp changePassword(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            JsonNode pw = b.get("password");
            if (pw == null || !pw.isTextual() || pw.asText().isEmpty()) {
                throw ApiError.badRequest("Credential password can not be empty!");
            }
            ObjectNode c = credential(p, q.param("username"));
            c.put("password", pw.asText());
            return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", projectDeployResult(p, true)));
        }
    }

    Http.Resp listAccess(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            String u = q.param("username");
            credential(p, u);
            List<ObjectNode> items = p.access.getOrDefault(u, List.of()).stream().map(ObjectNode::deepCopy).toList();
            ObjectNode o = Json.obj().put("success", true);
            ArrayNode a = o.putArray("resultList");
            items.forEach(a::add);
            return Http.Resp.json(o);
        }
    }

    Http.Resp changeAccess(Http.Req q, boolean grant) {
        ObjectNode b = q.json();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            String u = q.param("username");
            credential(p, u);
            JsonNode list = b.get("credentialAccessList");
            if (list == null || !list.isArray()) {
                throw new ApiError(400, "validation_failed", "Validation failed: credentialAccessList is required",
                        List.of(new ApiError.FieldError("credentialAccessList", "credentialAccessList must be an array")));
            }
            List<ObjectNode> current = p.access.computeIfAbsent(u, k -> new ArrayList<>());
            List<ObjectNode> next = new ArrayList<>(current);
            for (JsonNode item : list) {
                String name = item.path("name").asText("");
                String type = item.path("type").asText("");
                if (name.isBlank()) {
                    throw ApiError.badRequest("Credential access object name can not be empty!");
                }
                if (type.isBlank()) {
                    throw ApiError.badRequest("Credential access object type can not be empty!");
                }
                if (!ACCESS_TYPES.contains(type)) {
                    throw new ApiError(400, "validation_failed", "Validation failed: type must be one of API_PROXY, API_PROXY_GROUP",
                            List.of(new ApiError.FieldError("credentialAccessList.type", "unknown access type '" + type + "'")));
                }
                boolean proxy = type.equals("API_PROXY");
                boolean exists = proxy ? p.proxies.containsKey(name) : p.groups.containsKey(name);
                String label = proxy ? "API Proxy" : "API Proxy Group";
                if (!exists) {
                    throw ApiError.badRequest(label + " (name:" + name
                            + ") is not found or user does not have privilege to access it!");
                }
                boolean has = next.stream().anyMatch(a -> a.path("name").asText().equals(name)
                        && a.path("type").asText().equals(type));
                if (grant) {
                    if (has) {
                        throw new ApiError(409, "conflict", "Credential (username:" + u + ") has already access to "
                                + label + " (name:" + name + ")!");
                    }
                    next.add(Json.obj().put("name", name).put("type", type));
                } else {
                    if (!has) {
                        throw ApiError.badRequest("Credential (username:" + u + ") has no access to " + label
                                + " (name:" + name + ")!");
                    }
                    next.removeIf(a -> a.path("name").asText().equals(name) && a.path("type").asText().equals(type));
                }
            }
            current.clear();
            current.addAll(next);
            return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", projectDeployResult(p, grant)));
        }
    }

    // ---------------------------------------------------------------- environment variables

    private static ObjectNode envVarView(Model.Project p, ObjectNode e) {
        ObjectNode v = Json.obj();
        v.put("projectId", projectId(p));
        v.setAll(e.deepCopy());
        v.put("projectName", p.name);
        if (v.path("global").asBoolean(false) && !v.path("globalVisible").asBoolean(true)) {
            v.putNull("globalValue");
        }
        JsonNode l = v.get("environmentValueList");
        if (l != null && l.isArray()) {
            for (JsonNode item : l) {
                if (item instanceof ObjectNode o && !o.path("visible").asBoolean(false)) {
                    o.putNull("value");
                }
            }
        }
        return v;
    }

    static String projectId(Model.Project p) {
        return String.format("%024x", p.name.hashCode() & 0xffffffffL);
    }

    Http.Resp listEnvVars(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            return Http.Resp.json(Json.successList(p.envVars.values().stream().map(e -> envVarView(p, e)).toList()));
        }
    }

    Http.Resp getEnvVar(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("name");
            ObjectNode e = p.envVars.get(name);
            if (e == null) {
                throw ApiError.badRequest("Environment variable (name: " + name + ") was not found!");
            }
            return Http.Resp.json(Json.successList(List.of(envVarView(p, e))));
        }
    }

    Http.Resp upsertEnvVar(Http.Req q, boolean create) {
        ObjectNode b = q.json();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("name");
            JsonNode bn = b.get("name");
            if (bn == null || !bn.isTextual() || bn.asText().isBlank()) {
                throw ApiError.badRequest("Environment variable name can not be empty!");
            }
            String bodyName = bn.asText();
            Validator v = new Validator(b);
            v.optString("description");
            Boolean global = v.optBool("global");
            String gv = v.optString("globalValue");
            v.optBool("globalVisible");
            List<Validator> items = v.optObjectList("environmentValueList");
            for (Validator iv : items) {
                iv.requireString("environmentName");
                iv.requireString("value");
                iv.optBool("visible");
            }
            if (Boolean.TRUE.equals(global) && gv == null) {
                v.error("globalValue", "globalValue is required when global is true");
            }
            if (!Boolean.TRUE.equals(global) && items.isEmpty()) {
                v.error("environmentValueList", "environmentValueList needs at least one value when global is false");
            }
            v.throwIfInvalid();
            for (JsonNode item : b.path("environmentValueList")) {
                String env = item.path("environmentName").asText();
                if (!model.environments.containsKey(env)) {
                    throw ApiError.badRequest("Environment (" + env + ") is not found!");
                }
            }
            if (create) {
                if (!bodyName.equals(name)) {
                    throw ApiError.badRequest("Environment variable name in path (" + name
                            + ") does not match name in body (" + bodyName + ")!");
                }
                if (p.envVars.containsKey(name)) {
                    throw ApiError.duplicate("Environment variable (name: " + name + ") already exists!");
                }
            } else {
                if (!p.envVars.containsKey(name)) {
                    throw ApiError.badRequest("Environment variable (name: " + name + ") was not found!");
                }
                if (!bodyName.equals(name) && p.envVars.containsKey(bodyName)) {
                    throw ApiError.duplicate("Environment variable (name: " + bodyName + ") already exists!");
                }
                p.envVars.remove(name);
            }
            ObjectNode stored = Json.obj();
            stored.put("name", bodyName);
            stored.set("description", b.has("description") ? b.get("description") : null);
            stored.put("global", Boolean.TRUE.equals(global));
            stored.set("globalValue", b.has("globalValue") ? b.get("globalValue") : null);
            stored.put("globalVisible", !b.has("globalVisible") || b.get("globalVisible").asBoolean(true));
            stored.set("environmentValueList", b.path("environmentValueList").isArray()
                    ? b.get("environmentValueList").deepCopy() : null);
            if (stored.get("description") == null) {
                stored.putNull("description");
            }
            if (stored.get("globalValue") == null) {
                stored.putNull("globalValue");
            }
            if (stored.get("environmentValueList") == null) {
                stored.putNull("environmentValueList");
            }
            p.envVars.put(bodyName, stored);
            return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", projectDeployResult(p, true)));
        }
    }

    Http.Resp deleteEnvVar(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("name");
            if (p.envVars.remove(name) == null) {
                throw ApiError.badRequest("Environment variable (name: " + name + ") was not found!");
            }
            return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", projectDeployResult(p, false)));
        }
    }

    // ---------------------------------------------------------------- API proxy groups

    private static ApiError groupNotFound(String name) {
        return ApiError.badRequest("API Proxy Group (" + name
                + ") is not found or user does not have privilege to access it!");
    }

    private Model.Group group(Model.Project p, String name) {
        Model.Group g = p.groups.get(name);
        if (g == null) {
            throw groupNotFound(name);
        }
        return g;
    }

    Http.Resp listGroups(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            List<ObjectNode> items = new ArrayList<>();
            for (Model.Group g : p.groups.values()) {
                items.add(Json.obj().put("id", g.meta.path("id").asText())
                        .put("name", g.meta.path("name").asText())
                        .put("description", g.meta.path("description").asText("")));
            }
            return Http.Resp.json(Json.successList(items));
        }
    }

    /** Checks a group body the way the documented messages describe it; returns the client route to store. */
    private static ObjectNode groupClientRoute(ObjectNode b) {
        JsonNode name = b.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw ApiError.badRequest("name value can not be empty!");
        }
        JsonNode cr = b.get("clientRoute");
        if (cr == null || cr.isNull()) {
            throw ApiError.badRequest("clientRoute value can not be empty!");
        }
        Validator v = new Validator(b);
        v.optString("description");
        v.optObject("clientRoute");
        v.throwIfInvalid();
        JsonNode rel = cr.get("relativePathList");
        if (rel == null || !rel.isArray() || rel.isEmpty()) {
            throw ApiError.badRequest("clientRoute value needs at least one relativePath!");
        }
        if (!rel.get(0).isTextual() || rel.get(0).asText().isBlank()) {
            throw ApiError.badRequest("relativePath value in clientRoute object can not be empty!");
        }
        Validator c = v.nested("clientRoute");
        List<String> paths = c.optStringList("relativePathList");
        if (paths != null) {
            for (String s : paths) {
                if (s.length() < 2) {
                    c.error("relativePathList", "relative paths must be at least 2 characters long (got '" + s + "')");
                }
            }
        }
        List<String> methods = c.optStringList("methodList");
        if (methods != null) {
            for (String m : methods) {
                if (!HTTP_METHODS.contains(m)) {
                    c.error("methodList", "methodList contains unknown HTTP method '" + m + "'");
                }
            }
        }
        c.optStringList("hostList");
        for (Validator h : c.optObjectList("headerList")) {
            h.requireString("name");
            h.requireString("value");
        }
        c.optBool("bufferRequest");
        c.optBool("bufferResponse");
        v.throwIfInvalid();
        ObjectNode out = Json.obj();
        out.set("relativePathList", rel.deepCopy());
        out.set("methodList", cr.hasNonNull("methodList") ? cr.get("methodList").deepCopy() : null);
        out.set("hostList", cr.hasNonNull("hostList") ? cr.get("hostList").deepCopy() : null);
        out.set("headerList", cr.hasNonNull("headerList") ? cr.get("headerList").deepCopy() : null);
        out.put("bufferRequest", cr.path("bufferRequest").asBoolean(true));
        out.put("bufferResponse", cr.path("bufferResponse").asBoolean(true));
        for (String f : List.of("methodList", "hostList", "headerList")) {
            if (out.get(f) == null) {
                out.putNull(f);
            }
        }
        return out;
    }

    Http.Resp upsertGroup(Http.Req q, boolean create) {
        ObjectNode b = q.json();
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            ObjectNode cr = groupClientRoute(b);
            String name = b.get("name").asText();
            String desc = b.path("description").isTextual() ? b.get("description").asText() : "";
            Model.Group g = p.groups.get(name);
            if (create) {
                if (g != null) {
                    throw ApiError.duplicate("ApiProxyGroup: (" + name
                            + ") is already created! If you want to udate it use update endpoint!");
                }
                g = new Model.Group();
                g.meta = Json.obj().put("id", newId()).put("name", name).put("description", desc);
                g.meta.set("clientRoute", cr);
                p.groups.put(name, g);
            } else {
                if (g == null) {
                    throw groupNotFound(name);
                }
                g.meta.put("description", desc);
                g.meta.set("clientRoute", cr);
                g.deployed.replaceAll((k, val) -> true);
            }
            return Http.Resp.json(Json.obj().put("success", true));
        }
    }

    Http.Resp deleteGroup(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("group");
            group(p, name);
            p.groups.remove(name);
            for (List<ObjectNode> acc : p.access.values()) {
                acc.removeIf(a -> a.path("type").asText().equals("API_PROXY_GROUP") && a.path("name").asText().equals(name));
            }
            return Http.Resp.json(Json.obj().put("success", true));
        }
    }

    /** Adding a member twice or removing a non-member both succeed, as documented. */
    Http.Resp groupMember(Http.Req q, boolean add) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            Model.Group g = group(p, q.param("group"));
            String proxy = q.param("proxy");
            if (!p.proxies.containsKey(proxy)) {
                throw ApiError.badRequest("ApiProxy (" + proxy
                        + ") is not found or user does not have privilege to access it!");
            }
            boolean changed = add ? !g.proxyNames.contains(proxy) && g.proxyNames.add(proxy) : g.proxyNames.remove(proxy);
            if (changed) {
                g.deployed.replaceAll((k, val) -> true);
            }
            return Http.Resp.json(Json.obj().put("success", true));
        }
    }

    Http.Resp groupEnvironments(Http.Req q) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            Model.Group g = group(p, q.param("group"));
            List<ObjectNode> items = new ArrayList<>();
            for (String env : p.environmentNames) {
                if (model.environments.containsKey(env)) {
                    items.add(Json.obj().put("environmentName", env).put("deployed", g.deployed.containsKey(env)));
                }
            }
            return Http.Resp.json(Json.successList(items));
        }
    }

    Http.Resp deployGroup(Http.Req q, boolean deploy) {
        synchronized (lock) {
            Model.Project p = project(q, ProjectMsg.WAS_NOT_FOUND);
            Model.Group g = group(p, q.param("group"));
            String env = q.param("env");
            if (!model.environments.containsKey(env) || !p.environmentNames.contains(env)) {
                throw ApiError.badRequest("Environment (" + env
                        + ") is not found or user does not have privilege to access it!");
            }
            boolean ok = !faults.get().deployFail.contains(env);
            if (ok) {
                if (deploy) {
                    g.deployed.put(env, false);
                } else {
                    g.deployed.remove(env);
                }
            }
            String noun = deploy ? "Deployment" : "Undeployment";
            String done = deploy ? "Deployed" : "Undeployed";
            ObjectNode dr = Json.obj().put("success", ok)
                    .put("message", ok ? noun + " completed successfully" : noun + " failed");
            dr.putArray("environmentResults").add(Json.obj().put("environmentName", env).put("success", ok)
                    .put("message", ok ? done + " successfully" : noun + " failed: gateway pods of environment ("
                            + env + ") did not acknowledge the configuration in time"));
            return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", dr));
        }
    }

}
