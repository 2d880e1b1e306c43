package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.output.Outcome;
import dev.mgmt.resources.Identity;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Target;
import dev.mgmt.json.LocatedBody;

/**
 * One object as a file wants it: its kind, where it lives, and its fields in the shape {@code mgmt get}
 * shows (without the {@code kind}/{@code project}/{@code proxy} header).
 *
 * @param file    how messages name the file ("x.yaml", "stdin")
 * @param located the document as read, with the line of each field (null for an object not read from a file)
 */
public record Manifest(Kind kind, Shape shape, Target target, ObjectNode fields, String file, LocatedBody located) {

    /** The object's name: the kind's name field, with its other key fields (an endpoint's method) before it. */
    public String name() {
        return Identity.of(kind, fields);
    }

    /** "proxy/petstore-api", as apply prints it. */
    public String ref() {
        return Outcome.ref(kind.singular(), name());
    }

    /** "x.yaml:12", where the document starts, for messages. */
    public String origin() {
        return origin("");
    }

    /** "x.yaml:14", where a field ({@code a.b[0].c}) is, else its nearest parent that is in the document. */
    public String origin(String field) {
        return origin(file, located, field);
    }

    /** As {@link #origin(String)} for a document not yet made a manifest (null when not read from a file). */
    static String origin(String file, LocatedBody located, String field) {
        int line = located == null ? 0 : located.lineOf(field);
        return line > 0 ? file + ":" + line : file;
    }
}
