package dev.mgmt.input;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mgmt.errors.UsageException;
import dev.mgmt.json.Json;
import dev.mgmt.process.BoundedRead;
import dev.mgmt.process.InputLimit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A request body given by the user: inline text, {@code @FILE} or {@code @-} (stdin). It is checked
 * before anything is sent, so a typo in a file never reaches the server.
 */
public final class InputData {
    private final byte[] bytes;
    private final String origin;
    private final boolean yamlFile;

    private InputData(byte[] bytes, String origin, boolean yamlFile) {
        this.bytes = bytes;
        this.origin = origin;
        this.yamlFile = yamlFile;
    }

    public static InputData read(String spec, InputStream stdin) {
        if (spec.equals("@-")) {
            try {
                return new InputData(BoundedRead.bytes(stdin, InputLimit.BODY), "stdin", false);
            } catch (BoundedRead.TooLarge e) {
                throw new UsageException(e.about("the request body from stdin"));
            } catch (IOException e) {
                throw new UsageException("cannot read the request body from stdin: " + e.getMessage());
            }
        }
        if (spec.startsWith("@")) {
            String file = spec.substring(1);
            if (file.isEmpty()) {
                throw new UsageException("-d @ needs a file name, or @- for stdin");
            }
            try {
                String lower = file.toLowerCase(Locale.ROOT);
                return new InputData(BoundedRead.bytes(Path.of(file), InputLimit.BODY), "file '" + file + "'",
                    lower.endsWith(".yaml") || lower.endsWith(".yml"));
            } catch (BoundedRead.TooLarge e) {
                throw new UsageException(e.about("file '" + file + "'"));
            } catch (NoSuchFileException e) {
                throw new UsageException("cannot read '" + file + "': no such file");
            } catch (AccessDeniedException e) {
                throw new UsageException("cannot read '" + file + "': permission denied");
            } catch (IOException e) {
                throw new UsageException("cannot read '" + file + "': " + e.getMessage());
            } catch (InvalidPathException e) {
                throw new UsageException("cannot read '" + file + "': not a valid file name");
            }
        }
        return new InputData(spec.getBytes(StandardCharsets.UTF_8), "the -d argument", false);
    }

    /** Text mgmt holds already (an edited file as it will be shown again), named {@code origin} in messages. */
    public static InputData text(String text, String origin) {
        return new InputData(text.getBytes(StandardCharsets.UTF_8), origin, false);
    }

    public byte[] bytes() {
        return bytes;
    }

    public String origin() {
        return origin;
    }

    /** The body as JSON bytes: JSON is checked and sent as given; a YAML file is converted. */
    public byte[] asJson() {
        if (yamlFile) {
            JsonNode node = parseYaml();
            return Json.compact(node).getBytes(StandardCharsets.UTF_8);
        }
        parseJson();
        return bytes;
    }

    /** True when the content is YAML: a .yaml/.yml file, or text that does not start like JSON. */
    public boolean isYaml() {
        if (yamlFile) {
            return true;
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).replace("\uFEFF", "")
            .stripLeading();
        return !(start.startsWith("{") || start.startsWith("["));
    }

    /** JSON or YAML, decided by {@link #isYaml()}. */
    public JsonNode parseAuto() {
        return isYaml() ? parseYaml() : parseJson();
    }

    /** Parses strictly: one JSON value, nothing after it. Errors name line and column. */
    public JsonNode parseJson() {
        ObjectMapper mapper = Json.mapper();
        try (JsonParser p = mapper.getFactory().createParser(bytes)) {
            // A key given twice would otherwise be sent as the server's parser picks it: refuse it here.
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonNode node = mapper.readTree(p);
            if (node == null) {
                throw new UsageException("invalid JSON in " + origin + ": it is empty");
            }
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new UsageException("invalid JSON in " + origin + ": line " + p.currentLocation().getLineNr()
                    + ", column " + p.currentLocation().getColumnNr() + ": unexpected content after the JSON value");
            }
            return node;
        } catch (JsonParseException e) {
            throw new UsageException("invalid JSON in " + origin + ": " + Json.describe(e),
                "To send something other than JSON, set its type: -H 'Content-Type: text/plain'");
        } catch (IOException e) {
            throw new UsageException("invalid JSON in " + origin + ": " + Json.describe(e));
        }
    }

    private JsonNode parseYaml() {
        try {
            JsonNode node = new YAMLMapper(Json.strictYaml()).readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new UsageException("invalid YAML in " + origin + ": it is empty");
            }
            return node;
        } catch (JsonParseException e) {
            throw new UsageException("invalid YAML in " + origin + ": " + Json.describe(e));
        } catch (IOException e) {
            throw new UsageException("invalid YAML in " + origin + ": " + Json.describe(e));
        }
    }
}
