package org.ecgworkbench.runs;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.ecgworkbench.train.TrainingEvent;

/**
 * Hands a child's output from its reader threads to a {@link ChildListener} through an executor (the
 * app's UI thread), in order and in batches: however fast the lines come, at most one delivery is
 * pending at a time, so the FX thread sees a burst of batch events as one pulse of work.
 */
final class CoalescingDelivery {
    private final Executor deliver;
    private final ChildListener listener;
    private final ConcurrentLinkedQueue<Consumer<ChildListener>> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    CoalescingDelivery(Executor deliver, ChildListener listener) {
        this.deliver = deliver;
        this.listener = listener;
    }

    void event(TrainingEvent event) {
        offer(l -> l.event(event));
    }

    void log(String line) {
        offer(l -> l.log(line));
    }

    void exited(int exitCode) {
        offer(l -> l.exited(exitCode));
    }

    private void offer(Consumer<ChildListener> item) {
        pending.add(item);
        if (scheduled.compareAndSet(false, true)) deliver.execute(this::drain);
    }

    private void drain() {
        // Clear the flag first: an item offered while draining schedules a new drain instead of being missed.
        scheduled.set(false);
        Consumer<ChildListener> item;
        while ((item = pending.poll()) != null) item.accept(listener);
    }
}
