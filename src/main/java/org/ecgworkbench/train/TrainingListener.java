package org.ecgworkbench.train;

/**
 * Receives a run's {@link TrainingEvent}s on the training thread; keep it quick (hand work to
 * another thread). The command line prints them, the app charts them, the run folder logs them.
 */
@FunctionalInterface
public interface TrainingListener {
    void on(TrainingEvent event);

    /** Both listeners, in order. */
    default TrainingListener andThen(TrainingListener next) {
        return e -> {
            on(e);
            next.on(e);
        };
    }
}
