package org.ecgworkbench.app.runs;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.ecgworkbench.app.BackgroundWork;

/**
 * A stand-in for the FX thread in view-model tests: one thread runs every UI update (as the FX thread
 * would), another the background work. Tests read view models through {@link #get}.
 */
final class SerialUi implements BackgroundWork, AutoCloseable {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> daemon(r, "test-ui"));
    private final ExecutorService workers = Executors.newSingleThreadExecutor(r -> daemon(r, "test-worker"));

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        workers.execute(() -> {
            try {
                T result = work.call();
                ui.execute(() -> onSuccess.accept(result));
            } catch (Exception e) {
                ui.execute(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void onUi(Runnable update) {
        ui.execute(update);
    }

    <T> T get(Callable<T> read) throws Exception {
        try {
            return ui.submit(read).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    void waitUntil(String what, BooleanSupplier condition, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (get(condition::getAsBoolean)) return;
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    @Override
    public void close() {
        ui.shutdownNow();
        workers.shutdownNow();
    }
}
