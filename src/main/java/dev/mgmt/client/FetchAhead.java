package dev.mgmt.client;

import dev.mgmt.client.ApiClient.Downloaded;
import dev.mgmt.http.ApiRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * GETs of several lists sent side by side, their bodies taken in order: {@code get connections} without
 * {@code --type} reads one list per type (14), which one after another cost 14 round trips to a distant
 * manager. A body fetched ahead is one attempt, traced and retried by no one; {@link #take} gives null for
 * one that failed (or was never sent, with -v or --curl, whose lines would interleave), and the caller then
 * sends that request in its turn as it always did, with its retries and its error. So what is printed,
 * and in what order, is what the requests one by one would print; a failure only costs a repeated GET.
 * After the first failure nothing more is sent ahead: a manager that rate-limits (429) or is overloaded
 * sees again at most the requests already out, not all of them.
 */
public final class FetchAhead implements AutoCloseable {
    /** As many connections to one host as a browser opens. */
    static final int AT_ONCE = 6;

    private final ExecutorService pool;
    private final List<Future<?>> sent = new ArrayList<>();
    private final Downloaded[] bodies;
    private boolean closed;
    private volatile boolean failed;

    /** Starts the requests (none when the client traces); each body waits for {@link #take}. */
    public FetchAhead(ApiClient client, List<ApiRequest> requests) {
        bodies = new Downloaded[requests.size()];
        if (requests.isEmpty() || !client.fetchesAhead()) {
            pool = null;
            return;
        }
        pool = Executors.newFixedThreadPool(Math.min(AT_ONCE, requests.size()), r -> {
            Thread t = new Thread(r, "mgmt-fetch-ahead");
            t.setDaemon(true); // a request still out never keeps the process alive
            return t;
        });
        for (int i = 0; i < requests.size(); i++) {
            int at = i;
            sent.add(pool.submit(() -> {
                if (!failed) {
                    keep(at, client.fetchOnce(requests.get(at)));
                }
            }));
        }
        pool.shutdown();
    }

    private synchronized void keep(int at, Downloaded body) {
        if (body == null) {
            failed = true;
            return;
        }
        if (closed) {
            body.close();
        } else {
            bodies[at] = body;
        }
    }

    /** The body of request {@code at}, once it is complete; null when it failed or was not sent. */
    public Downloaded take(int at) {
        if (pool == null) {
            return null;
        }
        try {
            sent.get(at).get();
        } catch (InterruptedException e) {
            // Ctrl-C: the caller's own request sees the interrupt and stops as it always does.
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
        synchronized (this) {
            Downloaded body = bodies[at];
            bodies[at] = null;
            return body;
        }
    }

    /** Frees the bodies nobody took and drops the requests still out (GETs: nothing to undo). */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        synchronized (this) {
            closed = true;
            for (int i = 0; i < bodies.length; i++) {
                if (bodies[i] != null) {
                    bodies[i].close();
                    bodies[i] = null;
                }
            }
        }
        for (Future<?> f : sent) {
            f.cancel(true);
        }
    }
}
