package org.ecgworkbench.app.suggestions;

import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.model.ClassPrediction;
import org.ecgworkbench.model.RecordPrediction;
import org.ecgworkbench.model.WindowPrediction;

/**
 * A long recording's per-window view of the suggestions: for the classes worth showing (the
 * predicted ones, else the most probable), each window's probability against the class threshold,
 * so a clinician sees <em>when</em> in a 30-minute Holter strip atrial fibrillation was seen.
 *
 * @param windows where each window lies, in record order
 * @param rows    one row per class shown, most probable first
 */
public record WindowTimeline(List<Span> windows, List<Row> rows) {

    /** At most this many classes: a timeline is read at a glance. */
    public static final int MAX_ROWS = 6;

    public WindowTimeline {
        windows = List.copyOf(windows);
        rows = List.copyOf(rows);
    }

    /** A window's place in the record. */
    public record Span(double startSeconds, double seconds) {
        public double endSeconds() {
            return startSeconds + seconds;
        }
    }

    /** One class across the windows. */
    public record Row(String code, String abbrev, double threshold, double[] probabilities) {
        public Row {
            probabilities = probabilities.clone();
        }

        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }

        public double probability(int window) {
            return probabilities[window];
        }

        /** Whether the class is at or above its threshold in the given window. */
        public boolean positiveIn(int window) {
            return probabilities[window] >= threshold;
        }
    }

    /** The timeline of a prediction, or null when there is nothing to lay out in time (one window). */
    public static WindowTimeline of(RecordPrediction prediction) {
        List<String> classOrder = prediction.classCodes();
        List<WindowPrediction> ws = prediction.windows();
        if (ws.size() < 2) return null;
        List<ClassPrediction> shown = prediction.positives();
        if (shown.isEmpty()) shown = prediction.predictions().subList(0, Math.min(1, prediction.predictions().size()));
        List<Row> rows = new ArrayList<>();
        for (ClassPrediction c : shown.subList(0, Math.min(MAX_ROWS, shown.size()))) {
            int index = classOrder.indexOf(c.code());
            if (index < 0) continue;
            double[] p = new double[ws.size()];
            for (int w = 0; w < p.length; w++) p[w] = ws.get(w).probability(index);
            rows.add(new Row(c.code(), c.abbrev(), c.threshold(), p));
        }
        return new WindowTimeline(ws.stream().map(w -> new Span(w.startSeconds(), w.seconds())).toList(), rows);
    }

    /** The window under a time in seconds (the last one starting at or before it), or -1 before the first. */
    public int windowAt(double seconds) {
        int found = -1;
        for (int w = 0; w < windows.size(); w++) {
            if (windows.get(w).startSeconds() <= seconds) found = w;
        }
        return found;
    }

    /** Where the record ends, as far as the windows tell. */
    public double endSeconds() {
        return windows.stream().mapToDouble(Span::endSeconds).max().orElse(0);
    }
}
