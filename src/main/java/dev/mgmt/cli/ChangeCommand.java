package dev.mgmt.cli;

import dev.mgmt.resources.DryRun;
import picocli.CommandLine.Option;

/** A command that changes something on the manager, and so has {@code --dry-run} (see {@link DryRun}). */
abstract class ChangeCommand extends BaseCommand {
    /** Shared with apply, whose base is not this class (it shares -f and planning with diff). */
    static final String DRY_RUN = "Check everything (reads only) and show the request, as --curl does, without "
        + "sending the change.";

    @Option(names = "--dry-run", order = 90, description = DRY_RUN)
    boolean dryRun;

    /** The shared dry-run steps, for this run's client. */
    DryRun dryRunner() {
        return new DryRun(invocation().authenticatedClient());
    }
}
