package dev.mgmt.cli;

import dev.mgmt.errors.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mgmt completion bash|zsh}: prints the completion script (the same as under completions/). */
@Command(name = "completion",
    description = {"Print the shell completion script for bash or zsh.",
        "  bash: source <(mgmt completion bash)      (or save it to /etc/bash_completion.d/mgmt)",
        "  zsh:  source <(mgmt completion zsh)       (in ~/.zshrc)",
        "Project, environment and context names complete from the current context."})
public final class CompletionCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "SHELL", completionCandidates = Shells.class, description = "bash or zsh.")
    String shell;

    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("bash", "zsh").iterator();
        }
    }

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new UsageException("unsupported shell '" + shell + "': expected bash or zsh");
        }
        invocation().out().print(CompletionScripts.script(shell, spec.root().commandLine()));
        invocation().out().flush();
        return 0;
    }
}
