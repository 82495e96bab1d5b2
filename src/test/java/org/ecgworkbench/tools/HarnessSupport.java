package org.ecgworkbench.tools;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.ecgworkbench.app.EcgWorkbenchApp;
import org.ecgworkbench.runs.AppConfigDir;

/** What the measured desktop harnesses share: a headless workbench, waiting, and medians. */
final class HarnessSupport {
    private HarnessSupport() {
    }

    /** Starts the workbench headless (Monocle, software rendering, a throw-away config folder). */
    static EcgWorkbenchApp startHeadless() throws Exception {
        headless("glass.platform", "Monocle");
        headless("monocle.platform", "Headless");
        headless("prism.order", "sw");
        headless("headless.geometry", "1600x1200-32");
        headless(AppConfigDir.PROPERTY, Files.createTempDirectory("ecg-harness-config").toString());
        CompletableFuture<EcgWorkbenchApp> started = new CompletableFuture<>();
        Platform.startup(() -> {
            EcgWorkbenchApp app = new EcgWorkbenchApp();
            app.start(new Stage());
            started.complete(app);
        });
        return started.get(30, TimeUnit.SECONDS);
    }

    static String stats(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "median %.1f ms, p90 %.1f ms, max %.1f ms, min %.1f ms",
                v[v.length / 2], v[(int) Math.floor(0.9 * (v.length - 1))], v[v.length - 1], v[0]);
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out");
            Thread.sleep(20);
        }
    }

    private static void headless(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
