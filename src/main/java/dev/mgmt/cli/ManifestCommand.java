package dev.mgmt.cli;

import dev.mgmt.resources.manifest.LiveObjects;
import dev.mgmt.resources.manifest.Manifest;
import dev.mgmt.resources.manifest.ManifestParser;
import dev.mgmt.resources.manifest.Plan;
import dev.mgmt.resources.manifest.Planner;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Option;

import java.util.List;

/** What apply and diff share: -f FILE|DIR|-, read and checked whole, then planned against the manager. */
abstract class ManifestCommand extends BaseCommand {

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|DIR|-",
        description = "A file (multi-document YAML, or JSON), a directory (its *.yaml, *.yml and *.json files, "
            + "sorted) or '-' for stdin. Repeatable.")
    List<String> files;

    @Option(names = "--prune", description = "Also delete (diff: show as '-') what the manager has and the files do "
        + "not, only within the kinds and projects (and proxies) the files name.")
    boolean prune;

    /**
     * Parses every document (nothing is read from the manager before all of them are fine), then plans;
     * apply also checks every body it would send, while diff shows differences even where a write would
     * still need fields the manager does not show (a proxy's creation type). Both refuse changes no write can make.
     */
    Plan plan(Invocation inv, boolean checkBodies) {
        List<Manifest> manifests = new ManifestParser(inv.settings().project().value(), inv.env().stdin()).read(files);
        Plan plan = new Planner(new LiveObjects(inv.authenticatedClient())).plan(manifests, prune);
        if (checkBodies) {
            Planner.check(plan);
        } else {
            Planner.checkFixed(plan);
        }
        return plan;
    }
}
