package dev.mgmt.cli;

import dev.mgmt.resources.ResourceReader;
import dev.mgmt.run.Invocation;
import dev.mgmt.resources.Kinds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code mgmt __complete projects|environments|proxies|endpoints|contexts}: names for the shell completion
 * scripts, one a line. Hidden. Never fails and never prints to stderr: offline, without a token or with a broken
 * config it prints nothing and exits 0. Server names are cached for {@link #TTL} under
 * {@code $XDG_CACHE_HOME/mgmt/complete/} (default {@code ~/.cache}), keyed by URL, kind and project.
 */
@Command(name = "__complete", hidden = true, description = "Names for shell completion (internal).")
public final class CompleteCommand extends BaseCommand {
    static final Duration TTL = Duration.ofSeconds(60);

    /** The kinds whose names come from the server, as the scripts name them. */
    static final List<String> SERVER_KINDS = List.of("projects", "environments", "proxies", "endpoints");

    @Parameters(index = "0", paramLabel = "KIND",
        description = "projects, environments, proxies (of -p), endpoints (of -p and --proxy) or contexts.")
    String kind;

    @Option(names = "--proxy", paramLabel = "NAME", description = "The API proxy whose endpoints to name.")
    String proxy;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        List<String> names;
        try {
            names = names(inv);
        } catch (RuntimeException | IOException e) {
            names = List.of();
        }
        for (String n : names) {
            inv.out().println(n);
        }
        inv.out().flush();
        return 0;
    }

    private List<String> names(Invocation inv) throws IOException {
        switch (kind) {
            case "contexts":
                return new ArrayList<>(inv.config().file().contexts().keySet());
            default:
                return SERVER_KINDS.contains(kind) ? fromServer(inv) : List.of();
        }
    }

    private List<String> fromServer(Invocation inv) throws IOException {
        GlobalOptions o = options();
        o.noRetry = true;
        o.verbose = new boolean[0];
        o.curl = false;
        o.quiet = true;
        o.connectTimeout = "1";
        o.timeout = "2";
        String url = inv.settings().url().value();
        if (url == null || url.isBlank()) {
            return List.of();
        }
        String project = kind.equals("projects") ? null : inv.settings().project().value();
        boolean inProxy = kind.equals("endpoints");
        if ((kind.equals("proxies") || inProxy) && project == null || inProxy && proxy == null) {
            return List.of();
        }
        Path cache = cacheFile(inv, url + "\n" + kind + "\n" + (project == null ? "" : project)
            + (inProxy ? "\n" + proxy : ""));
        List<String> cached = readFresh(cache);
        if (cached != null) {
            return cached;
        }
        ResourceReader reader = new ResourceReader(inv.client());
        String field = Kinds.find(kind).nameField();
        List<String> names = project == null ? reader.quickNames(field, kind)
            : inProxy ? reader.quickNames(field, "projects", project, "apiProxies", proxy, "endpoints")
            : kind.equals("proxies") ? reader.quickNames(field, "projects", project, "apiProxies")
            : reader.quickNames(field, kind, project);
        if (names == null) {
            return List.of();
        }
        write(cache, names);
        return names;
    }

    private static Path cacheFile(Invocation inv, String key) {
        String base = inv.env().var("XDG_CACHE_HOME");
        Path dir = base != null && !base.isBlank() ? Path.of(base)
            : Path.of(inv.env().vars().getOrDefault("HOME", System.getProperty("user.home")), ".cache");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve("mgmt").resolve("complete").resolve(HexFormat.of().formatHex(digest, 0, 12) + ".txt");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readFresh(Path cache) {
        try {
            // file times are real time, whatever clock the run uses
            long age = System.currentTimeMillis() - Files.getLastModifiedTime(cache).toMillis();
            if (age >= 0 && age < TTL.toMillis()) {
                return Files.readAllLines(cache, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // no cache yet
        }
        return null;
    }

    /** Temporary file and rename, so concurrent completions never see half a list. */
    private static void write(Path cache, List<String> names) {
        try {
            Files.createDirectories(cache.getParent());
            Path tmp = Files.createTempFile(cache.getParent(), "names", ".tmp");
            Files.write(tmp, names, StandardCharsets.UTF_8);
            Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a cache is an optimisation only
        }
    }
}
