package dev.mgmt.cli;

import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.UsageException;
import dev.mgmt.resources.ResourceReader;
import dev.mgmt.resources.Target;
import dev.mgmt.run.Invocation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Asks before destroying something. Only a person at a terminal can answer; a script without
 * --yes fails with a hint instead of hanging or guessing.
 */
final class Confirm {
    private Confirm() {
    }

    /**
     * Runs {@code precheck} (which throws when there is nothing to ask about) once it is clear that an
     * answer can be had, so a script without --yes fails before any request and a person is never
     * asked about a name that is not there.
     */
    /**
     * Asks about changing {@code name}, which is first looked up where the API can list its kind;
     * where it cannot, the server's answer to the change says whether the name was there.
     */
    static void askAbout(Invocation inv, String question, boolean yes, Target target, String name) {
        ask(inv, question, yes, () -> {
            if (target.kind().listable()) {
                new ResourceReader(inv.authenticatedClient()).require(target, name);
            }
        });
    }

    static void ask(Invocation inv, String question, boolean yes, Runnable precheck) {
        if (!yes && !inv.env().stdinTerminal()) {
            throw new UsageException("refusing to " + question + " without confirmation: stdin is not a terminal",
                "Pass --yes to confirm in scripts");
        }
        precheck.run();
        if (yes) {
            return;
        }
        inv.err().print(question.substring(0, 1).toUpperCase(Locale.ROOT) + question.substring(1) + "? [y/N] ");
        inv.err().flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(inv.env().stdin(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !(answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
            throw new MgmtException(ExitCodes.USAGE, "not confirmed; nothing was changed", List.of(), null);
        }
    }
}
