package dev.mgmt.cli;

import dev.mgmt.config.Config;
import dev.mgmt.config.ContextEntry;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.run.Destructive;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Command;

/** {@code mgmt auth logout}: forget the token stored in the context. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt auth logout",
        "  mgmt auth logout --context staging"},
    name = "logout", description = {"Remove the stored token (and its expiry) from the current or --context context.",
    "The server has no revocation endpoint: the token stays valid until it expires."})
public final class AuthLogoutCommand extends BaseCommand implements Destructive {

    @Override
    public Integer call() {
        Invocation inv = invocation();
        Config config = inv.config();
        Config.Selection sel = config.selection(false);
        if (sel.name() == null) {
            throw new UsageException("no context selected, so there is no stored token to remove",
                "Name one with --context NAME (mgmt config get-contexts lists them)");
        }
        if (sel.entry().get("token") == null) {
            ConfigSupport.note(inv, "Context \"" + sel.name() + "\" has no stored token.");
        } else {
            config.update(spec.qualifiedName(), file -> {
                ContextEntry entry = file.context(sel.name());
                if (entry == null) {
                    throw config.unknownContext(sel.name(), sel.origin());
                }
                entry.set("token", null);
                entry.set("token-expires", null);
                return null;
            });
            ConfigSupport.note(inv, "Removed the token from context \"" + sel.name() + "\".");
        }
        ContextEntry now = config.file().context(sel.name());
        if (now != null && now.get("token-file") != null) {
            ConfigSupport.note(inv, "The context still reads a token from " + now.get("token-file")
                + "; remove that with: mgmt config set-context " + sel.name() + " --unset token-file");
        }
        for (String v : new String[]{"MGMT_TOKEN", "MGMT_TOKEN_FILE"}) {
            if (inv.env().var(v) != null) {
                ConfigSupport.warn(inv, v + " is still set in your environment");
            }
        }
        return ExitCodes.OK;
    }
}
