package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mgmt.process.BoundedRead;
import dev.mgmt.process.InputLimit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

/** Builds the initial {@link Model} from the built-in seed resource and an optional data file. */
final class Seed {
    private Seed() {
    }

    static ObjectNode builtIn() throws IOException {
        try (InputStream in = Seed.class.getResourceAsStream("seed.json")) {
            if (in == null) {
                throw new IOException("built-in seed data (dev/mgmt/sandbox/seed.json) is missing");
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        }
    }

    /** The built-in seed with every top-level section present in the file replaced by the file's version. */
    static ObjectNode load(Path dataFile) throws IOException {
        ObjectNode seed = builtIn();
        if (dataFile == null) {
            return seed;
        }
        String fn = dataFile.getFileName().toString().toLowerCase(Locale.ROOT);
        JsonNode data;
        byte[] bytes;
        try {
            bytes = BoundedRead.bytes(dataFile, InputLimit.SANDBOX_DATA);
        } catch (BoundedRead.TooLarge e) {
            throw new SandboxDataException(e.about("sandbox data file " + dataFile));
        } catch (IOException e) {
            throw new SandboxDataException("cannot read sandbox data file " + dataFile + ": " + e.getMessage());
        }
        try {
            data = fn.endsWith(".json") ? Json.MAPPER.readTree(bytes) : new YAMLMapper().readTree(bytes);
        } catch (IOException e) {
            throw new SandboxDataException("invalid sandbox data file " + dataFile + ": "
                + dev.mgmt.json.Json.describe(e));
        }
        if (data == null || !data.isObject()) {
            throw new SandboxDataException("sandbox data file " + dataFile + " must contain an object with "
                    + "'environments' and/or 'projects'");
        }
        data.fields().forEachRemaining(f -> seed.set(f.getKey(), f.getValue()));
        return seed;
    }

    static void populate(Model m, ObjectNode seed, Context ctx) {
        for (JsonNode e : seed.path("environments")) {
            ObjectNode env = Json.obj();
            env.put("name", e.path("name").asText());
            env.put("description", e.path("description").asText(""));
            env.put("type", e.path("type").asText("TEST"));
            env.put("status", e.path("status").asText("PUBLISHED"));
            env.put("accessUrl", e.path("accessUrl").asText(""));
            m.environments.put(env.get("name").asText(), env);
        }
        for (JsonNode pj : seed.path("projects")) {
            Model.Project p = new Model.Project(pj.path("name").asText(), pj.path("description").asText(""));
            if (pj.has("environments")) {
                pj.path("environments").forEach(n -> p.environmentNames.add(n.asText()));
            } else {
                p.environmentNames.addAll(m.environments.keySet());
            }
            for (JsonNode px : pj.path("apiProxies")) {
                ObjectNode meta = ((ObjectNode) px).deepCopy();
                meta.remove("endpoints");
                meta.remove("policies");
                meta.remove("deployedTo");
                if (!meta.has("apiType")) {
                    meta.put("apiType", "REST");
                }
                if (!meta.has("soapToRest")) {
                    meta.put("soapToRest", false);
                }
                Model.Proxy x = new Model.Proxy(meta);
                for (JsonNode e : px.path("endpoints")) {
                    ObjectNode ep = ctx.endpoint(e.path("endpoint").asText(), e.path("description").asText(""),
                            e.path("httpMethod").asText("GET"), e.path("backendResourceUrl").asText(""),
                            e.path("backendHttpMethod").asText(e.path("httpMethod").asText("GET")));
                    if (e.has("active")) {
                        ep.put("active", e.path("active").asBoolean(true));
                    }
                    x.endpoints.add(ep);
                }
                for (JsonNode pol : px.path("policies")) {
                    ObjectNode stored = Json.obj().put("name", pol.path("name").asText());
                    if (pol.path("policy").isObject()) {
                        stored.setAll((ObjectNode) pol.path("policy").deepCopy());
                    }
                    String pipeline = pol.path("pipeline").asText("REQUEST");
                    if (pol.hasNonNull("endpoint")) {
                        ObjectNode ep = x.findEndpoint(pol.path("endpoint").asText(), pol.path("httpMethod").asText("GET"));
                        if (ep != null) {
                            Model.Proxy.policyList(ep, pipeline).add(stored);
                        }
                    } else {
                        x.policies.computeIfAbsent(pipeline, k -> new java.util.ArrayList<>()).add(stored);
                    }
                }
                px.path("deployedTo").forEach(n -> x.deployments.put(n.asText(), false));
                p.proxies.put(x.name(), x);
            }
            for (JsonNode c : pj.path("connections")) {
                p.connections.put(c.path("name").asText(), ((ObjectNode) c).deepCopy());
            }
            for (JsonNode c : pj.path("credentials")) {
                ObjectNode cred = ((ObjectNode) c).deepCopy();
                JsonNode acc = cred.remove("access");
                java.util.List<ObjectNode> list = new java.util.ArrayList<>();
                if (acc instanceof ArrayNode a) {
                    a.forEach(n -> list.add((ObjectNode) n.deepCopy()));
                }
                p.credentials.put(cred.path("username").asText(), cred);
                p.access.put(cred.path("username").asText(), list);
            }
            for (JsonNode ev : pj.path("environmentVariables")) {
                p.envVars.put(ev.path("name").asText(), ((ObjectNode) ev).deepCopy());
            }
            for (JsonNode g : pj.path("apiProxyGroups")) {
                Model.Group grp = new Model.Group();
                grp.meta = Json.obj().put("id", ctx.newId()).put("name", g.path("name").asText())
                        .put("description", g.path("description").asText(""));
                if (g.path("clientRoute").isObject()) {
                    grp.meta.set("clientRoute", g.get("clientRoute").deepCopy());
                }
                g.path("apiProxies").forEach(n -> grp.proxyNames.add(n.asText()));
                g.path("deployedTo").forEach(n -> grp.deployed.put(n.asText(), false));
                p.groups.put(g.path("name").asText(), grp);
            }
            Secrets.seed(p, pj);
            m.projects.put(p.name, p);
        }
    }
}
