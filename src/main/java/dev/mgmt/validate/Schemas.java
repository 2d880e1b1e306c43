package dev.mgmt.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The JSON Schemas mgmt ships, listed in {@code index.txt}; each is compiled once, on first use. */
final class Schemas {
    private static final String DIR = "dev/mgmt/schemas/";
    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();
    private static volatile List<String> names;

    private Schemas() {
    }

    /** The names of all schemas, e.g. {@code proxy.create-url}, sorted. */
    static List<String> names() {
        List<String> n = names;
        if (n == null) {
            try (InputStream in = resource("index.txt")) {
                if (in == null) {
                    throw new IllegalStateException("missing " + DIR + "index.txt");
                }
                n = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            names = n;
        }
        return n;
    }

    static boolean has(String schemaName) {
        return names().contains(schemaName);
    }

    static Compiled compiled(String name) {
        return CACHE.computeIfAbsent(name, Schemas::compile);
    }

    record Compiled(JsonSchema schema, JsonNode source) {
    }

    private static final class Factory {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER).build();
    }

    private static Compiled compile(String name) {
        try (InputStream in = resource(name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + DIR + name + ".json");
            }
            JsonNode node = Factory.MAPPER.readTree(in);
            return new Compiled(Factory.FACTORY.getSchema(node, Factory.CONFIG), node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String file) {
        return Schemas.class.getClassLoader().getResourceAsStream(DIR + file);
    }
}
