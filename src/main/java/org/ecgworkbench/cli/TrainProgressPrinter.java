package org.ecgworkbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.ecgworkbench.eval.Metric;
import org.ecgworkbench.record.TerminalText;
import org.ecgworkbench.train.ProgressMode;
import org.ecgworkbench.train.TrainingEvent;
import org.ecgworkbench.train.TrainingEventJson;
import org.ecgworkbench.train.TrainingListener;
import org.ecgworkbench.train.ValidationMetric;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * How {@code train} shows its events: one JSON object per line on stdout ({@code --progress jsonl},
 * for the app and for scripts), or for a person a progress bar with ETA on stderr and one line per
 * epoch on stdout.
 */
final class TrainProgressPrinter implements TrainingListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean jsonl;
    private final boolean bar;
    private long epochStartNanos;
    private long lastDraw;

    TrainProgressPrinter(PrintWriter out, PrintWriter err, boolean jsonl, boolean bar) {
        this.out = out;
        this.err = err;
        this.jsonl = jsonl;
        this.bar = bar;
    }

    /** The printer of {@code --progress MODE}: jsonl, bar or none; without one, a bar on a terminal and nothing otherwise. */
    static TrainProgressPrinter forMode(String progress, CommandLine command) {
        ProgressMode mode;
        try {
            mode = progress == null ? (System.console() != null ? ProgressMode.BAR : ProgressMode.NONE) : ProgressMode.parse(progress);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command, "--progress: expected jsonl, bar or none, got " + progress);
        }
        return new TrainProgressPrinter(command.getOut(), command.getErr(), mode == ProgressMode.JSONL, mode == ProgressMode.BAR);
    }

    @Override
    public synchronized void on(TrainingEvent event) {
        if (jsonl) {
            out.println(TrainingEventJson.write(event));
            out.flush();
            // A failing exit says why on stderr in every mode (a refused --resume included), not only in the event.
            if (event instanceof TrainingEvent.Failed f) failed(f);
            return;
        }
        if (event instanceof TrainingEvent.Started s) {
            line(String.format(Locale.ROOT, "%s training on %s: %s", s.resumed() ? "resumed," : "", s.backend(), s.device()).trim());
        } else if (event instanceof TrainingEvent.Preparing p) {
            drawBar(p.stage(), p.done(), p.total(), "");
        } else if (event instanceof TrainingEvent.Prepared p) {
            clearBar();
            line(String.format(Locale.ROOT, "records: %d train, %d validation, %d test; %,d parameters; %d batches per epoch",
                    p.trainRecords(), p.validationRecords(), p.testRecords(), p.parameters(), p.batchesPerEpoch()));
            p.notes().stream().limit(20).forEach(n -> line("note: " + n));
            if (p.notes().size() > 20) line("note: … " + (p.notes().size() - 20) + " more (events.jsonl lists them all)");
            epochStartNanos = System.nanoTime();
        } else if (event instanceof TrainingEvent.Batch b) {
            if (b.batchInEpoch() == 1) epochStartNanos = System.nanoTime();
            double elapsed = (System.nanoTime() - epochStartNanos) / 1e9;
            double eta = b.batchInEpoch() == 0 ? Double.NaN : elapsed / b.batchInEpoch() * (b.batchesPerEpoch() - b.batchInEpoch());
            drawBar("epoch " + b.epoch(), b.batchInEpoch(), b.batchesPerEpoch(),
                    String.format(Locale.ROOT, " loss %.4f, %.1f samples/s, ETA %s", b.loss(), b.samplesPerSecond(), clock(eta)));
        } else if (event instanceof TrainingEvent.Epoch e) {
            clearBar();
            line(String.format(Locale.ROOT, "epoch %d: train loss %.4f, val loss %.4f, %s (%.0f s)%s", e.epoch(), e.trainLoss(),
                    e.validationLoss(), metrics(e.validation()), e.seconds(), e.best() ? "  * best" : ""));
        } else if (event instanceof TrainingEvent.Checkpoint c) {
            // Quiet for a person: checkpoints happen every epoch.
        } else if (event instanceof TrainingEvent.Done d) {
            clearBar();
            line("done: best epoch " + d.bestEpoch() + "; test " + metrics(d.test()));
            line("model: " + d.model());
            line("report: " + d.report());
        } else if (event instanceof TrainingEvent.Failed f) {
            clearBar();
            failed(f);
        } else if (event instanceof TrainingEvent.Cancelled c) {
            clearBar();
            line("cancelled" + (c.checkpoint() == null ? " before training started" : "; checkpoint " + c.checkpoint()
                    + " (continue with: train --resume RUN_DIR)"));
        }
    }

    private void failed(TrainingEvent.Failed f) {
        err.println("error: training failed: " + TerminalText.inert(f.message()));
        err.flush();
    }

    private void line(String text) {
        out.println(text);
        out.flush();
    }

    private void drawBar(String what, long done, long total, String tail) {
        if (!bar) return;
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 200_000_000L) return;
        lastDraw = now;
        int width = 30;
        int filled = total <= 0 ? width : (int) Math.min(width, width * done / total);
        err.print(String.format(Locale.ROOT, "\r%-12s [%s%s] %d/%d%s   ", what, "#".repeat(filled), " ".repeat(width - filled), done, total, tail));
        err.flush();
    }

    private void clearBar() {
        if (!bar) return;
        err.print("\r" + " ".repeat(110) + "\r");
        err.flush();
    }

    /** The metrics early stopping can choose (the loss is printed apart), e.g. "challenge 0.413, F1 macro 0.250, AUROC macro 0.750". */
    private static String metrics(Map<String, Double> values) {
        StringJoiner line = new StringJoiner(", ");
        for (ValidationMetric v : ValidationMetric.values()) {
            v.reportMetric().ifPresent(m -> line.add(String.format(Locale.ROOT, "%s %.3f",
                    // "challenge" alone: the epoch line is long already.
                    m == Metric.CHALLENGE_SCORE ? "challenge" : m.label(), values.getOrDefault(m.key(), Double.NaN))));
        }
        return line.toString();
    }

    private static String clock(double seconds) {
        if (!Double.isFinite(seconds)) return "--:--";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
