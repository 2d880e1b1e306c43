package dev.mgmt;

import dev.mgmt.cli.RootHelp;
import dev.mgmt.cli.model.CommandModels;
import dev.mgmt.cli.model.ManPages;
import dev.mgmt.diagnose.Catalog;
import dev.mgmt.process.Env;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;

/**
 * The build step (exec-maven-plugin, process-classes): {@code CompileData TARGET-CLASSES-DIR [MAN-DIR]} writes,
 * next to the compiled classes, what start-up would otherwise build from annotations and YAML: the
 * command model, the troubleshooting catalog and the root's help text (docs/startup.md). Anything malformed fails the build.
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
        write(classes, RootHelp.class, RootHelp.RESOURCE, CompileData::rootHelp);
        if (args.length > 1) {
            ManPages.write(Path.of(args[1]));
        }
    }

    /**
     * The root's help as a pipe gets it (no terminal, so 80 columns and no colour), printed by {@code mgmt help}:
     * that command always renders, so a stale compiled text from an earlier build is never copied.
     */
    private static void rootHelp(OutputStream out) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Env env = new Env(Map.of(), InputStream.nullInputStream(), text, err, false, false, false, Clock.systemUTC());
        int code = MgmtCli.create(env).execute("help");
        if (code != 0 || err.size() > 0) {
            throw new IllegalStateException("mgmt help exited " + code + ": " + err.toString(StandardCharsets.UTF_8));
        }
        text.writeTo(out);
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
