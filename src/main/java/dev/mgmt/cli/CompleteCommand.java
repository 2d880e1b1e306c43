package dev.mgmt.cli;

import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.ResourceReader;
import dev.mgmt.resources.Target;
import dev.mgmt.run.Invocation;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code mgmt __complete KIND|contexts}: names for the shell completion scripts, one a line, for every kind
 * {@code mgmt get} lists (as its {@code -o name} prints them; an endpoint's path once, whatever its methods).
 * Hidden. Never fails and never prints to stderr: offline, without a token, with a broken config or without the
 * context the kind needs (-p, --proxy, --credential) it prints nothing, sends nothing and exits 0. Server names are
 * cached for {@link #TTL} under {@code $XDG_CACHE_HOME/mgmt/complete/} (default {@code ~/.cache}), keyed by URL,
 * kind and where the list is.
 */
@Command(name = "__complete", hidden = true, description = "Names for shell completion (internal).")
public final class CompleteCommand extends BaseCommand {
    static final Duration TTL = Duration.ofSeconds(60);

    @Parameters(index = "0", paramLabel = "KIND",
        description = "A kind mgmt get lists (with the context it needs), or contexts.")
    String kind;

    @Option(names = "--proxy", paramLabel = "NAME", description = "The API proxy (for endpoints and policies).")
    String proxy;

    @Option(names = "--credential", paramLabel = "USERNAME", description = "The credential (for access).")
    String credential;

    @Option(names = "--type", paramLabel = "TYPE", description = "Connection type (default: every type in turn).")
    String type;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        List<String> names;
        try {
            names = names(inv);
        } catch (RuntimeException e) {
            names = List.of();
        }
        for (String n : names) {
            inv.out().println(n);
        }
        inv.out().flush();
        return 0;
    }

    private List<String> names(Invocation inv) {
        if (kind.equals("contexts")) {
            return new ArrayList<>(inv.config().file().contexts().keySet());
        }
        Kind k = Kinds.find(kind);
        return k.listable() ? fromServer(inv, k) : List.of();
    }

    private List<String> fromServer(Invocation inv, Kind k) {
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
        // missing context fails here, before anything is sent
        Target target = Target.of(k, inv.settings().project().value(), proxy, credential, type);
        Path cache = cacheFile(inv, url + "\n" + k.plural() + "\n" + String.join("\n", target.listPaths()));
        List<String> cached = readFresh(cache);
        if (cached != null) {
            return cached;
        }
        List<String> names = lines(new ResourceReader(inv.client()).names(target));
        write(cache, names);
        return names;
    }

    /** Each name once, leaving out those a shell cannot take as one line. */
    private static List<String> lines(List<String> names) {
        Set<String> kept = new LinkedHashSet<>();
        for (String name : names) {
            if (!name.isEmpty() && name.indexOf('\n') < 0) {
                kept.add(name);
            }
        }
        return new ArrayList<>(kept);
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
