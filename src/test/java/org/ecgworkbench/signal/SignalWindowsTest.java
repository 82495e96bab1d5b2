package org.ecgworkbench.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.LeadName;
import org.junit.jupiter.api.Test;

/** Issue 14, point 3: windows made one at a time are exactly the blocks the whole-record pipeline gives. */
class SignalWindowsTest {

    /** A record of every standard lead but V3, with noise, so every sample differs. */
    static EcgRecord record(int samples, double fs) {
        Random random = new Random(samples);
        List<Lead> leads = new ArrayList<>();
        for (LeadName name : LeadName.values()) {
            if (name == LeadName.V3) continue;
            float[] mv = new float[samples];
            for (int i = 0; i < samples; i++) mv[i] = (float) (Math.sin(i * 0.013 * (name.ordinal() + 1)) + 0.1 * random.nextGaussian());
            leads.add(new Lead(name.label(), name.label(), 1000, 0, "mV", mv, null, Optional.empty()));
        }
        return new EcgRecord("R", Path.of("R.hea"), fs, leads, OptionalDouble.empty(), Optional.empty(), List.of(), false,
                List.of(), Optional.empty());
    }

    static void assertSameBlocks(List<SignalBlock> lazy, List<SignalBlock> whole) {
        assertThat(lazy).hasSameSizeAs(whole);
        for (int i = 0; i < whole.size(); i++) {
            SignalBlock a = lazy.get(i);
            SignalBlock b = whole.get(i);
            assertThat(a.fs()).isEqualTo(b.fs());
            assertThat(a.startSample()).as("block %d start", i).isEqualTo(b.startSample());
            assertThat(a.mask()).as("block %d mask", i).isEqualTo(b.mask());
            assertThat(a.missingLeads()).isEqualTo(b.missingLeads());
            for (int l = 0; l < SignalBlock.LEADS; l++) assertThat(a.samples()[l]).as("block %d lead %d", i, l).isEqualTo(b.samples()[l]);
        }
    }

    @Test
    void windowsCutStraightFromTheRecordAreTheWholeRecordPipelinesWindows() {
        // Already at the target rate: the resample step leaves the record as it is, so the windows come from its floats.
        Pipeline p = new Pipeline(List.of(new ResampleStep(ResampleStep.Method.FFT, 500), new LengthStep(1000, LengthStep.Policy.WINDOWS, 700)));
        for (int n : new int[] {400, 1000, 1001, 1700, 2400, 2401, 9_999}) {
            EcgRecord r = record(n, 500);
            SignalWindows lazy = p.windows(r);
            assertSameBlocks(lazy.toList(), p.apply(r));
        }
        assertThat(p.windows(record(9_999, 500)).count()).isEqualTo(14); // 13 every 700 samples, one ending at the last
    }

    @Test
    void windowsAfterWholeRecordStepsAreTheSameAsWhenAllAreMadeAtOnce() {
        // Resampling, filtering and z-scoring need the whole record; a step after the windows runs per window.
        Pipeline p = new Pipeline(List.of(new ResampleStep(ResampleStep.Method.FFT, 500), FilterStep.highPass(0.5, 2),
                NormalizeStep.of(NormalizeStep.Kind.ZSCORE), new LengthStep(1000, LengthStep.Policy.WINDOWS, 1000),
                NormalizeStep.of(NormalizeStep.Kind.MINMAX)));
        EcgRecord r = record(4_321, 257);
        assertSameBlocks(p.windows(r).toList(), p.apply(r));
        assertSameBlocks(p.windows(SignalBlock.of(r)).toList(), p.apply(r));
        assertThat(p.windows(r).count()).isEqualTo(9);
    }

    @Test
    void resamplingFromTheRecordsFloatsTwoLeadsAtATimeGivesTheBlockPathsValues() {
        // The FFT path transforms rows in pairs; applyTo keeps the same pairs, so the values are identical, not close.
        for (ResampleStep step : List.of(new ResampleStep(ResampleStep.Method.FFT, 500), new ResampleStep(ResampleStep.Method.POLY, 500),
                new ResampleStep(ResampleStep.Method.FFT, 100))) {
            for (double fs : new double[] {250, 257, 1000}) {
                if (step.method() == ResampleStep.Method.POLY && fs == 257) continue; // 257/500 reduces to a factor poly refuses
                EcgRecord r = record(3_001, fs);
                assertSameBlocks(List.of(step.applyTo(r)), step.apply(SignalBlock.of(r)));
            }
        }
        Pipeline poly = new Pipeline(List.of(new ResampleStep(ResampleStep.Method.POLY, 500), new LengthStep(1000, LengthStep.Policy.WINDOWS, 500)));
        EcgRecord r = record(2_500, 1000);
        assertSameBlocks(poly.windows(r).toList(), poly.apply(r));
    }

    @Test
    void aPipelineWithoutWindowsGivesItsOneBlock() {
        Pipeline p = Pipeline.defaultRecipe();
        EcgRecord r = record(3_000, 250);
        assertSameBlocks(p.windows(r).toList(), p.apply(r));
        assertThat(p.windows(r).count()).isOne();
    }

    @Test
    void eachBlockIsMadeWhenAskedFor() {
        Pipeline p = new Pipeline(List.of(new LengthStep(100, LengthStep.Policy.WINDOWS, 100)));
        SignalWindows w = p.windows(record(1_000, 500));
        assertThat(w.count()).isEqualTo(10);
        assertThat(w.get(3)).isNotSameAs(w.get(3));
        assertThat(w.get(3).startSample()).isEqualTo(300);
        assertThatThrownBy(() -> w.get(10)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
