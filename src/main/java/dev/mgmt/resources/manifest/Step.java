package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.output.Outcome;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Target;

import java.util.List;

/**
 * What apply will do to one object, decided before anything is written.
 *
 * @param manifest the document (null for a delete: the files do not have the object)
 * @param live     the manager's object (null for a create)
 * @param body     what a create or update sends (null otherwise, and for an update made by settings alone)
 * @param settings the settings PATCHes sent after the body (or instead of it), in order
 * @param refused  what the document changes that no write can ({@link Shape#fixed()}): apply refuses the plan
 */
public record Step(Action action, Target target, Shape shape, String name, Manifest manifest, JsonNode live,
                   List<Change> changes, ObjectNode body, List<SettingWrite> settings, List<Change> refused) {

    /** A step that sends at most its body. */
    public Step(Action action, Target target, Shape shape, String name, Manifest manifest, JsonNode live,
                List<Change> changes, ObjectNode body) {
        this(action, target, shape, name, manifest, live, changes, body, List.of(), List.of());
    }

    /** The four outcomes, with the word apply prints for each once done. */
    public enum Action {
        CREATE("created"), UPDATE("configured"), UNCHANGED("unchanged"), DELETE("deleted");

        private final String done;

        Action(String done) {
            this.done = done;
        }

        public String done() {
            return done;
        }
    }

    public Kind kind() {
        return target.kind();
    }

    public String ref() {
        return Outcome.ref(kind().singular(), name);
    }

    public boolean writes() {
        return action != Action.UNCHANGED;
    }
}
