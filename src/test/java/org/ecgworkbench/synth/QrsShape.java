package org.ecgworkbench.synth;

import java.util.Arrays;
import org.ecgworkbench.record.LeadName;

/**
 * The QRS of one lead of a measured template, relative to the level just before its onset:
 * the peaks and troughs of its first and last parts, its net area, and whether its R is notched.
 */
record QrsShape(double[] qrs, double fs) {

    static QrsShape of(EcgMeasurements.Measured m, LeadName lead) {
        double[] x = m.template()[lead.ordinal()];
        double base = EcgMeasurements.isoelectric(x, m.qrsOn(), 500);
        double[] q = new double[m.qrsEnd() - m.qrsOn() + 1];
        for (int j = 0; j < q.length; j++) q[j] = x[m.qrsOn() + j] - base;
        return new QrsShape(q, 500);
    }

    double peak() {
        return Arrays.stream(qrs).max().orElseThrow();
    }

    double trough() {
        return Arrays.stream(qrs).min().orElseThrow();
    }

    /** Largest value in the last 40 % of the QRS (R' in V1). */
    double terminalPeak() {
        double best = Double.NEGATIVE_INFINITY;
        for (int j = (int) (qrs.length * 0.6); j < qrs.length; j++) best = Math.max(best, qrs[j]);
        return best;
    }

    /** Smallest value in the last 40 % of the QRS (terminal S). */
    double terminalTrough() {
        double best = Double.POSITIVE_INFINITY;
        for (int j = (int) (qrs.length * 0.6); j < qrs.length; j++) best = Math.min(best, qrs[j]);
        return best;
    }

    /** How long the last 60 % of the QRS stays below -0.03 mV, ms (the width of a terminal S). */
    double terminalNegativeMs() {
        int n = 0;
        for (int j = (int) (qrs.length * 0.4); j < qrs.length; j++) if (qrs[j] < -0.03) n++;
        return n / fs * 1000;
    }

    /** Smallest value between the QRS start and the terminal peak. */
    double troughBeforeTerminalPeak() {
        int at = (int) (qrs.length * 0.6);
        for (int j = at; j < qrs.length; j++) if (qrs[j] > qrs[at]) at = j;
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < at; j++) best = Math.min(best, qrs[j]);
        return best;
    }

    /** Largest value in the first 25 % (the initial r). */
    double initialPeak() {
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < Math.max(1, qrs.length / 4); j++) best = Math.max(best, qrs[j]);
        return best;
    }

    /** Smallest value in the first 20 ms (a septal q). */
    double initialTrough() {
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < Math.min(qrs.length, (int) (0.02 * fs)); j++) best = Math.min(best, qrs[j]);
        return best;
    }

    double netArea() {
        double s = 0;
        for (double v : qrs) s += v;
        return s / fs;
    }

    /** Two maxima above half the peak, at least 20 ms apart, with a dip of at least 5 % of the peak between them. */
    boolean notched() {
        double peak = peak();
        int n = qrs.length;
        for (int a = 1; a + 1 < n; a++) {
            if (!(qrs[a] >= qrs[a - 1] && qrs[a] > qrs[a + 1] && qrs[a] > 0.5 * peak)) continue;
            for (int b = a + (int) (0.02 * fs); b + 1 < n; b++) {
                if (!(qrs[b] >= qrs[b - 1] && qrs[b] > qrs[b + 1] && qrs[b] > 0.5 * peak)) continue;
                double dip = Double.POSITIVE_INFINITY;
                for (int j = a; j <= b; j++) dip = Math.min(dip, qrs[j]);
                if (Math.min(qrs[a], qrs[b]) - dip > 0.05 * peak) return true;
            }
        }
        return false;
    }
}
