package org.ecgworkbench.train;

/**
 * Thins {@link TrainingEvent.Preparing} events (one per record from parallel workers) to a few per
 * second, in increasing order, always keeping each stage's last; other events pass straight through.
 */
final class PreparingThrottle implements TrainingListener {
    private static final long INTERVAL_NANOS = 250_000_000L;

    private final TrainingListener next;
    private String stage;
    private int done = -1;
    private long lastNanos;

    PreparingThrottle(TrainingListener next) {
        this.next = next;
    }

    @Override
    public void on(TrainingEvent event) {
        if (!(event instanceof TrainingEvent.Preparing p)) {
            next.on(event);
            return;
        }
        TrainingEvent.Preparing forward;
        synchronized (this) {
            if (!p.stage().equals(stage)) {
                stage = p.stage();
                done = -1;
                lastNanos = 0;
            }
            long now = System.nanoTime();
            boolean last = p.done() >= p.total();
            if (p.done() <= done || (!last && now - lastNanos < INTERVAL_NANOS)) return;
            done = p.done();
            lastNanos = now;
            forward = p;
        }
        next.on(forward);
    }
}
