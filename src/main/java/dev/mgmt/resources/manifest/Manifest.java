package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.output.Outcome;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Target;

/**
 * One object as a file wants it: its kind, where it lives, and its fields in the shape {@code mgmt get}
 * shows (without the {@code kind}/{@code project}/{@code proxy} header).
 *
 * @param origin "file:line" of the document, for messages
 */
public record Manifest(Kind kind, Shape shape, Target target, ObjectNode fields, String origin) {

    /** The object's name: the kind's name field, with its other key fields (an endpoint's method) before it. */
    public String name() {
        return Identity.of(shape, kind, fields);
    }

    /** "proxy/petstore-api", as apply prints it. */
    public String ref() {
        return Outcome.ref(kind.singular(), name());
    }
}
