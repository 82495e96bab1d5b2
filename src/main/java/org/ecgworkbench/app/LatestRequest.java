package org.ecgworkbench.app;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Requests that overtake each other (a record read, a prediction, a preview, a folder scan): each
 * new request makes the earlier ones stale, and the answer to a stale one is dropped, so the latest
 * result always wins whatever order the background answers arrive in.
 *
 * <p>Thread-safe: a request may be asked on the UI thread and checked on a worker.
 */
public final class LatestRequest {

    private final AtomicLong latest = new AtomicLong();

    /** A new request; every earlier one is stale from now on. */
    public Ticket next() {
        return new Ticket(latest.incrementAndGet());
    }

    /** Makes every request so far stale without starting one (a cancel, or a request that failed at once). */
    public void dropAll() {
        latest.incrementAndGet();
    }

    /** One request's place in the order. */
    public final class Ticket {

        private final long number;

        private Ticket(long number) {
            this.number = number;
        }

        /** Whether no request was asked after this one. */
        public boolean isLatest() {
            return number == latest.get();
        }

        /** Whether this request was asked after the other. */
        public boolean isNewerThan(Ticket other) {
            return other == null || number > other.number;
        }

        /** The answer handler, called only while this request is still the latest. */
        public <T> Consumer<T> ifLatest(Consumer<T> handler) {
            return answer -> {
                if (isLatest()) handler.accept(answer);
            };
        }
    }
}
