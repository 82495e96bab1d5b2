package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds QRS complexes on all leads together (after Pan and Tompkins, IEEE TBME 1985, on the multi-lead
 * {@link DetectionFunction}): candidate peaks are the function's local maxima, at least the refractory
 * period apart; a candidate is a QRS when it exceeds a threshold that sits a quarter of the way from the
 * running noise-peak level to the running QRS-peak level; when no QRS has come for 1.66 mean RR, the
 * largest skipped candidate above half the threshold is taken back. Positions are the function's
 * maxima, inside the QRS complex. Works at any sampling rate of 40 Hz and above (below it, nothing is detected).
 */
public final class QrsDetector {

    static final double REFRACTORY_SECONDS = 0.25;
    static final double LEARNING_SECONDS = 2;
    static final double SEARCH_BACK_RR = 1.66;

    private QrsDetector() {
    }

    /**
     * QRS positions and, when none could be looked for, why.
     *
     * @param positions sample numbers, ascending
     * @param whyNone   empty when at least one lead was usable, else the reason ("every lead is flat ...")
     */
    public record Detections(int[] positions, String whyNone) {
    }

    /** QRS positions (sample numbers, ascending); empty when no lead is usable. */
    public static int[] detect(LeadMatrix leads) {
        return detectWithReason(leads).positions();
    }

    /** QRS positions, with the reason when no lead was usable. */
    public static Detections detectWithReason(LeadMatrix leads) {
        DetectionFunction.Result f = DetectionFunction.compute(leads);
        if (f.leadsUsed() == 0) return new Detections(new int[0], f.whyNone());
        return new Detections(detect(f.values(), leads.fs()), "");
    }

    static int[] detect(double[] f, double fs) {
        int refractory = (int) Math.round(REFRACTORY_SECONDS * fs);
        List<Integer> candidates = candidatePeaks(f, refractory);
        if (candidates.isEmpty()) return new int[0];
        double signalLevel = DetectionFunction.typicalMaximum(f, (int) Math.round(LEARNING_SECONDS * fs)) * 0.8;
        double noiseLevel = 0.1 * signalLevel;
        List<Integer> qrs = new ArrayList<>();
        double meanRr = 0;
        for (int idx = 0; idx < candidates.size(); idx++) {
            int c = candidates.get(idx);
            double threshold = noiseLevel + 0.25 * (signalLevel - noiseLevel);
            int last = qrs.isEmpty() ? -1 : qrs.get(qrs.size() - 1);
            // Search back: a long gap since the last QRS means a weaker one was skipped.
            if (last >= 0 && meanRr > 0 && c - last > SEARCH_BACK_RR * meanRr) {
                int best = -1;
                for (int j = idx - 1; j >= 0 && candidates.get(j) > last; j--) {
                    int s = candidates.get(j);
                    if (s - last >= refractory && c - s >= refractory && f[s] > threshold / 2
                            && (best < 0 || f[s] > f[best])) best = s;
                }
                if (best >= 0) {
                    qrs.add(best);
                    signalLevel = 0.25 * f[best] + 0.75 * signalLevel;
                    meanRr = updateRr(meanRr, best - last);
                    last = best;
                }
            }
            if (f[c] > threshold && (last < 0 || c - last >= refractory)) {
                if (last >= 0) meanRr = updateRr(meanRr, c - last);
                qrs.add(c);
                signalLevel = 0.125 * f[c] + 0.875 * signalLevel;
            } else {
                noiseLevel = 0.125 * f[c] + 0.875 * noiseLevel;
            }
        }
        return qrs.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double updateRr(double meanRr, int rr) {
        return meanRr == 0 ? rr : 0.125 * rr + 0.875 * meanRr;
    }

    /** Local maxima that are the largest value within {@code refractory} on either side. */
    static List<Integer> candidatePeaks(double[] f, int refractory) {
        List<Integer> peaks = new ArrayList<>();
        int n = f.length;
        for (int i = 1; i < n - 1; i++) {
            if (!(f[i] > f[i - 1] && f[i] >= f[i + 1])) continue;
            boolean largest = true;
            for (int j = Math.max(0, i - refractory); j <= Math.min(n - 1, i + refractory) && largest; j++) {
                if (f[j] > f[i] || (f[j] == f[i] && j < i)) largest = false;
            }
            if (largest) peaks.add(i);
        }
        return peaks;
    }
}
