package dev.mgmt.testing;

import java.nio.charset.StandardCharsets;

/** What one in-process run of mgmt produced. */
public record CliResult(int exitCode, byte[] outBytes, String err) {

    public String out() {
        return new String(outBytes, StandardCharsets.UTF_8);
    }

    /** For assertion messages: both streams, so a failure shows what mgmt said. */
    public String describe() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out() + "\n--- stderr ---\n" + err;
    }
}
