package dev.mgmt.process;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The user's editor: {@code $VISUAL}, else {@code $EDITOR}, else {@code vi}, run through {@code sh} so a
 * value with arguments ({@code code --wait}) works as it does for git and kubectl.
 */
public final class Editor {
    private final String command;

    private Editor(String command) {
        this.command = command;
    }

    public static Editor of(Env env) {
        String visual = env.var("VISUAL");
        String editor = env.var("EDITOR");
        return new Editor(visual != null ? visual : editor != null ? editor : "vi");
    }

    public String command() {
        return command;
    }

    /** Opens {@code file} on the terminal mgmt runs on and waits; returns the editor's exit status. */
    public int edit(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", command + " \"$1\"", "mgmt-edit", file.toString())
            .inheritIO().start();
        return p.waitFor();
    }
}
