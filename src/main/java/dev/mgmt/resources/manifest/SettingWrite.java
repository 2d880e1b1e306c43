package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Part;
import dev.mgmt.resources.Parts;

/** One settings PATCH a step sends: its family and the body built from the document. */
public record SettingWrite(SettingsFamily family, ObjectNode body) {

    /** The part {@code mgmt set KIND NAME PART} reaches with the same request. */
    public Part part(Kind kind) {
        return Parts.find(kind, Part.Change.SET, family.part());
    }
}
