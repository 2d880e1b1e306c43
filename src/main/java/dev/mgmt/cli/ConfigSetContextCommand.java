package dev.mgmt.cli;

import dev.mgmt.client.BaseUrl;
import dev.mgmt.config.Config;
import dev.mgmt.config.ConfigFile;
import dev.mgmt.config.ContextEntry;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.process.BoundedRead;
import dev.mgmt.process.InputLimit;
import dev.mgmt.run.Invocation;
import dev.mgmt.settings.Flags;
import dev.mgmt.settings.TokenFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mgmt config set-context NAME [--url ..] [--token-file ..] [-p ..] [-e ..]}: creates or changes a
 * context from the global options given on this command line (never from environment variables).
 */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt config set-context prod --url https://mgr.example.com --token-file ~/.mgmt/prod.token -p MyProject",
        "  mgmt config set-context prod -e production --timeout 60 --current",
        "  mgmt config set-context prod --unset project,environment",
        "  printf %%s \"$TOKEN\" | mgmt config set-context ci --url https://mgr.example.com --token-file -"},
    name = "set-context", description = {
    "Create the context NAME, or change it.",
    "Stores the global options given on this command line (--url, --token-file, --token, -p/--project,",
    "-e/--environment, --cacert, --insecure, --timeout, --retries).",
    "Environment variables are not stored. --token-file FILE stores the path; --token-file - reads the token",
    "from stdin and stores it. Prefer either to --token, which leaves the token in your shell history.",
    "The first context created becomes the current one."})
public final class ConfigSetContextCommand extends BaseCommand {
    private static final List<String> UNSETTABLE = List.of("url", "token", "token-file", "project", "environment",
        "output", "timeout", "connect-timeout", "retries", "retry-max-time", "cacert", "insecure");

    @Parameters(index = "0", paramLabel = "NAME", description = "Context name.")
    String name;

    @Option(names = "--unset", paramLabel = "KEY", split = ",",
        description = "Remove these keys from the context (repeatable or comma-separated), e.g. --unset project,token.")
    List<String> unset = new ArrayList<>();

    @Option(names = "--current", description = "Also make NAME the current context.")
    boolean current;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        Flags o = inv.options();
        ConfigSupport.checkContextName(name);
        for (String key : unset) {
            if (!UNSETTABLE.contains(key)) {
                throw new UsageException("--unset: unknown key '" + key + "'; expected one of " + String.join(", ", UNSETTABLE));
            }
        }
        if (o.token() != null && o.tokenFile() != null) {
            throw new UsageException("give either --token or --token-file, not both");
        }
        if (o.url() != null) {
            BaseUrl.parse(o.url());
        }
        checkNumber(o.timeout(), "--timeout", false);
        checkNumber(o.connectTimeout(), "--connect-timeout", false);
        checkNumber(o.retryMaxTime(), "--retry-max-time", true);
        if (o.retries() != null) {
            try {
                int n = Integer.parseInt(o.retries().strip());
                if (n < 0 || n > 100) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new UsageException("invalid --retries '" + o.retries() + "': expected a whole number from 0 to 100");
            }
        }
        String token = null;
        String tokenFile = null;
        if (o.token() != null) {
            token = o.token().strip();
            if (token.isEmpty()) {
                throw new UsageException("--token is empty");
            }
            inv.redactor().register(token);
            ConfigSupport.warn(inv, "--token leaves the token in your shell history (and in 'ps' while mgmt runs);"
                + " prefer --token-file FILE, or --token-file - to read it from stdin");
        } else if ("-".equals(o.tokenFile())) {
            try {
                token = BoundedRead.text(inv.env().stdin(), InputLimit.SECRET).strip();
            } catch (BoundedRead.TooLarge e) {
                throw new UsageException(e.about("the token from stdin (--token-file -)"));
            } catch (IOException e) {
                throw new UsageException("cannot read the token from stdin: " + e.getMessage());
            }
            if (token.isEmpty() || token.contains("\n") || token.contains("\r")) {
                throw new UsageException("the token read from stdin (--token-file -) must be one non-empty line");
            }
            inv.redactor().register(token);
        } else if (o.tokenFile() != null) {
            Path p = Path.of(o.tokenFile()).toAbsolutePath().normalize();
            if (!Files.isReadable(p)) {
                if (TokenFiles.looksLikeToken(o.tokenFile())) {
                    throw TokenFiles.unreadable(o.tokenFile(), "--token-file", TokenFiles.NO_SUCH_FILE, "--token");
                }
                ConfigSupport.warn(inv, "token file " + p + " does not exist or is not readable (yet)");
            }
            tokenFile = p.toString();
        }

        Config config = inv.config();
        String storedToken = token;
        String storedTokenFile = tokenFile;
        Change change = config.update(spec.qualifiedName(), file -> apply(file, o, storedToken, storedTokenFile));
        if (o.insecure()) {
            ConfigSupport.warn(inv, "context \"" + name + "\" will skip TLS verification (insecure: true)");
        }
        ConfigSupport.note(inv, (change.created() ? "Context \"" + name + "\" created" : "Context \"" + name + "\" modified")
            + " in " + config.displayPath() + (change.becameCurrent() ? "; it is now the current context." : "."));
        return ExitCodes.OK;
    }

    /** What one run changed, told to the user once the file is written. */
    private record Change(boolean created, boolean becameCurrent) {
    }

    /** Applies this command line to the file's content as it is under the lock. */
    private Change apply(ConfigFile file, Flags o, String token, String tokenFile) {
        ContextEntry entry = file.context(name);
        boolean created = entry == null;
        if (created) {
            entry = new ContextEntry();
            file.contexts().put(name, entry);
        }
        for (String key : unset) {
            entry.set(key, null);
            if (key.equals("token")) {
                entry.set("token-expires", null);
            }
        }
        set(entry, "url", o.url() == null ? null : o.url().strip());
        if (token != null) {
            entry.set("token", token);
            entry.set("token-file", null);
            entry.set("token-expires", null);
        }
        if (tokenFile != null) {
            entry.set("token-file", tokenFile);
            entry.set("token", null);
            entry.set("token-expires", null);
        }
        set(entry, "project", o.project());
        set(entry, "environment", o.environment());
        set(entry, "timeout", o.timeout());
        set(entry, "connect-timeout", o.connectTimeout());
        set(entry, "retries", o.retries());
        set(entry, "retry-max-time", o.retryMaxTime());
        set(entry, "cacert", o.cacert() == null ? null : Path.of(o.cacert()).toAbsolutePath().normalize().toString());
        if (o.insecure()) {
            entry.set("insecure", "true");
        }
        boolean becameCurrent = false;
        if (current || file.currentContext() == null) {
            becameCurrent = !name.equals(file.currentContext());
            file.setCurrentContext(name);
        }
        return new Change(created, becameCurrent);
    }

    private static void set(ContextEntry entry, String key, String value) {
        if (value != null) {
            entry.set(key, value.strip());
        }
    }

    private static void checkNumber(String raw, String flag, boolean zeroAllowed) {
        if (raw == null) {
            return;
        }
        try {
            BigDecimal s = new BigDecimal(raw.strip());
            if (s.signum() < 0 || (!zeroAllowed && s.signum() == 0)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new UsageException("invalid " + flag + " '" + raw + "': expected a number of seconds"
                + (zeroAllowed ? "" : " greater than 0"));
        }
    }
}
