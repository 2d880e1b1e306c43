package dev.mgmt.output;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import dev.mgmt.testing.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A result that could not be written is never a success: a full disk or closed file is exit 14
 * with one line naming where mgmt was writing; a reader that went away ({@code | head}) ends the
 * run quietly with 141, whatever the command or format.
 */
class OutputFailureTest extends ServerTest {
    static final String DISK_FULL = "error: cannot write the result to stdout: No space left on device";

    static String list(int items) {
        StringBuilder sb = new StringBuilder("{\"status\":\"SUCCESS\",\"resultList\":[");
        for (int i = 0; i < items; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"name\":\"p-").append(i).append("\",\"description\":\"proxy ")
                .append(i).append("\"}");
        }
        return sb.append("],\"resultCount\":").append(items).append('}').toString();
    }

    static OutputStream devFull(OutputStream ignored) {
        try {
            return new FileOutputStream("/dev/full");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What stdout is once `| head` has exited: every write fails with EPIPE. */
    static OutputStream closedPipe(OutputStream ignored) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
    }

    static void assertOneLine(String expected, CliResult r) {
        assertEquals(expected + "\n", r.err().replace("\r\n", "\n"), r.describe());
    }

    /** With -o json|yaml the headline is followed by the contract's JSON error object. */
    static void assertHeadline(String expected, CliResult r) {
        List<String> err = lines(r.err());
        assertEquals(List.of(expected), err.subList(0, 1), r.describe());
        assertEquals(2, err.size(), r.describe());
        assertTrue(err.get(1).contains("\"error\":\"output_failed\"") && err.get(1).contains("\"exit_code\":14"),
            r.describe());
    }

    static CliResult onFullDisk(String... args) {
        return cli().stdout(OutputFailureTest::devFull)
            .run(concat(new String[] {"--url", server.url(), "--token", "t-123456"}, args));
    }

    @Test
    void should_exit_14_when_a_json_list_does_not_fit_on_the_disk() {
        server.on("projects/", Reply.json(200, list(2000)));
        CliResult r = onFullDisk("get", "projects", "-o", "json");
        assertExit(14, r);
        assertHeadline(DISK_FULL, r);
    }

    @Test
    void should_exit_14_for_every_format_of_get() {
        server.on("projects/", Reply.json(200, list(3)));
        for (String format : new String[] {"name", "table", "wide"}) {
            CliResult r = onFullDisk("get", "projects", "-o", format);
            assertExit(14, r);
            assertOneLine(DISK_FULL, r);
        }
        CliResult yaml = onFullDisk("get", "projects", "-o", "yaml");
        assertExit(14, yaml);
        assertHeadline(DISK_FULL, yaml);
    }

    @Test
    void should_exit_14_when_api_or_api_raw_cannot_write() {
        server.on("projects/", Reply.json(200, list(1)));
        for (String[] args : new String[][] {{"api", "projects"}, {"api", "projects", "--raw"}}) {
            CliResult r = onFullDisk(args);
            assertExit(14, r);
            assertOneLine(DISK_FULL, r);
        }
    }

    @Test
    void should_exit_14_when_the_help_cannot_be_written() {
        CliResult r = cli().stdout(OutputFailureTest::devFull).run("--help");
        assertExit(14, r);
        assertOneLine(DISK_FULL, r);
    }

    @Test
    void should_end_quietly_with_141_on_a_closed_pipe_in_every_command_and_format() {
        server.on("projects/", Reply.json(200, list(50)));
        String[][] runs = {
            {"get", "projects"}, {"get", "projects", "-o", "json"}, {"get", "projects", "-o", "yaml"},
            {"get", "projects", "-o", "name"}, {"api", "projects"}, {"api", "projects", "--raw"}, {"--help"}};
        for (String[] args : runs) {
            CliResult r = cli().stdout(OutputFailureTest::closedPipe).run(concat(new String[] {"--url", server.url(), "--token", "t-123456"}, args));
            assertExit(141, r);
            assertEquals("", r.err(), r.describe());
        }
    }

    @Test
    void should_exit_14_when_the_output_file_cannot_be_written(@TempDir Path dir) throws IOException {
        server.on("projects/", Reply.json(200, list(1)));
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
        Path inside = notADir.resolve("out.json");
        CliResult r = cli().run("--url", server.url(), "--token", "t-123456", "api", "projects", "--output-file", inside.toString());
        assertExit(14, r);
        assertOneLine("error: cannot write the result to --output-file '" + inside + "': " + inside + ": Not a directory", r);

        CliResult full = cli().run("--url", server.url(), "--token", "t-123456", "api", "projects", "--output-file", "/dev/full");
        assertExit(14, full);
        assertOneLine("error: cannot write the result to --output-file '/dev/full': No space left on device", full);
    }

    @Test
    void should_exit_14_when_the_junit_file_cannot_be_written(@TempDir Path dir) throws IOException {
        server.on("projects/", Reply.json(200, list(1)));
        Path scenario = Files.writeString(dir.resolve("s.yaml"), "steps:\n  - path: projects/\n");
        CliResult r = cli().run("--url", server.url(), "--token", "t-123456", "exercise", scenario.toString(),
            "--junit", "/dev/full");
        assertExit(14, r);
        assertEquals("error: cannot write the result to --junit file '/dev/full': No space left on device",
            lines(r.err()).get(lines(r.err()).size() - 1), r.describe());
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
