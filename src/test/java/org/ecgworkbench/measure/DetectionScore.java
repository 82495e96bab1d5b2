package org.ecgworkbench.measure;

import java.util.Locale;
import org.ecgworkbench.measure.reference.LudbReference;

/**
 * Beat-by-beat comparison of detections with annotated QRS complexes: a detection matches a reference beat
 * within 150 ms of its QRS peak (each used once); detections count only inside the annotated stretch
 * (half a median RR beyond the first and last annotated beats), since LUDB leaves the record's edges
 * unannotated.
 */
record DetectionScore(int truePositives, int falseNegatives, int falsePositives) {

    static final double MATCH_SECONDS = 0.15;

    static DetectionScore of(int[] detections, LudbReference ref, double detectionFs) {
        double refFs = ref.fs();
        var beats = ref.beats();
        if (beats.isEmpty()) return new DetectionScore(0, 0, 0);
        double[] peaks = beats.stream().mapToDouble(b -> b.qrsPeak() / refFs).toArray();
        double rr = peaks.length > 1 ? (peaks[peaks.length - 1] - peaks[0]) / (peaks.length - 1) : 1;
        double from = peaks[0] - rr / 2;
        double to = peaks[peaks.length - 1] + rr / 2;
        boolean[] used = new boolean[detections.length];
        int tp = 0;
        for (double p : peaks) {
            int best = -1;
            for (int j = 0; j < detections.length; j++) {
                double t = detections[j] / detectionFs;
                if (!used[j] && Math.abs(t - p) <= MATCH_SECONDS
                        && (best < 0 || Math.abs(t - p) < Math.abs(detections[best] / detectionFs - p))) best = j;
            }
            if (best >= 0) {
                used[best] = true;
                tp++;
            }
        }
        int fp = 0;
        for (int j = 0; j < detections.length; j++) {
            double t = detections[j] / detectionFs;
            if (!used[j] && t >= from && t <= to) fp++;
        }
        return new DetectionScore(tp, peaks.length - tp, fp);
    }

    DetectionScore plus(DetectionScore o) {
        return new DetectionScore(truePositives + o.truePositives, falseNegatives + o.falseNegatives,
                falsePositives + o.falsePositives);
    }

    double sensitivity() {
        return truePositives / (double) Math.max(1, truePositives + falseNegatives);
    }

    double positivePredictivity() {
        return truePositives / (double) Math.max(1, truePositives + falsePositives);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TP %d FN %d FP %d Se %.2f%% +P %.2f%%", truePositives, falseNegatives,
                falsePositives, 100 * sensitivity(), 100 * positivePredictivity());
    }
}
