package dev.mgmt.cli;

import dev.mgmt.client.ApiClient;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.resources.DryRun;
import dev.mgmt.resources.manifest.Plan;
import dev.mgmt.resources.manifest.PlanPrinter;
import dev.mgmt.resources.manifest.PlanRunner;
import dev.mgmt.resources.manifest.Step;
import dev.mgmt.run.Destructive;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mgmt apply -f FILE|DIR|-}: make the manager match the files; plan first, then write. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt apply -f petstore.yaml",
        "  mgmt apply -f manifests/",
        "  mgmt apply -f manifests/ --prune --yes",
        "  mgmt apply -f manifests/ --prune --dry-run"},
    name = "apply", description = {"Create or update resources to match YAML/JSON documents (configuration as code).",
    "Each document names its kind (and project, proxy); 'mgmt get KIND NAME -o yaml' writes such documents.",
    "The whole plan is computed and checked before anything is written; one line per object on stdout:",
    "KIND/NAME created, configured or unchanged (deleted, with --prune)."}, sortOptions = false)
public final class ApplyCommand extends ManifestCommand implements Destructive {

    /** A real run prints one line per object as it goes; only the dry run's preview has the other forms. */
    @Override
    PrintedFormats printedFormats() {
        return dryRun ? PrintedFormats.OUTCOME : PrintedFormats.TEXT;
    }

    @Option(names = {"-y", "--yes"}, description = "Do not ask before --prune deletes.")
    boolean yes;

    @Option(names = "--dry-run", description = ChangeCommand.DRY_RUN)
    boolean dryRun;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        if (prune && !yes && !dryRun && !inv.env().stdinTerminal()) {
            Confirm.ask(inv, "prune", false, () -> { });
        }
        Plan plan = plan(inv, true);
        if (dryRun) {
            ApiClient client = inv.authenticatedClient();
            new PlanRunner(client).preview(plan, new DryRun(client), inv.out(), inv.settings().output().value());
            return ExitCodes.OK;
        }
        long deletes = plan.steps().stream().filter(s -> s.action() == Step.Action.DELETE).count();
        if (deletes > 0 && !yes) {
            new PlanPrinter(inv.err(), inv.colorOnStderr()).print(plan);
            Confirm.ask(inv, "apply these changes, deleting " + deletes + (deletes == 1 ? " object" : " objects"),
                false, () -> { });
        }
        new PlanRunner(inv.authenticatedClient()).run(plan, inv.out(), inv.err());
        return ExitCodes.OK;
    }
}
