package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ProjectMsg;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Certificates (keys and secrets): upload as PEM, list, get, per-environment truststore, export as zip, delete. */
final class Certificates {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Context ctx;
    private final Secrets secrets;

    Certificates(Context ctx, Secrets secrets) {
        this.ctx = ctx;
        this.secrets = secrets;
    }

    /** Decodes a PEM (or DER) X.509 certificate into the documented certificate-environment fields. */
    static ObjectNode certificateInfo(byte[] pemOrDer) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            X509Certificate c = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(pemOrDer));
            byte[] der = c.getEncoded();
            return Json.obj()
                    .put("startDate", ISO_MILLIS.format(c.getNotBefore().toInstant()))
                    .put("endDate", ISO_MILLIS.format(c.getNotAfter().toInstant()))
                    .put("base64EncodedContent", Base64.getEncoder().encodeToString(der))
                    .put("sha1Thumbprint", HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(der)))
                    .put("subjectDn", c.getSubjectX500Principal().toString());
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /** Builds a stored certificate (the API view) for the given environments. */
    static ObjectNode certificate(String name, String description, String alias, List<String> envs, ObjectNode info) {
        ObjectNode c = Json.obj().put("name", name).put("description", description);
        ArrayNode list = c.putArray("certificateEnvironmentList");
        for (String env : envs) {
            ObjectNode e = Json.obj().put("environmentName", env);
            e.setAll(info.deepCopy());
            e.put("alias", alias);
            list.add(e);
        }
        return c;
    }

    Http.Resp list(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            List<ObjectNode> items = new ArrayList<>();
            for (ObjectNode c : p.certificates.values()) {
                ObjectNode v = c.deepCopy();
                // the list leaves out the certificate content; Get Certificate returns it
                v.path("certificateEnvironmentList").forEach(e -> ((ObjectNode) e).putNull("base64EncodedContent"));
                items.add(v);
            }
            return Http.Resp.json(Json.successList(items));
        }
    }

    static ObjectNode find(Model.Project p, String name) {
        return Context.existing(p.certificates, name, n -> Secrets.notFound("Certificate", n));
    }

    Http.Resp get(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            return Http.Resp.json(Json.successList(List.of(find(p, q.param("name")).deepCopy())));
        }
    }

    Http.Resp truststore(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String env = q.param("env");
            if (env.isBlank()) {
                throw ApiError.badRequest("environmentName value can not be empty!");
            }
            secrets.checkEnvironment(p, env);
            List<ObjectNode> items = new ArrayList<>();
            for (ObjectNode c : p.certificates.values()) {
                ObjectNode v = c.deepCopy();
                ArrayNode only = Json.arr();
                v.path("certificateEnvironmentList").forEach(e -> {
                    if (e.path("environmentName").asText().equals(env)) {
                        only.add(e);
                    }
                });
                if (!only.isEmpty()) {
                    v.set("certificateEnvironmentList", only);
                    items.add(v);
                }
            }
            return Http.Resp.json(Json.successList(items));
        }
    }

    private static String formText(Multipart mp, String field) {
        Multipart.Part part = mp.get(field);
        return part == null ? "" : part.text().trim();
    }

    Http.Resp save(Http.Req q, boolean create) {
        Multipart mp = q.multipart();
        if (!create) {
            Secrets.checkUpdateScope(q);
        }
        String name = create ? formText(mp, "certificateName") : q.param("name");
        if (name.isEmpty()) {
            throw ApiError.badRequest("certificateName value can not be empty!");
        }
        String alias = formText(mp, "alias");
        if (alias.isEmpty()) {
            throw ApiError.badRequest("alias value can not be empty!");
        }
        Multipart.Part file = mp.get("pemEncodedFile");
        if (file == null || file.data().length == 0) {
            throw ApiError.badRequest("pemEncodedFile value can not be empty!");
        }
        String envText = formText(mp, "environmentList");
        if (envText.isEmpty()) {
            throw ApiError.badRequest("environmentList value can not be empty!");
        }
        String description = formText(mp, "certificateDescription");
        if (description.isEmpty()) {
            throw ApiError.badRequest("certificateDescription value can not be empty!");
        }
        List<String> envs = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(envText.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()));
        ObjectNode info = certificateInfo(file.data());
        if (info == null) {
            throw ApiError.badRequest("pemEncodedFile could not be parsed as a PEM-encoded X.509 certificate!");
        }
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String formName = formText(mp, "certificateName");
            if (create) {
                if (p.certificates.containsKey(name)) {
                    throw ApiError.duplicate("Certificate (name: " + name + ") is already exist!");
                }
            } else {
                find(p, name);
                if (!formName.isEmpty() && !formName.equals(name)) {
                    throw ApiError.badRequest("Certificate name in path (" + name + ") does not match certificateName ("
                            + formName + ")!");
                }
            }
            for (String env : envs) {
                secrets.checkEnvironment(p, env);
            }
            for (ObjectNode other : p.certificates.values()) {
                if (other.path("name").asText().equals(name)) {
                    continue;
                }
                for (JsonNode e : other.path("certificateEnvironmentList")) {
                    if (e.path("alias").asText().equals(alias) && envs.contains(e.path("environmentName").asText())) {
                        throw ApiError.badRequest("Alias (" + alias
                                + ") is already used for another certificate, try changing this value!");
                    }
                }
            }
            p.certificates.put(name, certificate(name, description, alias, envs, info));
            return secrets.deployed(envs, true);
        }
    }

    Http.Resp delete(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            ObjectNode c = find(p, q.param("name"));
            p.certificates.remove(q.param("name"));
            return secrets.deployed(Secrets.envNames(c, "certificateEnvironmentList"), false);
        }
    }

    Http.Resp export(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("name");
            ObjectNode c = find(p, name);
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (ZipOutputStream zos = new ZipOutputStream(bos)) {
                for (JsonNode e : c.path("certificateEnvironmentList")) {
                    ZipEntry ze = new ZipEntry(name + "-" + e.path("environmentName").asText() + ".cer");
                    ze.setTime(0L);
                    zos.putNextEntry(ze);
                    zos.write(Base64.getDecoder().decode(e.path("base64EncodedContent").asText()));
                    zos.closeEntry();
                }
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
            return new Http.Resp(200, "application/octet-stream", bos.toByteArray())
                    .header("Content-Disposition", "attachment; filename=\"" + name + "-certificates.zip\"");
        }
    }
}
