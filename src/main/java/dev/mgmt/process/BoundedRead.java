package dev.mgmt.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an input whole, but never past its {@link InputLimit}: the check is made while reading,
 * because a size known up front is a promise devices, pipes and stdin do not make.
 */
public final class BoundedRead {
    private BoundedRead() {
    }

    /** The input was longer than its limit; nothing of it is kept. */
    public static final class TooLarge extends IOException {
        private final InputLimit limit;

        TooLarge(InputLimit limit) {
            super(limit.overBy());
            this.limit = limit;
        }

        public InputLimit limit() {
            return limit;
        }

        /** One line for the user: "token file 'x' (--token-file) is larger than 64 KiB, the limit for a token or password". */
        public String about(String input) {
            return input + " " + limit.overBy();
        }
    }

    public static byte[] bytes(InputStream in, InputLimit limit) throws IOException {
        // One byte past the limit tells "exactly at the limit" from "over it" without reading on.
        byte[] data = in.readNBytes(limit.bytes() + 1);
        if (data.length > limit.bytes()) {
            throw new TooLarge(limit);
        }
        return data;
    }

    public static byte[] bytes(Path file, InputLimit limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return bytes(in, limit);
        }
    }

    public static String text(InputStream in, InputLimit limit) throws IOException {
        return new String(bytes(in, limit), StandardCharsets.UTF_8);
    }

    public static String text(Path file, InputLimit limit) throws IOException {
        return new String(bytes(file, limit), StandardCharsets.UTF_8);
    }
}
