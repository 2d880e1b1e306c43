package dev.mgmt.cli;

import dev.mgmt.input.InputData;
import dev.mgmt.resources.Operation;

/** The schema check of a body before it is sent. */
final class BodyCheck {
    private BodyCheck() {
    }

    static void check(Operation op, InputData input) {
        // Filled in by the schema validator.
    }
}
