package dev.mgmt.resources;

import java.util.List;

/**
 * How the API creates, updates or deletes one kind: method, path template (as in {@link Kind}),
 * which body field names the resource, and the schema that checks the body.
 *
 * @param method    HTTP method
 * @param path      path template; {@code {name}} comes from NAME or the body's name field
 * @param nameField the body field holding the name, or null when the name is only in the path
 * @param schema    schema name for the body check, or null
 * @param upload    null for a JSON body; else the multipart form the API takes instead (see {@link Uploads})
 */
public record Operation(String method, List<String> path, String nameField, String schema, String upload) {

    public Operation(String method, List<String> path, String nameField, String schema) {
        this(method, path, nameField, schema, null);
    }

    public boolean pathNeedsName() {
        return path.contains("{name}");
    }
}
