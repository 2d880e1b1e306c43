package dev.mgmt.cli;

import dev.mgmt.config.Config;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.run.Destructive;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mgmt config delete-context NAME}. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt config delete-context staging",
        "  mgmt config delete-context ci --config ./team-config.yaml"},
    name = "delete-context", description = "Remove the context NAME (and its stored token) from the config file.")
public final class ConfigDeleteContextCommand extends BaseCommand implements Destructive {
    @Parameters(index = "0", paramLabel = "NAME", description = "An existing context.")
    String name;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        Config config = inv.config();
        boolean wasCurrent = config.update(spec.qualifiedName(), file -> {
            if (file.context(name) == null) {
                throw config.unknownContext(name, null);
            }
            file.contexts().remove(name);
            boolean current = name.equals(file.currentContext());
            if (current) {
                file.setCurrentContext(null);
            }
            return current;
        });
        ConfigSupport.note(inv, "Deleted context \"" + name + "\" from " + config.displayPath() + "."
            + (wasCurrent ? " It was the current context; choose another with 'mgmt config use-context NAME'." : ""));
        return ExitCodes.OK;
    }
}
