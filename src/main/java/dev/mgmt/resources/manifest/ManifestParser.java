package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.UsageException;
import dev.mgmt.input.InputData;
import dev.mgmt.json.Json;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.Scope;
import dev.mgmt.resources.Target;
import dev.mgmt.json.LocatedBody;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads manifests from a file, every {@code *.yaml|*.yml|*.json} of a directory (sorted), or stdin:
 * YAML streams ({@code ---}), JSON objects or arrays, and YAML sequences (what a list's {@code -o yaml}
 * prints). Each document names its kind, and its project and proxy where the kind lives in one
 * ({@code -p} fills a missing project). Every problem names the file and line.
 */
public final class ManifestParser {
    /** Header keys: where the object lives, not part of it. */
    static final List<String> HEADER = List.of("kind", "project", "proxy");

    private final String defaultProject;
    private final InputStream stdin;

    public ManifestParser(String defaultProject, InputStream stdin) {
        this.defaultProject = defaultProject;
        this.stdin = stdin;
    }

    /** Every document of every source, in order; duplicates (same kind, place and name) are refused. */
    public List<Manifest> read(List<String> sources) {
        List<Manifest> all = new ArrayList<>();
        for (String source : sources) {
            for (String file : files(source)) {
                InputData input = InputData.read(file.equals("-") ? "@-" : "@" + file, stdin);
                all.addAll(parse(input, file.equals("-") ? "stdin" : file));
            }
        }
        Map<String, String> seen = new HashMap<>();
        for (Manifest m : all) {
            String where = m.ref() + " " + m.target().where();
            String earlier = seen.putIfAbsent(where, m.origin());
            if (earlier != null) {
                throw new UsageException(m.origin() + ": " + m.ref() + " is also at " + earlier + "; keep one");
            }
        }
        return all;
    }

    private static List<String> files(String source) {
        if (source.equals("-")) {
            return List.of("-");
        }
        Path p = Path.of(source);
        if (!Files.isDirectory(p)) {
            return List.of(source);
        }
        try (Stream<Path> s = Files.list(p)) {
            List<String> found = s.filter(Files::isRegularFile).map(Path::toString).filter(ManifestParser::isManifest)
                .sorted().toList();
            if (found.isEmpty()) {
                throw new UsageException("no *.yaml, *.yml or *.json files in directory '" + source + "'");
            }
            return found;
        } catch (IOException e) {
            throw new UsageException("cannot read directory '" + source + "': " + e.getMessage());
        }
    }

    private static boolean isManifest(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    /** The documents of one input; {@code name} is how messages call it. */
    public List<Manifest> parse(InputData input, String name) {
        boolean yaml = input.isYaml();
        JsonFactory factory = yaml ? Json.strictYaml() : Json.mapper().getFactory();
        List<Manifest> out = new ArrayList<>();
        try (JsonParser p = factory.createParser(input.bytes())) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        add(out, p, name);
                    }
                } else {
                    add(out, p, name);
                }
            }
        } catch (JsonParseException e) {
            throw new UsageException("invalid " + (yaml ? "YAML" : "JSON") + " in " + name + ": " + Json.describe(e));
        } catch (IOException e) {
            throw new UsageException("cannot read " + name + ": " + Json.describe(e));
        }
        if (out.isEmpty()) {
            throw new UsageException(name + " holds no documents");
        }
        return out;
    }

    private void add(List<Manifest> out, JsonParser p, String name) throws IOException {
        LocatedBody doc = LocatedBody.at(p);
        JsonNode node = doc.root();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        out.add(manifest(doc, name));
    }

    Manifest manifest(LocatedBody doc, String file) {
        JsonNode node = doc.root();
        String origin = Manifest.origin(file, doc, "");
        if (!node.isObject()) {
            throw new UsageException(origin + ": a document must be a mapping of fields, not " + node.getNodeType()
                .toString().toLowerCase(Locale.ROOT));
        }
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        String kindWord = text(fields, "kind", Manifest.origin(file, doc, "kind"));
        if (kindWord == null) {
            throw new UsageException(origin + ": the document has no 'kind'; add a first line such as 'kind: proxy'",
                "mgmt get KIND NAME -o yaml writes documents with their kind (and project, proxy)");
        }
        Kind kind;
        Shape shape;
        try {
            kind = Kinds.find(kindWord);
            shape = Shapes.of(kind);
        } catch (MgmtException e) {
            throw new UsageException(Manifest.origin(file, doc, "kind") + ": " + e.getMessage(),
                e.details().isEmpty() ? null : e.details().get(0));
        }
        String project = text(fields, "project", Manifest.origin(file, doc, "project"));
        String proxy = text(fields, "proxy", Manifest.origin(file, doc, "proxy"));
        HEADER.forEach(fields::remove);
        if (project == null && kind.scope() != Scope.GLOBAL) {
            project = defaultProject;
        }
        if (project == null && kind.scope() != Scope.GLOBAL) {
            throw new UsageException(origin + ": " + kind.singular() + " has no 'project'; add 'project: NAME' to the "
                + "document or pass -p NAME");
        }
        if (proxy == null && kind.scope() == Scope.PROXY) {
            throw new UsageException(origin + ": " + kind.singular() + " has no 'proxy'; add 'proxy: NAME' "
                + "(the API proxy it belongs to)");
        }
        for (String key : kind.identityFields()) {
            if (!fields.path(key).isTextual() || fields.path(key).asText().isBlank()) {
                throw new UsageException(Manifest.origin(file, doc, key) + ": " + kind.singular() + " has no '" + key
                    + "'");
            }
        }
        Target target = Target.of(kind, project, proxy, null, null);
        return new Manifest(kind, shape, target, fields, file, doc);
    }

    private static String text(ObjectNode fields, String key, String origin) {
        JsonNode v = fields.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new UsageException(origin + ": '" + key + "' must be a non-empty string");
        }
        return v.asText();
    }
}
