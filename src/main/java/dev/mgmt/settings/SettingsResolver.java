package dev.mgmt.settings;

import dev.mgmt.errors.UsageException;
import dev.mgmt.process.BoundedRead;
import dev.mgmt.process.Env;
import dev.mgmt.process.InputLimit;
import dev.mgmt.text.Durations;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place that applies precedence: flag, then environment variable, then the config
 * context, then the default. Bad values are usage errors naming where they came from.
 */
public final class SettingsResolver {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_RETRIES = 3;
    static final Duration DEFAULT_RETRY_MAX_TIME = Duration.ofSeconds(60);

    private final Flags flags;
    private final Env env;
    /** Context values by key ("url", "token", ...); filled in by the config-file layer. */
    private final Function<String, Setting<String>> context;

    /** Values a flag chose wholesale (--sandbox picks the URL and, unless one is given by flag, the token). */
    private final Map<String, Setting<String>> chosen;

    public SettingsResolver(Flags flags, Env env, Function<String, Setting<String>> context) {
        this(flags, env, context, Map.of());
    }

    public SettingsResolver(Flags flags, Env env, Function<String, Setting<String>> context,
                            Map<String, Setting<String>> chosen) {
        this.flags = flags;
        this.env = env;
        this.context = context;
        this.chosen = chosen;
    }

    public Settings resolve() {
        Setting<String> output = pick(flags.output(), "-o", "MGMT_OUTPUT", "output");
        Setting<String> retries = flags.noRetry()
            ? new Setting<>("0", Source.FLAG, "--no-retry")
            : pick(flags.retries(), "--retries", "MGMT_RETRIES", "retries");
        return new Settings(
            pick(flags.url(), "--url", "MGMT_URL", "url"),
            token(),
            pick(flags.project(), "--project", "MGMT_PROJECT", "project"),
            pick(flags.environment(), "--environment", "MGMT_ENVIRONMENT", "environment"),
            output.isSet()
                ? new Setting<>(OutputFormat.parse(output.value(), output.origin()), output.source(), output.origin())
                : new Setting<>(OutputFormat.TABLE, Source.DEFAULT, "default"),
            seconds(pick(flags.timeout(), "--timeout", "MGMT_TIMEOUT", "timeout"), DEFAULT_TIMEOUT, false),
            seconds(pick(flags.connectTimeout(), "--connect-timeout", null, "connect-timeout"), DEFAULT_CONNECT_TIMEOUT, false),
            count(retries),
            seconds(pick(flags.retryMaxTime(), "--retry-max-time", null, "retry-max-time"), DEFAULT_RETRY_MAX_TIME, true),
            flags.retryNonIdempotent(),
            flags.insecure() || "true".equals(contextValue("insecure")),
            pick(flags.cacert(), "--cacert", "MGMT_CACERT", "cacert"),
            flags.verbosity(),
            flags.curl(),
            flags.quiet(),
            output.isSet() ? OutputFormat.argument(output.value()) : null);
    }

    private String contextValue(String key) {
        Setting<String> s = context.apply(key);
        return s == null ? null : s.value();
    }

    private Setting<String> pick(String flagValue, String flagName, String envName, String contextKey) {
        if (chosen.containsKey(contextKey)) {
            return chosen.get(contextKey);
        }
        if (flagValue != null) {
            return new Setting<>(flagValue, Source.FLAG, flagName);
        }
        if (envName != null && env.var(envName) != null) {
            return new Setting<>(env.var(envName), Source.ENV, envName);
        }
        Setting<String> fromContext = context.apply(contextKey);
        return fromContext != null && fromContext.isSet() ? fromContext : Setting.none();
    }

    private Setting<String> token() {
        if (flags.token() != null) {
            return checkedToken(flags.token(), Source.FLAG, "--token");
        }
        if (flags.tokenFile() != null) {
            return checkedToken(readTokenFile(flags.tokenFile(), "--token-file"), Source.FLAG, "--token-file " + flags.tokenFile());
        }
        if (chosen.containsKey("token")) {
            return chosen.get("token");
        }
        if (env.var("MGMT_TOKEN") != null) {
            return checkedToken(env.var("MGMT_TOKEN"), Source.ENV, "MGMT_TOKEN");
        }
        if (env.var("MGMT_TOKEN_FILE") != null) {
            String file = env.var("MGMT_TOKEN_FILE");
            return checkedToken(readTokenFile(file, "MGMT_TOKEN_FILE"), Source.ENV, "MGMT_TOKEN_FILE " + file);
        }
        Setting<String> fromContext = context.apply("token");
        if (fromContext != null && fromContext.isSet()) {
            return checkedToken(fromContext.value(), fromContext.source(), fromContext.origin());
        }
        return Setting.none();
    }

    private static Setting<String> checkedToken(String raw, Source source, String origin) {
        String token = raw.strip();
        if (token.isEmpty()) {
            throw new UsageException("the token from " + origin + " is empty");
        }
        if (token.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new UsageException("the token from " + origin + " spans several lines; it must be one line");
        }
        return new Setting<>(token, source, origin);
    }

    private String readTokenFile(String file, String origin) {
        String instead = origin.equals("--token-file") ? "--token" : "MGMT_TOKEN";
        try {
            if (file.equals("-")) {
                return BoundedRead.text(env.stdin(), InputLimit.SECRET);
            }
            return BoundedRead.text(Path.of(file), InputLimit.SECRET);
        } catch (BoundedRead.TooLarge e) {
            throw new UsageException(e.about("token file '" + file + "' (" + origin + ")"));
        } catch (NoSuchFileException e) {
            throw TokenFiles.unreadable(file, origin, TokenFiles.NO_SUCH_FILE, instead);
        } catch (IOException | RuntimeException e) {
            throw TokenFiles.unreadable(file, origin, String.valueOf(e.getMessage()), instead);
        }
    }

    private static Setting<Duration> seconds(Setting<String> raw, Duration dflt, boolean zeroAllowed) {
        if (!raw.isSet()) {
            return new Setting<>(dflt, Source.DEFAULT, "default");
        }
        try {
            Duration d = Durations.parse(raw.value(), Durations.Bare.SECONDS, false);
            if (!zeroAllowed && d.isZero()) {
                throw new IllegalArgumentException("zero");
            }
            return new Setting<>(d, raw.source(), raw.origin());
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid " + raw.origin() + " '" + raw.value() + "': expected a number of seconds"
                + (zeroAllowed ? "" : " greater than 0") + ", or a duration such as 500ms or 2m");
        }
    }

    private static Setting<Integer> count(Setting<String> raw) {
        if (!raw.isSet()) {
            return new Setting<>(DEFAULT_RETRIES, Source.DEFAULT, "default");
        }
        try {
            int n = Integer.parseInt(raw.value().strip());
            if (n < 0 || n > 100) {
                throw new NumberFormatException();
            }
            return new Setting<>(n, raw.source(), raw.origin());
        } catch (NumberFormatException e) {
            throw new UsageException("invalid " + raw.origin() + " '" + raw.value() + "': expected a whole number from 0 to 100");
        }
    }
}
