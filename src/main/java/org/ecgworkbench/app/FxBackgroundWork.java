package org.ecgworkbench.app;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/** {@link BackgroundWork} on daemon worker threads through {@code javafx.concurrent.Task}. */
public final class FxBackgroundWork implements BackgroundWork {

    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "ecg-workbench-worker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        executor.execute(task);
    }

    @Override
    public void onUi(Runnable update) {
        if (Platform.isFxApplicationThread()) update.run();
        else Platform.runLater(update);
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
