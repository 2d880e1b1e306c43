package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Geolocation settings (02-api-reference/13-geolocation), organization-wide and admin-only. The pages document
 * their paths without a trailing slash; both forms are accepted. Any non-empty bytes are accepted as an MMDB file.
 */
final class Geolocation {
    static final String NOT_ADMIN = "User does not have privilege to access admin settings!";
    static final String DEFAULT_FILE_NAME = "geolocation.mmdb";

    private final Context ctx;

    Geolocation(Context ctx) {
        this.ctx = ctx;
    }

    private ObjectNode deployed() {
        return Json.obj().put("success", true)
                .set("deploymentResult", ctx.environmentsDeployResult(ctx.model.environments.keySet(), true));
    }

    Http.Resp toggle(Http.Req q, boolean enable) {
        Context.requireAdmin(q, NOT_ADMIN);
        synchronized (ctx.lock) {
            ctx.model.geolocation.enabled = enable;
            return Http.Resp.json(deployed());
        }
    }

    Http.Resp upload(Http.Req q) {
        Context.requireAdmin(q, NOT_ADMIN);
        Multipart mp = q.multipart();
        Multipart.Part file = mp.get("file");
        if (file == null || file.data().length == 0) {
            throw ApiError.badRequest("File can not be empty!");
        }
        Multipart.Part fn = mp.get("fileName");
        String name = fn != null && !fn.text().isBlank() ? fn.text().trim()
                : file.filename() != null && !file.filename().isBlank() ? file.filename() : DEFAULT_FILE_NAME;
        synchronized (ctx.lock) {
            ctx.model.geolocation.mmdbFileName = name;
            ctx.model.geolocation.mmdb = file.data();
            return Http.Resp.json(deployed());
        }
    }
}
