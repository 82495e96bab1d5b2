package org.ecgworkbench.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.LeadName;

/**
 * The twelve standard leads at one stage of preprocessing: samples in double precision, the rate,
 * and a mask of which samples are real (true) and which are padding (false).
 *
 * @param fs           sampling frequency in Hz
 * @param samples      {@code [12][n]} in the standard order I, II, III, aVR, aVL, aVF, V1–V6
 * @param mask         {@code [n]}: true where the sample is real
 * @param startSample  where this block starts in the input record, in samples at {@code fs}
 *                     (non-zero for the later windows of a long recording)
 * @param missingLeads standard leads the record lacked (filled with zeros)
 */
public record SignalBlock(double fs, double[][] samples, boolean[] mask, int startSample, List<String> missingLeads) {

    public static final int LEADS = LeadName.values().length;

    public SignalBlock {
        if (samples.length != LEADS) throw new IllegalArgumentException(samples.length + " leads, expected " + LEADS);
        for (double[] lead : samples) {
            if (lead.length != mask.length) throw new IllegalArgumentException("lead and mask lengths differ");
        }
        missingLeads = List.copyOf(missingLeads);
    }

    /** The record's standard leads in standard order, in mV; absent leads are zeros and listed as missing. */
    public static SignalBlock of(EcgRecord record) {
        int n = record.samples();
        double[][] samples = new double[LEADS][n];
        List<String> missing = new ArrayList<>();
        for (LeadName name : LeadName.values()) {
            var lead = record.lead(name);
            if (lead.isEmpty()) {
                missing.add(name.label());
                continue;
            }
            float[] mv = lead.map(Lead::millivolts).orElseThrow();
            double[] row = samples[name.ordinal()];
            for (int i = 0; i < n; i++) row[i] = mv[i];
        }
        boolean[] mask = new boolean[n];
        Arrays.fill(mask, true);
        return new SignalBlock(record.fs(), samples, mask, 0, missing);
    }

    public int length() {
        return mask.length;
    }

    /** Same rate, mask and position, new samples. */
    public SignalBlock withSamples(double[][] newSamples) {
        return new SignalBlock(fs, newSamples, mask, startSample, missingLeads);
    }

    /** The range [first, last] of real samples, or null when none is real. */
    int[] realSpan() {
        int first = -1;
        int last = -1;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                if (first < 0) first = i;
                last = i;
            }
        }
        return first < 0 ? null : new int[] {first, last};
    }

    /** The samples as float32, as the model and the CSV see them. */
    public float[][] toFloat() {
        float[][] out = new float[LEADS][length()];
        for (int l = 0; l < LEADS; l++) {
            for (int i = 0; i < length(); i++) out[l][i] = (float) samples[l][i];
        }
        return out;
    }

    public double durationSeconds() {
        return length() / fs;
    }
}
