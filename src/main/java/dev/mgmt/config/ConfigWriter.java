package dev.mgmt.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Writes the config file atomically: a temporary file in the same directory (created 0600),
 * flushed to disk, then renamed over the old one, so a crash or a full disk never leaves a
 * half-written file. A new directory is created 0700.
 */
final class ConfigWriter {
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final String HEADER = "# mgmt configuration. Written by 'mgmt config' and 'mgmt login'; hand edits are kept\n"
        + "# as values, but comments are not. Keep this file private (mode 0600): it may hold tokens.\n";

    private ConfigWriter() {
    }

    static String render(ConfigFile file) {
        JsonNodeFactory nf = JsonNodeFactory.instance;
        ObjectNode root = nf.objectNode();
        if (file.currentContext() != null) {
            root.put("current-context", file.currentContext());
        }
        ObjectNode contexts = root.putObject("contexts");
        for (Map.Entry<String, ContextEntry> e : file.contexts().entrySet()) {
            ObjectNode c = contexts.putObject(e.getKey());
            for (String key : ContextEntry.KEYS) {
                String v = e.getValue().get(key);
                if (v == null) {
                    continue;
                }
                switch (key) {
                    case "insecure":
                        c.put(key, Boolean.parseBoolean(v));
                        break;
                    case "timeout":
                    case "connect-timeout":
                    case "retry-max-time":
                    case "retries":
                        try {
                            c.put(key, new BigDecimal(v));
                        } catch (NumberFormatException ex) {
                            c.put(key, v);
                        }
                        break;
                    default:
                        c.put(key, v);
                }
            }
        }
        YAMLFactory f = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // A name or value that reads as a number ("2026", "1.5") must come back as the text it was.
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
        try {
            return HEADER + new YAMLMapper(f).writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file a write replaces: {@code target} itself, or the real file a symbolic link points to. */
    static Path realTarget(Path target) throws IOException {
        Path real = Files.isSymbolicLink(target) ? target.toRealPath() : target;
        return real.toAbsolutePath();
    }

    /** Creates the file's directory when missing (0700 where POSIX modes exist). */
    static void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix()) {
            createPrivateDirectories(dir);
        } else {
            Files.createDirectories(dir);
        }
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Attributes that create a file 0600 where POSIX modes exist. */
    static FileAttribute<?>[] privateFile() {
        return posix() ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(FILE_MODE)} : new FileAttribute<?>[0];
    }

    /** Replaces {@code target} (following a symbolic link to the real file) with {@code text}. */
    static void writeAtomically(Path target, String text) throws IOException {
        Path real = realTarget(target);
        Path dir = real.getParent();
        ensureDirectory(dir);
        boolean posix = posix();
        Path tmp = Files.createTempFile(dir, "." + real.getFileName() + ".", ".tmp", privateFile());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(tmp, FILE_MODE);
            }
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Creates missing directories 0700 each (what umask allows cannot widen that). */
    private static void createPrivateDirectories(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(parent)) {
            createPrivateDirectories(parent);
        }
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            Files.setPosixFilePermissions(dir, DIR_MODE);
        }
    }
}
