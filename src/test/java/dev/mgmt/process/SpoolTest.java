package dev.mgmt.process;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpoolTest {

    @Test
    void a_small_content_stays_in_memory_and_reads_back_whole() throws IOException {
        byte[] data = bytes(1000);
        try (Spool s = Spool.create(4096)) {
            s.out().write(data, 0, 600);
            s.out().write(data, 600, 400);
            assertFalse(s.onDisk());
            assertArrayEquals(data, readAll(s));
        }
    }

    @Test
    void content_past_the_limit_moves_to_a_file_that_is_gone_from_its_directory() throws IOException {
        byte[] data = bytes(10_000);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = spoolFiles(tmp);
        try (Spool s = Spool.create(4096)) {
            for (int i = 0; i < data.length; i += 700) {
                s.out().write(data, i, Math.min(700, data.length - i));
            }
            s.out().write(7);
            assertTrue(s.onDisk());
            assertTrue(spoolFiles(tmp) <= before, "the spool file was unlinked once open");
            byte[] expected = java.util.Arrays.copyOf(data, data.length + 1);
            expected[data.length] = 7;
            assertArrayEquals(expected, readAll(s));
        }
    }

    private static long spoolFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("mgmt-")
                && p.getFileName().toString().endsWith(".spool")).count();
        }
    }

    private static byte[] readAll(Spool s) throws IOException {
        try (InputStream in = s.in()) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
