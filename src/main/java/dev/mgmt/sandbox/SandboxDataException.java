package dev.mgmt.sandbox;

import java.io.IOException;

/** The --data file cannot be used: the user's input, not a fault of the sandbox. */
public final class SandboxDataException extends IOException {
    SandboxDataException(String message) {
        super(message);
    }
}
