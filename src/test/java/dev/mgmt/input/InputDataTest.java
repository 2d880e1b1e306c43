package dev.mgmt.input;

import dev.mgmt.errors.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputDataTest {
    private static final ByteArrayInputStream NO_STDIN = new ByteArrayInputStream(new byte[0]);

    @Test
    void should_send_valid_json_exactly_as_given() {
        String json = "{ \"a\" : [1, 2] }\n";
        assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), InputData.read(json, NO_STDIN).asJson());
    }

    @Test
    void should_name_line_and_column_of_invalid_json() {
        UsageException e = assertThrows(UsageException.class, () -> InputData.read("{\n  \"a\": 1,\n  \"b\" 2\n}", NO_STDIN).asJson());
        assertTrue(e.getMessage().startsWith("invalid JSON in the -d argument: line 3, column "), e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void should_reject_empty_and_trailing_content() {
        assertTrue(assertThrows(UsageException.class, () -> InputData.read("", NO_STDIN).asJson()).getMessage().contains("empty"));
        assertTrue(assertThrows(UsageException.class, () -> InputData.read("{}\n[]", NO_STDIN).asJson())
            .getMessage().contains("line 2, column"));
    }

    @Test
    void should_read_stdin_and_files(@TempDir Path dir) throws Exception {
        assertEquals("stdin", InputData.read("@-", new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))).origin());
        Path f = dir.resolve("b.json");
        Files.writeString(f, "[1]");
        InputData d = InputData.read("@" + f, NO_STDIN);
        assertArrayEquals("[1]".getBytes(StandardCharsets.UTF_8), d.asJson());
        UsageException e = assertThrows(UsageException.class, () -> InputData.read("@" + dir.resolve("missing.json"), NO_STDIN));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        assertThrows(UsageException.class, () -> InputData.read("@", NO_STDIN));
    }

    @Test
    void should_convert_yaml_files_to_json_and_name_yaml_errors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("b.YML");
        Files.writeString(f, "name: demo\nport: 8080\nlist:\n  - a\n");
        assertEquals("{\"name\":\"demo\",\"port\":8080,\"list\":[\"a\"]}",
            new String(InputData.read("@" + f, NO_STDIN).asJson(), StandardCharsets.UTF_8));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "a: [1, 2\nb: c\n");
        UsageException e = assertThrows(UsageException.class, () -> InputData.read("@" + bad, NO_STDIN).asJson());
        assertTrue(e.getMessage().startsWith("invalid YAML in file"), e.getMessage());
    }
}
