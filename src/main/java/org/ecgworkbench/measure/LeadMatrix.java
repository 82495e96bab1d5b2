package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;

/**
 * The record's standard leads as double samples in mV, the form the measurement steps work on.
 *
 * @param names   lead names in record order (standard leads only)
 * @param samples one row per lead, equal lengths
 * @param fs      sampling frequency in Hz
 */
public record LeadMatrix(List<String> names, double[][] samples, double fs) {

    public LeadMatrix {
        names = List.copyOf(names);
        if (names.size() != samples.length) {
            throw new IllegalArgumentException(names.size() + " names for " + samples.length + " leads");
        }
        if (!(fs > 0) || Double.isInfinite(fs)) {
            throw new IllegalArgumentException("sampling frequency must be positive: " + fs);
        }
    }

    /** The record's standard leads (I ... V6 present); other signals are left out. */
    public static LeadMatrix of(EcgRecord record) {
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (Lead lead : record.leads()) {
            if (lead.standardLead().isEmpty()) continue;
            float[] mv = lead.millivolts();
            double[] row = new double[mv.length];
            for (int i = 0; i < mv.length; i++) row[i] = mv[i];
            names.add(lead.name());
            rows.add(row);
        }
        return new LeadMatrix(names, rows.toArray(new double[0][]), record.fs());
    }

    public int leadCount() {
        return samples.length;
    }

    /** Samples per lead. */
    public int length() {
        return samples.length == 0 ? 0 : samples[0].length;
    }
}
