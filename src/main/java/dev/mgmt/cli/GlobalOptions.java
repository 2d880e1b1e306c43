package dev.mgmt.cli;

import dev.mgmt.settings.Flags;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes. Raw as typed (null when absent): precedence against environment
 * variables and config contexts is the resolver's job, so it lives in one place.
 */
public final class GlobalOptions implements Flags {

    @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT, order = 1,
        description = "Manager URL (env MGMT_URL); https://host, https://host/ and https://host/apiops/ are the same.")
    public String url;

    @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT, order = 2,
        description = "Personal access token (env MGMT_TOKEN). Prefer --token-file: flags end up in shell history.")
    public String token;

    @Option(names = "--token-file", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 3,
        description = "Read the token from FILE ('-' = stdin) (env MGMT_TOKEN_FILE).")
    public String tokenFile;

    @Option(names = "--context", paramLabel = "NAME", scope = ScopeType.INHERIT, order = 4,
        description = "Context from the config file (env MGMT_CONTEXT).")
    public String context;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 5,
        description = "Config file (env MGMT_CONFIG; default $XDG_CONFIG_HOME/mgmt/config.yaml).")
    public String config;

    @Option(names = {"-p", "--project"}, paramLabel = "NAME", scope = ScopeType.INHERIT, order = 6,
        description = "Project (env MGMT_PROJECT).")
    public String project;

    @Option(names = {"-e", "--environment"}, paramLabel = "NAME", scope = ScopeType.INHERIT, order = 7,
        description = "Environment (env MGMT_ENVIRONMENT).")
    public String environment;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT, order = 8,
        completionCandidates = OutputFormats.class,
        description = "table (default), wide, json, yaml, name, custom-columns=HEADER:.field,... or jsonpath=EXPR (env MGMT_OUTPUT).")
    public String output;

    /** -o values for the completion scripts of every shell. */
    public static final class OutputFormats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return dev.mgmt.settings.OutputFormat.spellings().iterator();
        }
    }

    @Option(names = {"-q", "--query"}, paramLabel = "EXPR", scope = ScopeType.INHERIT, order = 9,
        description = "JSONPath filter applied to the JSON result before printing.")
    public String query;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, order = 10,
        description = "-v: request line, status, timing, retries; -vv: + headers; -vvv: + bodies.")
    public boolean[] verbose = new boolean[0];

    @Option(names = "--curl", scope = ScopeType.INHERIT, order = 11,
        description = "Print the equivalent curl command to stderr before sending (the token stays in $MGMT_TOKEN).")
    public boolean curl;

    @Option(names = "--retries", paramLabel = "N", scope = ScopeType.INHERIT, order = 12,
        description = "Retries after the first attempt for retryable failures (env MGMT_RETRIES; default 3).")
    public String retries;

    @Option(names = "--retry-max-time", paramLabel = "S", scope = ScopeType.INHERIT, order = 13,
        description = "Stop retrying once S seconds have passed since the first attempt (default 60).")
    public String retryMaxTime;

    @Option(names = "--no-retry", scope = ScopeType.INHERIT, order = 14, description = "Same as --retries 0.")
    public boolean noRetry;

    @Option(names = "--retry-non-idempotent", scope = ScopeType.INHERIT, order = 15,
        description = "Also retry POST and PATCH (they may be applied twice).")
    public boolean retryNonIdempotent;

    @Option(names = "--timeout", paramLabel = "S", scope = ScopeType.INHERIT, order = 16,
        description = "Per-request timeout in seconds (env MGMT_TIMEOUT; default 30).")
    public String timeout;

    @Option(names = "--connect-timeout", paramLabel = "S", scope = ScopeType.INHERIT, order = 17,
        description = "Connect timeout in seconds (default 10).")
    public String connectTimeout;

    @Option(names = "--insecure", scope = ScopeType.INHERIT, order = 18,
        description = "Skip TLS certificate and host name verification (warns every time).")
    public boolean insecure;

    @Option(names = "--cacert", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 19,
        description = "Trust the CAs in this PEM bundle as well as the system's (env MGMT_CACERT).")
    public String cacert;

    @Option(names = "--color", paramLabel = "WHEN", scope = ScopeType.INHERIT, order = 20,
        description = "auto (default: only on a terminal), always or never; NO_COLOR set means never.")
    public String color;

    @Option(names = "--quiet", scope = ScopeType.INHERIT, order = 21,
        description = "No troubleshooting checklist, no progress; errors stay one line on stderr.")
    public boolean quiet;

    @Option(names = "--sandbox", scope = ScopeType.INHERIT, order = 22,
        description = "Start the embedded emulator on a free loopback port for this command and use it.")
    public boolean sandbox;

    @Option(names = "--no-headers", scope = ScopeType.INHERIT, order = 23,
        description = "Tables (also -o wide) print no header line.")
    public boolean noHeaders;

    @Option(names = "--sort-by", paramLabel = "FIELD", scope = ScopeType.INHERIT, order = 24,
        description = "Sort list output by a field (.name, .a.b or name), ascending; the whole list is held in memory.")
    public String sortBy;

    @Override
    public String sortBy() {
        return sortBy;
    }

    @Override
    public boolean noHeaders() {
        return noHeaders;
    }

    @Override
    public int verbosity() {
        return verbose == null ? 0 : verbose.length;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public String tokenFile() {
        return tokenFile;
    }

    @Override
    public String context() {
        return context;
    }

    @Override
    public String config() {
        return config;
    }

    @Override
    public String project() {
        return project;
    }

    @Override
    public String environment() {
        return environment;
    }

    @Override
    public String output() {
        return output;
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public boolean curl() {
        return curl;
    }

    @Override
    public String retries() {
        return retries;
    }

    @Override
    public String retryMaxTime() {
        return retryMaxTime;
    }

    @Override
    public boolean noRetry() {
        return noRetry;
    }

    @Override
    public boolean retryNonIdempotent() {
        return retryNonIdempotent;
    }

    @Override
    public String timeout() {
        return timeout;
    }

    @Override
    public String connectTimeout() {
        return connectTimeout;
    }

    @Override
    public boolean insecure() {
        return insecure;
    }

    @Override
    public String cacert() {
        return cacert;
    }

    @Override
    public String color() {
        return color;
    }

    @Override
    public boolean quiet() {
        return quiet;
    }

    @Override
    public boolean sandbox() {
        return sandbox;
    }
}
