package dev.mgmt.run;

import dev.mgmt.client.ApiClient;
import dev.mgmt.client.BaseUrl;
import dev.mgmt.client.EnvProxySelector;
import dev.mgmt.client.HttpTransport;
import dev.mgmt.client.TlsContexts;
import dev.mgmt.client.Tracer;
import dev.mgmt.client.retry.Backoff;
import dev.mgmt.client.retry.RetryLoop;
import dev.mgmt.client.retry.RetryNotifier;
import dev.mgmt.client.retry.RetryPolicy;
import dev.mgmt.config.Config;
import dev.mgmt.diagnose.Troubleshooter;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.UsageException;
import dev.mgmt.process.Env;
import dev.mgmt.process.Version;
import dev.mgmt.report.Checklist;
import dev.mgmt.report.ErrorReporter;
import dev.mgmt.settings.ColorMode;
import dev.mgmt.settings.Flags;
import dev.mgmt.settings.OutputFormat;
import dev.mgmt.settings.Setting;
import dev.mgmt.settings.Settings;
import dev.mgmt.settings.SettingsResolver;
import dev.mgmt.settings.Source;
import dev.mgmt.text.Redactor;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * The state of one mgmt run: the environment, the parsed global options, and what is built from
 * them on first use (settings, the HTTP client). Nothing is built that the command does not ask
 * for, which keeps start-up short; everything built is closed when the run ends.
 */
public final class Invocation implements AutoCloseable {
    private final Env env;
    private final Flags options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Redactor redactor = new Redactor();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final SandboxLauncher sandboxLauncher;

    private Settings settings;
    private ApiClient client;
    private Config config;
    private boolean withoutToken;

    /** Starts the embedded emulator for --sandbox; returns its manager URL and token. */
    public interface SandboxLauncher {
        Endpoint start(Invocation invocation) throws Exception;

        /** A running emulator: where it listens, the token to use, and how to stop it. */
        record Endpoint(String url, String token, AutoCloseable stopper) {
        }
    }

    public Invocation(Env env, Flags options, PrintWriter out, PrintWriter err, SandboxLauncher sandboxLauncher) {
        this.env = env;
        this.options = options;
        this.out = out;
        this.err = err;
        this.sandboxLauncher = sandboxLauncher;
    }

    public Env env() {
        return env;
    }

    public Flags options() {
        return options;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Redactor redactor() {
        return redactor;
    }

    /** The config file and context selection; the file itself is read on first use. */
    public Config config() {
        if (config == null) {
            config = new Config(Config.locate(options.config(), env), options.context(), env, err, redactor);
        }
        return config;
    }

    /**
     * For 'mgmt login', which gets a token: settings are resolved without any token (flag, env or
     * context), and a --context that does not exist yet is allowed (login creates it).
     * Call before the first {@link #settings()}.
     */
    public void resolveWithoutToken() {
        withoutToken = true;
    }

    public Settings settings() {
        if (settings == null) {
            Function<String, Setting<String>> context = key -> null;
            Map<String, Setting<String>> chosen = Map.of();
            Env resolveEnv = env;
            if (options.sandbox()) {
                chosen = startSandbox();
            } else {
                context = config().lookup(withoutToken, !withoutToken);
            }
            if (withoutToken) {
                java.util.Map<String, String> vars = new java.util.HashMap<>(env.vars());
                vars.remove("MGMT_TOKEN");
                vars.remove("MGMT_TOKEN_FILE");
                resolveEnv = env.withVars(vars);
            }
            settings = new SettingsResolver(options, resolveEnv, context, chosen).resolve();
            redactor.register(settings.token().value());
        }
        return settings;
    }

    /**
     * --sandbox is an explicit choice of server, so its URL beats MGMT_URL, and its token beats an
     * environment token meant for a real manager; only a token given by flag is kept.
     */
    private Map<String, Setting<String>> startSandbox() {
        SandboxLauncher.Endpoint endpoint;
        try {
            endpoint = sandboxLauncher.start(this);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the sandbox: " + e.getMessage(), e);
        }
        resources.add(endpoint.stopper());
        Map<String, Setting<String>> chosen = new java.util.HashMap<>();
        chosen.put("url", new Setting<>(endpoint.url(), Source.SANDBOX, "--sandbox"));
        if (options.token() == null && options.tokenFile() == null) {
            chosen.put("token", new Setting<>(endpoint.token(), Source.SANDBOX, "--sandbox"));
        }
        return chosen;
    }

    public ApiClient client() {
        if (client == null) {
            Settings s = settings();
            BaseUrl base = BaseUrl.parse(s.url().value());
            if (s.insecure()) {
                err.println(TlsContexts.INSECURE_WARNING);
                err.flush();
            }
            if (s.token().isSet() && base.isPlainHttp() && !base.isLoopback()) {
                err.println("warning: sending the token over plain http:// to " + base.host() + "; use https://");
                err.flush();
            }
            SSLContext ssl = TlsContexts.choose(s.insecure(), s.cacert().isSet() ? s.cacert().value() : null,
                base.isPlainHttp());
            EnvProxySelector proxy = EnvProxySelector.fromEnv(env);
            if (proxy != null) {
                proxy.credentials().passwords().forEach(redactor::registerPassword);
            }
            HttpTransport transport = new HttpTransport(s.connectTimeout().value(), s.timeout().value(), ssl, proxy);
            Tracer tracer = new Tracer(err, s.verbosity(), s.curl(), redactor);
            client = new ApiClient(base, s.token().value(), Version.userAgent(), transport, tracer,
                retryLoop(s, tracer));
            resources.add(0, client);
        }
        return client;
    }

    /** Retries as the settings say, timed by the environment's clock, sleeper and random source. */
    private RetryLoop retryLoop(Settings s, Tracer tracer) {
        RetryPolicy policy = new RetryPolicy(s.retries().value(), s.retryMaxTime().value(), s.retryNonIdempotent(),
            Backoff.defaults());
        RetryNotifier notifier = new RetryNotifier(err, s.quiet(), env.stderrTerminal(), tracer, redactor);
        return new RetryLoop(policy, env.clock(), env.sleeper(), env.random(), notifier);
    }

    /** The client, insisting on a token: commands that always need one fail before sending (exit 4). */
    public ApiClient authenticatedClient() {
        ApiClient c = client();
        if (!c.hasToken()) {
            throw new MgmtException(ExitCodes.UNAUTHORIZED,
                "no token: pass --token-file FILE, set MGMT_TOKEN, or use a context that has one",
                List.of("Try the embedded emulator without a token: mgmt --sandbox get projects"), null);
        }
        return c;
    }

    /** The width to fit tables to: the terminal's when stdout is one and its width is known, else 0. */
    public int tableWidth() {
        if (!env.stdoutTerminal()) {
            return 0;
        }
        try {
            String cols = env.var("COLUMNS");
            return cols == null ? 120 : Integer.parseInt(cols.strip());
        } catch (NumberFormatException e) {
            return 120;
        }
    }

    /** The output format, or table when the configured one is invalid (used while reporting errors). */
    public OutputFormat outputLenient() {
        if (settings != null) {
            return settings.output().value();
        }
        String raw = options.output() != null ? options.output() : env.var("MGMT_OUTPUT");
        if (raw == null) {
            return OutputFormat.TABLE;
        }
        try {
            return OutputFormat.parse(raw, "");
        } catch (RuntimeException e) {
            return OutputFormat.TABLE;
        }
    }

    public boolean colorOnStdout() {
        return color(env.stdoutTerminal());
    }

    public boolean colorOnStderr() {
        return color(env.stderrTerminal());
    }

    private boolean color(boolean terminal) {
        ColorMode mode;
        try {
            mode = options.color() != null ? ColorMode.parse(options.color()) : ColorMode.AUTO;
        } catch (RuntimeException e) {
            mode = ColorMode.AUTO;
        }
        if (mode == ColorMode.ALWAYS) {
            return true;
        }
        if (mode == ColorMode.NEVER || env.has("NO_COLOR") && !env.vars().get("NO_COLOR").isEmpty()) {
            return false;
        }
        return terminal && !"dumb".equals(env.var("TERM"));
    }

    /** ✓ ✗ glyphs only when stderr is a terminal whose locale says UTF-8. */
    public boolean unicodeOnStderr() {
        return dev.mgmt.report.Glyphs.unicodeTerminal(env, env.stderrTerminal());
    }

    /**
     * The troubleshooting checklist for a failure: empty with --quiet, for usage errors, for
     * failures without a topic, and when the checks themselves break.
     */
    public Checklist checklistFor(MgmtException e) {
        if (options.quiet() || e instanceof UsageException || Troubleshooter.topicFor(e) == null) {
            return Checklist.empty();
        }
        try {
            return new Troubleshooter(env, this::settings, client == null ? null : client.transport()).checklistFor(e);
        } catch (RuntimeException bug) {
            return Checklist.empty();
        }
    }

    public ErrorReporter errorReporter() {
        return new ErrorReporter(err, colorOnStderr(), outputLenient().structured(), redactor, unicodeOnStderr(),
            options.quiet());
    }

    public boolean debug() {
        return env.var("MGMT_DEBUG") != null;
    }

    @Override
    public void close() {
        for (AutoCloseable c : resources) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Closing is best effort at exit.
            }
        }
        resources.clear();
        out.flush();
        err.flush();
    }
}
