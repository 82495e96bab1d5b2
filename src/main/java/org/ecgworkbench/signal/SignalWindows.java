package org.ecgworkbench.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.LeadName;

/**
 * What a {@link Pipeline} makes of one record, made one block at a time ({@link Pipeline#windows}): block
 * {@code i} is element {@code i} of {@link Pipeline#apply}, but a long recording's windows are cut only
 * when asked for, so they are never all in memory at once (issue 14: 100 M samples as 10-second windows of
 * {@code double} would be another 800 MB).
 */
public final class SignalWindows {
    private final int count;
    private final IntFunction<SignalBlock> maker;

    private SignalWindows(int count, IntFunction<SignalBlock> maker) {
        this.count = count;
        this.maker = maker;
    }

    /** Blocks already made (a pipeline without a windows step gives one). */
    static SignalWindows of(List<SignalBlock> blocks) {
        List<SignalBlock> copy = List.copyOf(blocks);
        return new SignalWindows(copy.size(), copy::get);
    }

    /** The windows of {@code whole}, each then through {@code after}. */
    static SignalWindows cutFrom(SignalBlock whole, LengthStep windows, List<PipelineStep> after) {
        return new SignalWindows(windows.windowCount(whole.length()), i -> Pipeline.runOne(windows.window(whole, i), after));
    }

    /**
     * The windows cut straight from the record's float leads, for a pipeline whose steps before the windows
     * step leave this record as it is: the same values as cutting {@link SignalBlock#of(EcgRecord)} (float to
     * double is exact) without that whole-record {@code double} copy.
     */
    static SignalWindows cutFrom(EcgRecord record, LengthStep windows, List<PipelineStep> after) {
        float[][] leads = new float[SignalBlock.LEADS][];
        List<String> missing = new ArrayList<>();
        for (LeadName name : LeadName.values()) {
            var lead = record.lead(name);
            if (lead.isEmpty()) missing.add(name.label());
            else leads[name.ordinal()] = lead.map(Lead::millivolts).orElseThrow();
        }
        int n = record.samples();
        double fs = record.fs();
        List<String> absent = List.copyOf(missing);
        return new SignalWindows(windows.windowCount(n), i -> {
            int from = windows.windowStart(n, i);
            int length = windows.samples();
            int count = Math.min(n - from, length);
            double[][] out = new double[SignalBlock.LEADS][length];
            for (int l = 0; l < SignalBlock.LEADS; l++) {
                float[] row = leads[l];
                if (row == null) continue;
                double[] o = out[l];
                for (int k = 0; k < count; k++) o[k] = row[from + k];
            }
            boolean[] mask = new boolean[length];
            Arrays.fill(mask, 0, count, true);
            return Pipeline.runOne(new SignalBlock(fs, out, mask, from, absent), after);
        });
    }

    /** How many blocks there are. */
    public int count() {
        return count;
    }

    /** Block {@code index}, made now (each call makes it anew). */
    public SignalBlock get(int index) {
        if (index < 0 || index >= count) throw new IndexOutOfBoundsException("block " + index + " of " + count);
        return maker.apply(index);
    }

    /** Every block at once: only for short recordings or tests. */
    public List<SignalBlock> toList() {
        List<SignalBlock> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(get(i));
        return out;
    }
}
