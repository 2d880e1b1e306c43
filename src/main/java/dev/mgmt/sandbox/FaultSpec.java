package dev.mgmt.sandbox;

import dev.mgmt.text.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A parsed, immutable fault specification: comma-separated terms such as
 * {@code latency=200ms,status=503@0.2,burst=500x3}. See {@link #grammarHelp()}.
 */
public final class FaultSpec {

    /** How injected error responses are rendered. */
    public enum BodyStyle { AUTO, JSON, HTML, PROBLEM, EMPTY }

    /** Where a connection reset happens. */
    public enum Reset { BEFORE_HEADERS, AFTER_HEADERS }

    /** An error status injected with a probability. */
    public record StatusRate(int status, double rate) { }

    /** An error status returned for the next {@code count} matching requests. */
    public record Burst(int status, int count) { }

    static final Set<Integer> FAULT_STATUSES = Set.of(429, 500, 502, 503, 504);

    private final String text;
    Duration latency = Duration.ZERO;
    Duration jitter = Duration.ZERO;
    final List<StatusRate> statusRates = new ArrayList<>();
    final List<Burst> bursts = new ArrayList<>();
    Duration retryAfter = Duration.ofSeconds(1);
    boolean retryAfterHeader = true;
    boolean retryAfterBody = true;
    BodyStyle bodyStyle = BodyStyle.AUTO;
    Reset reset;
    double resetRate;
    double truncateRate;
    double failure200Rate;
    final Set<String> deployFail = new LinkedHashSet<>();
    Duration skew = Duration.ZERO;
    Pattern path;
    final Set<String> methods = new LinkedHashSet<>();

    private FaultSpec(String text) {
        this.text = text;
    }

    /** The empty specification (no faults). */
    public static FaultSpec none() {
        return new FaultSpec("");
    }

    /**
     * Parses a specification.
     *
     * @throws IllegalArgumentException with a one-line message naming the offending term
     */
    public static FaultSpec parse(String spec) {
        String s = spec == null ? "" : spec.trim();
        FaultSpec f = new FaultSpec(s);
        if (s.isEmpty()) {
            return f;
        }
        for (String raw : s.split(",")) {
            String term = raw.trim();
            if (term.isEmpty()) {
                continue;
            }
            try {
                f.apply(term);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad fault term '" + term + "': " + e.getMessage(), e);
            }
        }
        return f;
    }

    private void apply(String term) {
        int eq = term.indexOf('=');
        String key = (eq < 0 ? term : term.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        String value = eq < 0 ? null : term.substring(eq + 1).trim();
        // kinds written without '=' may carry '@rate' directly: truncate@0.5, html502@0.1
        String rateSuffix = null;
        if (eq < 0 && key.contains("@")) {
            rateSuffix = key.substring(key.indexOf('@') + 1);
            key = key.substring(0, key.indexOf('@'));
        }
        switch (key) {
            case "latency" -> latency = duration(need(key, value), false);
            case "jitter" -> jitter = duration(need(key, value), false);
            case "status" -> {
                String v = need(key, value);
                String[] p = v.split("@", 2);
                statusRates.add(new StatusRate(status(p[0]), p.length > 1 ? rate(p[1]) : 1.0));
            }
            case "ratelimit" -> {
                String v = need(key, value);
                if (v.startsWith("x") || v.startsWith("X")) {
                    bursts.add(new Burst(429, count(v.substring(1))));
                } else {
                    statusRates.add(new StatusRate(429, rate(v)));
                }
            }
            case "burst" -> {
                String v = need(key, value).toLowerCase(Locale.ROOT);
                int x = v.indexOf('x');
                if (x < 0) {
                    throw new IllegalArgumentException("expected STATUSxCOUNT, e.g. burst=500x3");
                }
                bursts.add(new Burst(status(v.substring(0, x)), count(v.substring(x + 1))));
            }
            case "html502", "html504" -> {
                noValue(key, value);
                statusRates.add(new StatusRate(key.equals("html502") ? 502 : 504,
                        rateSuffix == null ? 1.0 : rate(rateSuffix)));
            }
            case "retry-after" -> retryAfter = duration(need(key, value), false);
            case "retry-after-header" -> retryAfterHeader = onOff(need(key, value));
            case "retry-after-body" -> retryAfterBody = onOff(need(key, value));
            case "body" -> {
                String v = need(key, value).toUpperCase(Locale.ROOT);
                try {
                    bodyStyle = BodyStyle.valueOf(v);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("body must be one of auto, json, html, problem, empty");
                }
            }
            case "reset" -> {
                String v = need(key, value).toLowerCase(Locale.ROOT);
                String[] p = v.split("@", 2);
                reset = switch (p[0]) {
                    case "before-headers" -> Reset.BEFORE_HEADERS;
                    case "after-headers" -> Reset.AFTER_HEADERS;
                    default -> throw new IllegalArgumentException("reset must be before-headers or after-headers");
                };
                resetRate = p.length > 1 ? rate(p[1]) : 1.0;
            }
            case "truncate" -> {
                noValue(key, value);
                truncateRate = rateSuffix == null ? 1.0 : rate(rateSuffix);
            }
            case "failure200" -> {
                noValue(key, value);
                failure200Rate = rateSuffix == null ? 1.0 : rate(rateSuffix);
            }
            case "deployfail" -> {
                String v = need(key, value);
                deployFail.add(v);
            }
            case "skew" -> skew = duration(need(key, value), true);
            case "path" -> {
                String v = need(key, value);
                try {
                    path = Pattern.compile(v);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("invalid regular expression: "
                            + e.getDescription());
                }
            }
            case "method" -> {
                for (String m : need(key, value).split("\\|")) {
                    String mm = m.trim().toUpperCase(Locale.ROOT);
                    if (!mm.matches("[A-Z]+")) {
                        throw new IllegalArgumentException("method must be like GET or POST|PUT");
                    }
                    methods.add(mm);
                }
            }
            default -> throw new IllegalArgumentException("unknown fault kind '" + key
                    + "' (known: latency, jitter, status, burst, ratelimit, retry-after, retry-after-header,"
                    + " retry-after-body, html502, html504, body, reset, truncate, failure200, deployfail,"
                    + " skew, path, method)");
        }
        if (rateSuffix != null && !(key.equals("html502") || key.equals("html504")
                || key.equals("truncate") || key.equals("failure200"))) {
            throw new IllegalArgumentException("'@rate' is only allowed here as KEY=VALUE@RATE");
        }
    }

    private static String need(String key, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(key + " needs a value (" + key + "=...)");
        }
        return value;
    }

    private static void noValue(String key, String value) {
        if (value != null) {
            throw new IllegalArgumentException(key + " takes no value (use " + key + " or " + key + "@RATE)");
        }
    }

    private static int status(String s) {
        int st;
        try {
            st = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("status '" + s + "' is not a number");
        }
        if (!FAULT_STATUSES.contains(st)) {
            throw new IllegalArgumentException("status must be one of 429, 500, 502, 503, 504");
        }
        return st;
    }

    private static int count(String s) {
        try {
            int n = Integer.parseInt(s.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("count '" + s + "' must be a positive integer");
        }
    }

    static double rate(String s) {
        String t = s.trim();
        double r;
        try {
            r = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100.0 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate '" + s + "' must be a number between 0 and 1 (or a percentage)");
        }
        if (!(r >= 0.0 && r <= 1.0)) {
            throw new IllegalArgumentException("rate '" + s + "' must be between 0 and 1");
        }
        return r;
    }

    private static boolean onOff(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("expected on or off");
        };
    }

    static Duration duration(String s, boolean signed) {
        return Durations.parse(s, Durations.Bare.REFUSED, signed);
    }

    /** True when no fault at all is configured. */
    public boolean isEmpty() {
        return latency.isZero() && jitter.isZero() && statusRates.isEmpty() && bursts.isEmpty() && reset == null
                && truncateRate == 0 && failure200Rate == 0 && deployFail.isEmpty() && skew.isZero();
    }

    /** Whether a request is within the scope set by {@code path=} and {@code method=}. */
    public boolean matches(String method, String pathAndQuery) {
        if (!methods.isEmpty() && !methods.contains(method.toUpperCase(Locale.ROOT))) {
            return false;
        }
        return path == null || path.matcher(pathAndQuery).find();
    }

    public Duration latency() {
        return latency;
    }

    public Duration jitter() {
        return jitter;
    }

    public List<StatusRate> statusRates() {
        return List.copyOf(statusRates);
    }

    public List<Burst> bursts() {
        return List.copyOf(bursts);
    }

    public Duration skew() {
        return skew;
    }

    public Set<String> deployFailEnvironments() {
        return Set.copyOf(deployFail);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Multi-line description of the grammar, for help output and the README. */
    public static String grammarHelp() {
        return String.join("\n",
                "Fault specification: comma-separated terms, applied to every request (or to those",
                "selected by path=/method=). Random choices use the sandbox seed, so a run is reproducible.",
                "RATE is a probability 0..1 or a percentage (0.2 or 20%); it defaults to 1 (always).",
                "DURATION is a whole number with a unit: 150ms, 2s, 1m.",
                "",
                "  latency=DURATION          delay every response",
                "  jitter=DURATION           add a random extra delay between 0 and DURATION",
                "  status=CODE[@RATE]        answer CODE instead (429, 500, 502, 503, 504); repeatable.",
                "                            500/503 get the JSON error envelope, 429 rate_limit_exceeded,",
                "                            502/504 the HTML page an nginx proxy sends",
                "  burst=CODExN              the first N matching requests fail with CODE, then normal",
                "                            (several bursts run one after another, in the order given)",
                "  ratelimit=RATE | xN       429 rate_limit_exceeded with RATE, or for the first N requests",
                "  retry-after=DURATION      Retry-After / retry_after value on 429 and 503 (default 1s)",
                "  retry-after-header=on|off send the Retry-After header (default on)",
                "  retry-after-body=on|off   put retry_after into the 429/503 JSON body (default on)",
                "  html502[@RATE]            same as status=502@RATE (nginx HTML page)",
                "  html504[@RATE]            same as status=504@RATE (nginx HTML page)",
                "  body=auto|json|html|problem|empty",
                "                            render injected errors this way (problem = application/problem+json)",
                "  reset=before-headers[@RATE]  drop the connection before any response byte",
                "  reset=after-headers[@RATE]   send status and headers (chunked), part of the body, then drop",
                "  truncate[@RATE]           declare a Content-Length larger than the body sent, then drop",
                "  failure200[@RATE]         answer 200 with a failure envelope (status FAILURE, success false)",
                "  deployfail=ENV            deployments to environment ENV report success=false; repeatable",
                "  skew=[+|-]DURATION        shift the sandbox clock: token iat/exp checks and the Date and",
                "                            X-Sandbox-Date headers (one response per connection meanwhile)",
                "  path=REGEX                only requests whose path+query contains a match (no commas)",
                "  method=M[|M...]           only these methods, e.g. method=POST|PUT",
                "",
                "Order per request: latency+jitter, reset, burst, status/ratelimit, truncate, failure200.",
                "Examples:",
                "  latency=200ms,jitter=50ms",
                "  burst=503x2,path=/apiProxies/",
                "  status=503@0.2,status=502@0.1,retry-after=2s",
                "  ratelimit=x2,retry-after=3s,retry-after-header=off",
                "  reset=before-headers@0.3,method=GET");
    }
}
