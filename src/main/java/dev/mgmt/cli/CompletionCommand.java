package dev.mgmt.cli;

import dev.mgmt.errors.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mgmt completion bash|zsh}: prints the completion script (the same as under completions/). */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  source <(mgmt completion bash)",
        "  mgmt completion bash > ~/.local/share/bash-completion/completions/mgmt",
        "  mgmt completion zsh > \"${fpath[1]}/_mgmt\"",
        "  mgmt completion fish > ~/.config/fish/completions/mgmt.fish"},
    name = "completion",
    description = {"Print the shell completion script for bash, zsh or fish.",
        "  bash: source <(mgmt completion bash)      (or save it to /etc/bash_completion.d/mgmt)",
        "  zsh:  source <(mgmt completion zsh)       (in ~/.zshrc)",
        "  fish: mgmt completion fish > ~/.config/fish/completions/mgmt.fish",
        "Project, environment and context names complete from the current context."})
public final class CompletionCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "SHELL", completionCandidates = Shells.class, description = "bash, zsh or fish.")
    String shell;

    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return CompletionScripts.SHELLS.iterator();
        }
    }

    @Override
    public Integer call() {
        if (!CompletionScripts.SHELLS.contains(shell)) {
            throw new UsageException("unsupported shell '" + shell + "': expected bash, zsh or fish");
        }
        invocation().out().print(CompletionScripts.script(shell, spec.root().commandLine()));
        invocation().out().flush();
        return 0;
    }
}
