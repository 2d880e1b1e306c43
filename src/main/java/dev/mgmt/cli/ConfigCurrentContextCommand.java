package dev.mgmt.cli;

import dev.mgmt.config.Config;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Command;

/** {@code mgmt config current-context}: the name of the context commands use. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt config current-context",
        "  mgmt config current-context --config ./team-config.yaml"},
    name = "current-context",
    description = {"Print the name of the context in use (--context, else MGMT_CONTEXT, else the file's current context)."})
public final class ConfigCurrentContextCommand extends BaseCommand {
    @Override
    public Integer call() {
        Invocation inv = invocation();
        Config.Selection sel = inv.config().selection(false);
        if (sel.name() == null) {
            throw new UsageException("no current context in " + inv.config().displayPath(),
                "Choose one: mgmt config use-context NAME   (mgmt config get-contexts lists them)");
        }
        inv.out().println(sel.name());
        return ExitCodes.OK;
    }
}
