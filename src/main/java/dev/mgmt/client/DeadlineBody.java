package dev.mgmt.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read as a stream that gives up at a deadline. The JDK's request timeout ends
 * when the headers arrive and its own body stream blocks without limit, so a server that sends
 * headers and then nothing would hold mgmt forever; here every read waits at most until the
 * exchange's deadline, then cancels the body and throws {@link Stalled}.
 */
final class DeadlineBody implements HttpResponse.BodySubscriber<InputStream> {
    /** The body did not complete by the deadline. */
    static final class Stalled extends IOException {
        private final long bytes;

        Stalled(long bytes) {
            super("the body stalled after " + bytes + " bytes");
            this.bytes = bytes;
        }

        long bytes() {
            return bytes;
        }
    }

    private static final Object END = new Object();
    /**
     * Lists of buffers asked for ahead of the reader. Asking for one only once the last was read
     * made the connection's thread and the reader take turns, a hand-over per 16 KiB buffer
     * (~0.4 s of 0.55 s for a 150 MB list); a few ahead keep both busy, and memory stays bounded.
     */
    private static final int AHEAD = 8;

    private final long deadlineNanos;
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

    /** @param deadlineNanos in {@link System#nanoTime()} terms */
    DeadlineBody(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription.complete(s);
        s.request(AHEAD);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        arrived.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        arrived.add(throwable);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedStage(new Stream());
    }

    private void cancel() {
        Flow.Subscription s = subscription.getNow(null);
        if (s != null) {
            s.cancel();
        }
    }

    private void requestMore() {
        Flow.Subscription s = subscription.getNow(null);
        if (s != null) {
            s.request(1);
        }
    }

    private final class Stream extends InputStream {
        private Iterator<ByteBuffer> buffers = List.<ByteBuffer>of().iterator();
        private ByteBuffer current;
        private long bytes;
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = 0;
            while (true) {
                int k = Math.min(len - n, current.remaining());
                current.get(b, off + n, k);
                n += k;
                if (n == len || !fillNow()) {
                    break;
                }
            }
            bytes += n;
            return n;
        }

        /** Like {@link #fill}, but only from what has already arrived: false when that is all read (or it ended). */
        private boolean fillNow() {
            while (!current.hasRemaining()) {
                if (buffers.hasNext()) {
                    current = buffers.next();
                } else if (!done && arrived.peek() instanceof List) {
                    @SuppressWarnings("unchecked")
                    List<ByteBuffer> list = (List<ByteBuffer>) arrived.poll();
                    buffers = list.iterator();
                    requestMore();
                } else {
                    return false;
                }
            }
            return true;
        }

        /** True once a buffer with bytes is at hand, false at the end of the body. */
        private boolean fill() throws IOException {
            while (current == null || !current.hasRemaining()) {
                if (buffers.hasNext()) {
                    current = buffers.next();
                    continue;
                }
                if (done) {
                    return false;
                }
                Object next = take();
                if (next == END) {
                    done = true;
                } else if (next instanceof Throwable) {
                    done = true;
                    Throwable t = (Throwable) next;
                    throw t instanceof IOException ? (IOException) t : new IOException(t.getMessage(), t);
                } else {
                    @SuppressWarnings("unchecked")
                    List<ByteBuffer> list = (List<ByteBuffer>) next;
                    buffers = list.iterator();
                    requestMore();
                }
            }
            return true;
        }

        private Object take() throws IOException {
            long left = deadlineNanos - System.nanoTime();
            Object next = null;
            try {
                next = left > 0 ? arrived.poll(left, TimeUnit.NANOSECONDS) : arrived.poll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                throw new java.io.InterruptedIOException("interrupted while reading the response");
            }
            if (next == null) {
                done = true;
                cancel();
                throw new Stalled(bytes);
            }
            return next;
        }

        @Override
        public void close() {
            if (!done) {
                done = true;
                cancel();
            }
        }
    }
}
