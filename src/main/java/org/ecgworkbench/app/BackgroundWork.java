package org.ecgworkbench.app;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs engine work away from the caller and hands the result back. The app uses
 * {@link FxBackgroundWork} (a {@code javafx.concurrent.Task} on a worker thread, results on the
 * FX thread); view-model tests use {@link #direct()} and need no toolkit.
 */
public interface BackgroundWork {

    <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Runs a small update (a progress value) where results are delivered: the FX thread for
     * {@link FxBackgroundWork}, the calling thread for {@link #direct()}. Safe to call from the work.
     */
    default void onUi(Runnable update) {
        update.run();
    }

    /** Runs the work at once on the calling thread. */
    static BackgroundWork direct() {
        return new BackgroundWork() {
            @Override
            public <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
