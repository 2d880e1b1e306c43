package dev.mgmt;

import dev.mgmt.cli.model.CommandModels;
import dev.mgmt.cli.model.ManPages;
import dev.mgmt.diagnose.Catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The build step (exec-maven-plugin, process-classes): {@code CompileData TARGET-CLASSES-DIR [MAN-DIR]} writes,
 * next to the compiled classes, what start-up would otherwise build from annotations and YAML: the
 * command model and the troubleshooting catalog (docs/startup.md). Anything malformed fails the build.
 * A second argument, a directory, gets the man pages ({@code MAN-DIR}, shipped in the archive).
 */
public final class CompileData {
    private CompileData() {
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        write(classes, CommandModels.class, CommandModels.RESOURCE, CommandModels::compile);
        write(classes, Catalog.class, Catalog.COMPILED, Catalog::compile);
        if (args.length > 1) {
            ManPages.write(Path.of(args[1]));
        }
    }

    /** Writes a resource beside {@code anchor}'s class file through a temporary file, so a failed build leaves none. */
    private static void write(Path classes, Class<?> anchor, String name, Writer writer) throws IOException {
        Path dir = classes.resolve(anchor.getPackageName().replace('.', '/'));
        Files.createDirectories(dir);
        Path tmp = dir.resolve(name + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            writer.write(out);
        }
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
