package dev.mgmt.cli.model;

import dev.mgmt.cli.Subcommands;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The build step (exec-maven-plugin, process-classes) that writes {@link CommandModels#RESOURCE}
 * next to the compiled classes: {@code CompileCommandModels TARGET-CLASSES-DIR}.
 */
public final class CompileCommandModels {
    private CompileCommandModels() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0], CommandModels.class.getPackageName().replace('.', '/'));
        Files.createDirectories(dir);
        Path tmp = dir.resolve(CommandModels.RESOURCE + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            CommandModelWriter.writeAll(Subcommands.modelClasses(), out);
        }
        Files.move(tmp, dir.resolve(CommandModels.RESOURCE), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
    }
}
