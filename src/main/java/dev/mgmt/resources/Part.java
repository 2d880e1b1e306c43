package dev.mgmt.resources;

import java.util.List;
import java.util.Map;

/**
 * One named part of a resource that the API changes on its own endpoint: a proxy's CORS settings, an IP
 * group's IPs, a proxy group's member proxies, a credential's access. {@code mgmt set|add|remove KIND NAME
 * PART} reach these; path templates are as in {@link Kind}, with {@code {value}} for a VALUE word.
 *
 * @param kind     the singular of the kind the part belongs to
 * @param name     the word on the command line ("cors", "ips")
 * @param change   which verb reaches it
 * @param method   HTTP method
 * @param path     path template
 * @param input    what the command line gives for it
 * @param schema   the schema that checks the body, or null
 * @param field    for {@link Input#SWITCH} without path words, the boolean body field; for {@link Input#UPLOAD},
 *                 unused (the form is {@link Uploads}'); else null
 * @param switchWords for {@link Input#SWITCH} in the path, the path words for true and for false (else empty)
 * @param filled   body fields the command fills when the file leaves them out: field → {@code {name}} (NAME)
 *                 or {@code {method}} (--method); an endpoint is named in the body, not the path
 * @param about    one line for help and messages
 */
public record Part(String kind, String name, Change change, String method, List<String> path, Input input,
                   String schema, String field, List<String> switchWords, Map<String, String> filled, String about) {

    /** The verbs: set replaces a part, add and remove change a list's members. */
    public enum Change {
        SET("set", "updated"), ADD("add", "added"), REMOVE("remove", "removed");

        private final String word;
        private final String done;

        Change(String word, String done) {
            this.word = word;
            this.done = done;
        }

        public String word() {
            return word;
        }

        /** For "proxy/petstore-api cors updated". */
        public String done() {
            return done;
        }
    }

    /** What the command line gives. */
    public enum Input {
        /** -f FILE, JSON or YAML. */
        FILE,
        /** Nothing: the path says it all. */
        NONE,
        /** VALUE true or false. */
        SWITCH,
        /** VALUE... names, one request each, each filling {@code {value}}. */
        NAMES,
        /** -f FILE uploaded as a multipart form. */
        UPLOAD
    }

    public boolean needsMethod() {
        return filled.containsValue("{method}");
    }
}
