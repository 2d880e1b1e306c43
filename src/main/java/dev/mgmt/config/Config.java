package dev.mgmt.config;

import dev.mgmt.errors.UsageException;
import dev.mgmt.process.BoundedRead;
import dev.mgmt.process.Env;
import dev.mgmt.process.InputLimit;
import dev.mgmt.settings.Setting;
import dev.mgmt.settings.Source;
import dev.mgmt.settings.TokenFiles;
import dev.mgmt.text.Redactor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The config file of one run: where it is, its content (read on first use, so commands that need
 * no settings never touch it), which context is selected, and saving it back. A file that could
 * not be parsed is never written: every change starts from a successful {@link #file()}.
 */
public final class Config {
    private final Location location;
    private final String contextFlag;
    private final Env env;
    private final PrintWriter err;
    private final Redactor redactor;
    private ConfigFile file;
    private boolean exists;
    private boolean warned;

    /**
     * Where the config file is and why.
     *
     * @param path   the file, or null when no location can be derived (no HOME, no XDG_CONFIG_HOME)
     * @param origin "--config", "MGMT_CONFIG", "$XDG_CONFIG_HOME" or "default"
     */
    public record Location(Path path, String origin) {
    }

    /**
     * The selected context.
     *
     * @param name   its name, or null when none is selected
     * @param origin "--context", "MGMT_CONTEXT", "current-context"
     * @param entry  its settings, or null when it does not exist (only when missing ones are allowed)
     */
    public record Selection(String name, String origin, ContextEntry entry) {
        public String label() {
            return name == null ? "(none)" : name;
        }
    }

    public Config(Location location, String contextFlag, Env env, PrintWriter err, Redactor redactor) {
        this.location = location;
        this.contextFlag = contextFlag;
        this.env = env;
        this.err = err;
        this.redactor = redactor;
    }

    /** --config, then MGMT_CONFIG, then $XDG_CONFIG_HOME/mgmt/config.yaml, then ~/.config/mgmt/config.yaml. */
    public static Location locate(String configFlag, Env env) {
        if (configFlag != null && !configFlag.isBlank()) {
            return new Location(path(configFlag, env), "--config");
        }
        if (env.var("MGMT_CONFIG") != null) {
            return new Location(path(env.var("MGMT_CONFIG"), env), "MGMT_CONFIG");
        }
        String xdg = env.var("XDG_CONFIG_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return new Location(Path.of(xdg, "mgmt", "config.yaml"), "$XDG_CONFIG_HOME");
        }
        String home = env.var("HOME");
        if (home != null) {
            return new Location(Path.of(home, ".config", "mgmt", "config.yaml"), "default");
        }
        return new Location(null, "default");
    }

    /** A user-typed path: {@code ~/} expanded from HOME, made absolute. */
    static Path path(String raw, Env env) {
        String home = env.var("HOME");
        if (home != null && (raw.equals("~") || raw.startsWith("~/"))) {
            return Path.of(home, raw.substring(1).replaceFirst("^/", "")).toAbsolutePath();
        }
        return Path.of(raw).toAbsolutePath();
    }

    public Location location() {
        return location;
    }

    /** The file's path for messages. */
    public String displayPath() {
        return location.path() == null ? "(no config file: HOME is not set)" : location.path().toString();
    }

    public boolean exists() {
        file();
        return exists;
    }

    /** The content, read on first use; an empty config when the file does not exist. */
    public ConfigFile file() {
        if (file == null) {
            file = load();
            for (ContextEntry e : file.contexts().values()) {
                redactor.register(e.get("token"));
            }
        }
        return file;
    }

    private ConfigFile load() {
        Path p = location.path();
        if (p == null) {
            return new ConfigFile();
        }
        String text;
        try {
            text = BoundedRead.text(p, InputLimit.CONFIG);
        } catch (BoundedRead.TooLarge e) {
            throw new UsageException(e.about("config file " + p));
        } catch (NoSuchFileException e) {
            // Not created yet: no contexts. Writing commands create it.
            return new ConfigFile();
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read config file " + p + ": " + describe(e));
        }
        exists = true;
        warnIfReadableByOthers(p);
        try {
            return ConfigParser.parse(text);
        } catch (ConfigParser.Problem problem) {
            throw new UsageException("invalid config file " + p + (problem.line > 0 ? ", line " + problem.line : "")
                + ": " + problem.getMessage(),
                "Fix the file by hand (mgmt will not rewrite a file it cannot read), or point --config elsewhere.");
        }
    }

    private void warnIfReadableByOthers(Path p) {
        if (warned || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
            open.retainAll(perms);
            if (!open.isEmpty()) {
                boolean others = open.contains(PosixFilePermission.OTHERS_READ) || open.contains(PosixFilePermission.OTHERS_WRITE);
                err.println("warning: config file " + p + " is accessible by " + (others ? "others" : "its group")
                    + " (mode " + PosixFilePermissions.toString(perms) + ") and may hold tokens; run: chmod 600 " + p);
                err.flush();
                warned = true;
            }
        } catch (IOException | RuntimeException ignored) {
            // Cannot tell; say nothing.
        }
    }

    /** The selected context: --context, then MGMT_CONTEXT, then the file's current-context. */
    public Selection selection(boolean allowMissing) {
        String name;
        String origin;
        if (contextFlag != null && !contextFlag.isBlank()) {
            name = contextFlag.strip();
            origin = "--context";
        } else if (env.var("MGMT_CONTEXT") != null) {
            name = env.var("MGMT_CONTEXT").strip();
            origin = "MGMT_CONTEXT";
        } else {
            name = file().currentContext();
            origin = "current-context";
        }
        if (name == null) {
            return new Selection(null, null, null);
        }
        ContextEntry entry = file().context(name);
        if (entry == null && !allowMissing) {
            throw unknownContext(name, origin);
        }
        return new Selection(name, origin, entry);
    }

    public UsageException unknownContext(String name, String origin) {
        String from = origin == null ? "" : " (from " + (origin.equals("current-context")
            ? "current-context in " + displayPath() : origin) + ")";
        return new UsageException("unknown context '" + name + "'" + from + "; known contexts: " + file().knownNames(),
            file().contexts().isEmpty()
                ? "Create one: mgmt config set-context " + name + " --url URL --token-file FILE"
                : "List them: mgmt config get-contexts");
    }

    /**
     * The selected context's values for {@link dev.mgmt.settings.SettingsResolver}: key to setting,
     * null when the context does not set it. The context is selected (and checked) right away.
     */
    public Function<String, Setting<String>> lookup(boolean allowMissing, boolean includeToken) {
        Selection sel = selection(allowMissing);
        if (sel.entry() == null) {
            return key -> null;
        }
        String origin = "context " + sel.name();
        return key -> {
            if (key.equals("token")) {
                return includeToken ? token(sel) : null;
            }
            String v = sel.entry().get(key);
            return v == null ? null : new Setting<>(v, Source.CONTEXT, origin);
        };
    }

    private Setting<String> token(Selection sel) {
        String token = sel.entry().get("token");
        if (token != null) {
            return new Setting<>(token, Source.CONTEXT, "context " + sel.name());
        }
        String file = sel.entry().get("token-file");
        if (file == null) {
            return null;
        }
        Path p = resolveRelative(file);
        String origin = "context " + sel.name() + " token-file " + p;
        try {
            return new Setting<>(BoundedRead.text(p, InputLimit.SECRET), Source.CONTEXT, origin);
        } catch (BoundedRead.TooLarge e) {
            throw new UsageException(e.about("token file '" + p + "' (" + origin + ")"));
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof NoSuchFileException ? TokenFiles.NO_SUCH_FILE : describe(e);
            // The resolved path would carry a token given as the file into the message: name only the context.
            throw TokenFiles.looksLikeToken(file)
                ? TokenFiles.unreadable(file, "context " + sel.name(), reason, "'token:' in the context")
                : TokenFiles.unreadable(p.toString(), origin, reason, "'token:' in the context");
        }
    }

    /** A path from the file: ~ expanded; relative ones are relative to the config file's directory. */
    public Path resolveRelative(String raw) {
        Path p = raw.equals("~") || raw.startsWith("~/") ? path(raw, env) : Path.of(raw);
        if (!p.isAbsolute() && location.path() != null) {
            p = location.path().toAbsolutePath().getParent().resolve(p);
        }
        return p.normalize();
    }

    /**
     * Changes the file as it is on disk now: under the writers' lock the file is read again,
     * {@code change} is applied to that content, and the result replaces the file atomically, so
     * writers running at the same time never lose each other's changes. Afterwards {@link #file()}
     * is what was written. {@code by} names this run to a writer that has to wait ("mgmt login").
     */
    public <T> T update(String by, Function<ConfigFile, T> change) {
        Path p = location.path();
        if (p == null) {
            throw new UsageException("cannot tell where to save the config: HOME is not set",
                "Pass --config FILE or set MGMT_CONFIG.");
        }
        try {
            Path real = ConfigWriter.realTarget(p);
            ConfigWriter.ensureDirectory(real.getParent());
            String holder = "pid " + ProcessHandle.current().pid() + " (" + by + ")";
            try (ConfigLock lock = ConfigLock.acquire(real, holder, env.clock(), env.sleeper(), this::notice)) {
                file = null;
                exists = false;
                T result = change.apply(file());
                ConfigWriter.writeAtomically(real, ConfigWriter.render(file));
                exists = true;
                return result;
            }
        } catch (IOException e) {
            throw new UsageException("cannot write config file " + p + ": " + describe(e));
        }
    }

    private void notice(String line) {
        err.println(line);
        err.flush();
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException && ((java.nio.file.FileSystemException) e).getReason() != null) {
            return ((java.nio.file.FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
