package dev.mgmt.cli;

import dev.mgmt.config.Config;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mgmt config use-context NAME}: make NAME the current context. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt config use-context prod",
        "  mgmt config use-context staging --config ./team-config.yaml"},
    name = "use-context", description = "Make NAME the current context, used when neither --context nor MGMT_CONTEXT is given.")
public final class ConfigUseContextCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "An existing context.")
    String name;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        Config config = inv.config();
        config.update(spec.qualifiedName(), file -> {
            if (file.context(name) == null) {
                throw config.unknownContext(name, null);
            }
            file.setCurrentContext(name);
            return null;
        });
        ConfigSupport.note(inv, "Switched to context \"" + name + "\".");
        if (inv.env().var("MGMT_CONTEXT") != null && !inv.env().var("MGMT_CONTEXT").strip().equals(name)) {
            ConfigSupport.warn(inv, "MGMT_CONTEXT=" + inv.env().var("MGMT_CONTEXT")
                + " is set and takes precedence over the current context");
        }
        return ExitCodes.OK;
    }
}
