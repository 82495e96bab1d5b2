package org.ecgworkbench.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.ecgworkbench.model.ExplainedRecord;
import org.ecgworkbench.model.ExplainedWindow;
import org.ecgworkbench.model.Explanation;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.LeadName;

/**
 * Where the model looked, on the record's own time axis: per lead of the record (in the record's
 * lead order) an intensity in [0, 1] for every record sample, ready to shade the paper.
 *
 * <p>The explanation lives on the pipeline's axis (window sample {@code i} at record time
 * {@code (startSample + i) / fs}, at the pipeline's rate, which need not be the record's). Record sample
 * {@code k} (time {@code k / recordFs}) takes the window sample {@code round(k · fs / recordFs) − startSample}
 * when it exists and is real signal (not padding); overlapping windows and several classes combine by
 * their maximum. Each class is normalised on its own ({@link Explanation#normalised}), positive evidence
 * only, smoothed over {@value #SMOOTHING_SECONDS} s (gradient × input changes sample by sample).
 *
 * <p>Only the strongest part is kept, so that the bands mark regions rather than half the trace: per
 * lead, the {@code ⌈SHADED_FRACTION · samples⌉} samples of the largest intensity (all samples tied with
 * the smallest of them too; never a sample of intensity 0), with {@link #SHADED_FRACTION} = 0.10, the
 * top 10 % of each lead. The others become 0. Kept samples keep their intensity (darker = stronger).
 *
 * @param recordId  the record it belongs to
 * @param codes     the classes shown
 * @param intensity {@code [record lead][record sample]}; a lead that is not one of the standard twelve is all 0
 */
public record LeadShading(String recordId, List<String> codes, float[][] intensity) {

    static final double SMOOTHING_SECONDS = 0.08;
    /** The share of each lead's samples that is shaded: its strongest 10 %. */
    public static final double SHADED_FRACTION = 0.10;

    public LeadShading {
        codes = List.copyOf(codes);
    }

    /** The shading of the given classes (every explained class when {@code codes} is empty). */
    public static LeadShading of(EcgRecord record, ExplainedRecord explained, Collection<String> codes) {
        List<String> wanted = codes.isEmpty() ? explained.codes() : List.copyOf(codes);
        int samples = record.samples();
        float[][] out = new float[record.leads().size()][samples];
        int[] standardIndex = new int[record.leads().size()];
        for (int l = 0; l < standardIndex.length; l++) {
            Lead lead = record.leads().get(l);
            standardIndex[l] = lead.standardLead().map(LeadName::ordinal).orElse(-1);
        }
        List<String> shown = new ArrayList<>();
        for (String code : wanted) {
            boolean any = false;
            for (ExplainedWindow w : explained.windows()) {
                Optional<Explanation> e = w.explanation(code);
                if (e.isEmpty()) continue;
                any = true;
                Explanation x = e.get();
                int smoothing = Math.max(1, (int) Math.round(SMOOTHING_SECONDS * x.fs()));
                float[][] norm = x.normalised(Explanation.Polarity.POSITIVE, smoothing);
                double ratio = w.fs() / record.fs();
                for (int k = 0; k < samples; k++) {
                    int i = (int) Math.round(k * ratio) - w.startSample();
                    if (i < 0 || i >= x.length() || (w.mask() != null && i < w.mask().length && !w.mask()[i])) continue;
                    for (int l = 0; l < out.length; l++) {
                        int s = standardIndex[l];
                        if (s < 0 || s >= norm.length) continue;
                        float v = norm[s][i];
                        if (v > out[l][k]) out[l][k] = v;
                    }
                }
            }
            if (any) shown.add(code);
        }
        for (float[] lead : out) keepStrongest(lead, SHADED_FRACTION);
        return new LeadShading(record.id(), shown, out);
    }

    /** Zeroes all but the strongest {@code ⌈fraction · length⌉} samples of a lead (ties with the weakest kept one stay). */
    static void keepStrongest(float[] lead, double fraction) {
        int keep = (int) Math.ceil(fraction * lead.length);
        int positive = 0;
        for (float v : lead) if (v > 0) positive++;
        if (positive <= keep) return;
        float[] sorted = lead.clone();
        Arrays.sort(sorted);
        float cut = sorted[sorted.length - keep];
        for (int k = 0; k < lead.length; k++) if (lead[k] < cut) lead[k] = 0;
    }

    /** The largest intensity over samples {@code [from, to)} of one lead (0 outside the record). */
    public float max(int lead, int from, int to) {
        if (lead < 0 || lead >= intensity.length) return 0;
        float[] row = intensity[lead];
        float m = 0;
        for (int k = Math.max(0, from); k < Math.min(row.length, to); k++) m = Math.max(m, row[k]);
        return m;
    }

    /** Whether anything is shaded at all. */
    public boolean isEmpty() {
        for (float[] row : intensity) for (float v : row) if (v > 0) return false;
        return true;
    }
}
