package dev.mgmt.exercise;

import java.io.IOException;
import java.net.http.HttpHeaders;

/**
 * Sends the bench's one request, blocking, one sender per worker thread. No retries, no redirects:
 * what the server answers is what is counted. Only an error response's body is kept (to name its
 * error code); a success's body is read and dropped, so that the connection stays open.
 */
interface BenchClient extends AutoCloseable {
    /** A sender for the calling thread only: an idle one given back by an earlier run, or a new one. */
    Sender sender();

    /** Ends every exchange still under way (a worker blocked on a read fails at once). */
    @Override
    void close();

    interface Sender extends AutoCloseable {
        /** @throws IOException when the exchange failed on the wire (refused, reset, timed out) */
        Reply send() throws IOException, InterruptedException;

        /** Gives the sender (and its open connection) back for the next run: the warm-up's go on to the run. */
        @Override
        void close();
    }

    /** A response: {@code headers} and {@code body} only for a status outside 2xx, else null. */
    record Reply(int status, HttpHeaders headers, byte[] body) {
        static boolean success(int status) {
            return status >= 200 && status <= 299;
        }
    }
}
