package dev.mgmt.cli;

import dev.mgmt.resources.manifest.Plan;
import dev.mgmt.resources.manifest.PlanPrinter;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Command;

/** {@code mgmt diff -f FILE|DIR|-}: what apply would change, field by field; exit 0 equal, 1 different. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt diff -f petstore.yaml",
        "  mgmt diff -f manifests/ --prune",
        "  mgmt diff -f manifests/ || echo 'the manager differs from Git'"},
    name = "diff", description = {"Show what apply would change, without changing anything.",
    "'+' create, '~' update (field: manager -> file), '-' delete (with --prune). Secret fields are masked",
    "on both sides.",
    "Exit status as diff(1): 0 no differences, 1 differences, 2 or more an error."}, sortOptions = false)
public final class DiffCommand extends ManifestCommand {

    /** diff(1)'s status for "differences found". */
    static final int DIFFERENT = 1;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        Plan plan = plan(inv, false);
        int changed = new PlanPrinter(inv.out(), inv.colorOnStdout()).print(plan);
        return changed == 0 ? 0 : DIFFERENT;
    }
}
