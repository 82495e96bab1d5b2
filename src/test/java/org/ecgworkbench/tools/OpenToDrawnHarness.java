package org.ecgworkbench.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import org.ecgworkbench.app.EcgWorkbenchApp;
import org.ecgworkbench.app.MainViewModel;
import org.ecgworkbench.app.RecordEntry;
import org.ecgworkbench.app.viewer.PaperDrawing;

/**
 * Measures "open-to-drawn" for 10-s records (the issue asks ≤ 200 ms): from selecting a record in
 * the list to the paper drawn (read off the FX thread, laid out, 12 + 1 traces and the grid drawn),
 * and to the second animation frame after that (the frame holding the new canvas rendered).
 * A measured harness, not a timed test; headless with Monocle. Run from the project root:
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.cp
 * java -cp target/test-classes:target/classes:$(cat target/test.cp) org.ecgworkbench.tools.OpenToDrawnHarness [rounds]
 * </pre>
 */
public final class OpenToDrawnHarness {

    private OpenToDrawnHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        EcgWorkbenchApp app = HarnessSupport.startHeadless();
        MainViewModel vm = app.viewModel();
        HarnessSupport.waitFor(() -> vm.viewer().lastDrawingProperty().get() != null);

        List<String> tenSecond = List.of("A5432", "E00009", "HR00599", "Q1805", "Q2428");
        List<Double> drawn = new ArrayList<>();
        List<Double> framed = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            String id = tenSecond.get(i % tenSecond.size());
            double[] ms = openOnce(vm, id);
            if (i == 0) System.out.printf(Locale.ROOT, "cold (first open in this JVM): drawn %.1f ms, frame %.1f ms%n", ms[0], ms[1]);
            else {
                drawn.add(ms[0]);
                framed.add(ms[1]);
            }
        }
        System.out.printf(Locale.ROOT, "open-to-drawn over %d opens of 10-s 500-Hz records (3x4 + II, %.0f px wide): %s%n",
                drawn.size(), vm.viewer().viewportWidthProperty().get(), HarnessSupport.stats(drawn));
        System.out.printf(Locale.ROOT, "open-to-frame rendered:                          %s%n", HarnessSupport.stats(framed));
        PaperDrawing last = vm.viewer().lastDrawingProperty().get();
        System.out.printf(Locale.ROOT, "of which drawing the paper: %.1f ms (%d traces)%n", last.drawNanos() / 1e6, last.traces().size());
        Platform.exit();
        System.exit(0);
    }

    /** Selects the record on the FX thread, as a click in the list does; returns ms to drawn and to the frame after. */
    private static double[] openOnce(MainViewModel vm, String id) throws Exception {
        CompletableFuture<Long> startedAt = new CompletableFuture<>();
        CompletableFuture<double[]> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            RecordEntry entry = vm.records().stream().filter(e -> e.name().equals(id)).findFirst().orElseThrow();
            long t0 = System.nanoTime();
            startedAt.complete(t0);
            vm.viewer().lastDrawingProperty().addListener(new InvalidationListener() {
                @Override
                public void invalidated(Observable o) {
                    PaperDrawing d = vm.viewer().lastDrawingProperty().get();
                    if (d == null || !d.recordId().equals(id)) return;
                    vm.viewer().lastDrawingProperty().removeListener(this);
                    double drawnMs = (d.finishedNanos() - t0) / 1e6;
                    new AnimationTimer() {
                        int frames;

                        @Override
                        public void handle(long now) {
                            if (++frames == 2) {
                                stop();
                                done.complete(new double[] {drawnMs, (System.nanoTime() - t0) / 1e6});
                            }
                        }
                    }.start();
                }
            });
            vm.select(entry);
        });
        return done.get(30, TimeUnit.SECONDS);
    }
}
