package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ProjectMsg;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Export of an API proxy as a zip archive, and import of such an archive as a new proxy or over an existing one. */
final class ProxyArchives {
    private final Context ctx;

    ProxyArchives(Context ctx) {
        this.ctx = ctx;
    }

    Http.Resp exportProxy(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("proxy");
            Model.Proxy x = p.proxies.get(name);
            if (x == null) {
                throw ApiError.badRequest("ApiProxy (name: " + name + ") was not found!");
            }
            ObjectNode doc = Json.obj();
            doc.put("exportFormat", "mgmt-sandbox/1");
            doc.put("projectName", p.name);
            doc.put("exportedAt", ctx.clock.get().instant().toString());
            ObjectNode ap = x.meta.deepCopy();
            ArrayNode eps = ap.putArray("endpointList");
            x.endpoints.forEach(e -> eps.add(e.deepCopy()));
            for (String pl : Context.PIPELINES) {
                ArrayNode a = ap.putArray(Model.Proxy.policyListField(pl));
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
        String fn = f.filename() == null ? "" : f.filename().toLowerCase(Locale.ROOT);
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
        for (String pl : Context.PIPELINES) {
            meta.remove(Model.Proxy.policyListField(pl));
        }
        meta.put("name", name);
        Model.Proxy x = new Model.Proxy(meta);
        for (JsonNode e : ap.path("endpointList")) {
            if (e.isObject()) {
                ObjectNode c = (ObjectNode) e.deepCopy();
                c.put("id", ctx.newId());
                x.endpoints.add(c);
            }
        }
        for (String pl : Context.PIPELINES) {
            for (JsonNode pol : ap.path(Model.Proxy.policyListField(pl))) {
                if (pol.isObject()) {
                    x.policies.get(pl).add((ObjectNode) pol.deepCopy());
                }
            }
        }
        return x;
    }

    Http.Resp importProxy(Http.Req q) {
        Multipart mp = q.multipart();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            ObjectNode ap = readArchive(mp);
            String base = ap.path("name").asText();
            String name = base;
            int n = 1;
            while (p.proxies.containsKey(name)) {
                name = base + "_" + n++;
            }
            Model.Proxy x = proxyFromExport(ap, name);
            if (!name.equals(base)) {
                ObjectNode cr = Proxies.clientRoute((ObjectNode) x.meta.get("clientRoute"), name);
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
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
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
                resp.set("deploymentResult", ctx.proxyDeploymentResult(x, envs, true));
            }
            return Http.Resp.json(resp);
        }
    }
}
