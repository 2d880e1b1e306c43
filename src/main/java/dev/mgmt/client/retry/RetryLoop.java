package dev.mgmt.client.retry;

import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.Attempts;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.NetworkException;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.process.Sleeper;
import dev.mgmt.text.Durations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Sends one logical request through as many attempts as the {@link RetryPolicy} allows, waiting
 * between them (server hint first, else backoff with full jitter), and turns the last failure into an
 * error that says how many attempts were made, over how long, and why mgmt stopped.
 *
 * <p>Clock, sleeper and random source are injected: tests run the loop without waiting.
 */
public final class RetryLoop {
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** One attempt at the request, and what the caller knows about reconciling a retry's answer. */
    public interface Exchange<T> {
        /** Sends attempt {@code n} (1-based); throws {@link ApiException}/{@link NetworkException} on failure. */
        T attempt(int n);

        /**
         * Called when attempt {@code n > 1} failed after an {@code earlier} attempt that may have been
         * applied: the failure may only show that the earlier attempt worked (a DELETE answering 404, a
         * POST answering 409). Returns a result to succeed with, notes for the error, or null.
         */
        default Reconciliation<T> reconcile(MgmtException failure, MgmtException earlier, int n) {
            return null;
        }

        /** The command that shows whether a write took effect, for "may or may not have been applied". */
        default String verifyCommand() {
            return null;
        }
    }

    /**
     * What reconciling found: a result to return, or notes to add to the error; {@code settled} when
     * the notes resolve the doubt about the earlier attempt (it was not applied after all).
     */
    public record Reconciliation<T>(T result, List<String> notes, boolean settled) {
        public static <T> Reconciliation<T> success(T result) {
            return new Reconciliation<>(result, List.of(), true);
        }

        public static <T> Reconciliation<T> notes(String... notes) {
            return new Reconciliation<>(null, List.of(notes), false);
        }

        /** The earlier attempt was not applied; the failure stands as it is. */
        public static <T> Reconciliation<T> notApplied(String... notes) {
            return new Reconciliation<>(null, List.of(notes), true);
        }
    }

    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final RetryNotifier notifier;

    public RetryLoop(RetryPolicy policy, Clock clock, Sleeper sleeper, DoubleSupplier random, RetryNotifier notifier) {
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.notifier = notifier;
    }

    /** A loop that makes exactly one attempt. */
    public static RetryLoop none() {
        return new RetryLoop(RetryPolicy.none(), Clock.systemUTC(), Sleeper.system(), Math::random,
            RetryNotifier.silent());
    }

    public RetryPolicy policy() {
        return policy;
    }

    public RetryNotifier notifier() {
        return notifier;
    }

    public <T> T run(ApiRequest request, Exchange<T> exchange) {
        Instant start = clock.instant();
        MgmtException uncertain = null;
        for (int n = 1; ; n++) {
            MgmtException failure;
            try {
                T result = exchange.attempt(n);
                notifier.succeededAfter(n);
                return result;
            } catch (ApiException | NetworkException e) {
                failure = e;
            }
            notifier.attemptFailed(n, failure);
            Duration elapsed = Duration.between(start, clock.instant());
            List<String> notes = new ArrayList<>();
            if (n > 1 && uncertain != null) {
                Reconciliation<T> r = exchange.reconcile(failure, uncertain, n);
                if (r != null) {
                    if (r.result() != null) {
                        return r.result();
                    }
                    notes.addAll(r.notes());
                    if (r.settled()) {
                        uncertain = null;
                    }
                }
            }
            if (RetryPolicy.mayHaveBeenApplied(failure)) {
                uncertain = failure;
            }
            Duration delay = nextDelay(request, failure, n, elapsed, notes);
            if (delay == null) {
                throw finish(request, failure, n, elapsed, notes, uncertain, exchange);
            }
            notifier.retrying(delay, n + 1, policy.maxAttempts(), failure);
            waitFor(request, delay, n + 1, failure);
        }
    }

    /** The wait before the next attempt, or null (with the reason added to {@code notes}) to stop. */
    Duration nextDelay(ApiRequest request, MgmtException failure, int n, Duration elapsed, List<String> notes) {
        if (!RetryPolicy.transientFailure(failure)) {
            return null;
        }
        String verb = n > 1 ? "gave up: " : "not retried: ";
        if (!policy.methodAllows(request, failure)) {
            notes.add("not retried: " + request.method() + " is not idempotent and a second attempt could apply it "
                + "twice (--retry-non-idempotent allows it)");
            return null;
        }
        if (n > policy.retries()) {
            if (policy.retries() == 0) {
                notes.add("not retried: retries are off (--no-retry / --retries 0)");
            }
            return null;
        }
        Double hint = RetryPolicy.hint(failure);
        if (hint != null) {
            Duration wait = Duration.ofMillis(Math.round(Math.max(0, hint) * 1000));
            if (elapsed.plus(wait).compareTo(policy.maxTime()) > 0) {
                notes.add(verb + "server asks to retry in " + Durations.human(wait) + ", beyond --retry-max-time "
                    + Durations.human(policy.maxTime())
                    + (elapsed.toMillis() >= 100 ? " (" + Durations.human(elapsed) + " already spent)" : ""));
                return null;
            }
            return wait;
        }
        Duration left = policy.maxTime().minus(elapsed);
        if (left.isNegative() || left.isZero()) {
            notes.add(verb + "--retry-max-time " + Durations.human(policy.maxTime()) + " reached");
            return null;
        }
        Duration wait = policy.backoff().delay(n - 1, random.getAsDouble());
        return wait.compareTo(left) > 0 ? left : wait;
    }

    private void waitFor(ApiRequest request, Duration delay, int nextAttempt, MgmtException failure) {
        try {
            if (notifier.countsDown(delay)) {
                Duration left = delay;
                Duration second = Duration.ofSeconds(1);
                try {
                    while (left.compareTo(second) > 0) {
                        sleeper.sleep(second);
                        left = left.minus(second);
                        notifier.tick(left, nextAttempt, policy.maxAttempts(), failure);
                    }
                    sleeper.sleep(left);
                } finally {
                    notifier.endCountdown();
                }
            } else {
                sleeper.sleep(delay);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MgmtException(ExitCodes.INTERRUPTED, "interrupted while waiting to retry " + request.line()
                + "; nothing more was sent", List.of("attempt " + (nextAttempt - 1) + " failed: "
                + RetryNotifier.cause(failure)), null);
        }
    }

    private MgmtException finish(ApiRequest request, MgmtException failure, int n, Duration elapsed,
                                 List<String> notes, MgmtException uncertain, Exchange<?> exchange) {
        String verify = null;
        if (!READ_METHODS.contains(request.method()) && uncertain != null) {
            verify = exchange.verifyCommand();
            String sent = uncertain == failure ? "the request reached the server or a proxy before it failed"
                : "an earlier attempt failed after it was sent (" + RetryNotifier.cause(uncertain) + ")";
            notes.add(sent + ", so the change may or may not have been applied; check with: "
                + (verify == null ? "mgmt get ... (or mgmt api GET <path>)" : verify));
            if (verify == null) {
                verify = "";
            }
        }
        Attempts attempts = new Attempts(n, elapsed, notes, verify);
        if (failure instanceof ApiException) {
            return ((ApiException) failure).withAttempts(attempts);
        }
        return ((NetworkException) failure).withAttempts(attempts);
    }
}
