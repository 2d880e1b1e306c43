package dev.mgmt.settings;

import java.time.Duration;

/**
 * Every setting a command may need, resolved once (flag > environment > context > default),
 * each with where it came from. {@code outputArgument} is what follows '=' in
 * {@code -o custom-columns=SPEC} or {@code -o jsonpath=EXPR}, else null.
 */
public record Settings(Setting<String> url,
                       Setting<String> token,
                       Setting<String> project,
                       Setting<String> environment,
                       Setting<OutputFormat> output,
                       Setting<Duration> timeout,
                       Setting<Duration> connectTimeout,
                       Setting<Integer> retries,
                       Setting<Duration> retryMaxTime,
                       boolean retryNonIdempotent,
                       boolean insecure,
                       Setting<String> cacert,
                       int verbosity,
                       boolean curl,
                       boolean quiet,
                       String outputArgument) {
}
