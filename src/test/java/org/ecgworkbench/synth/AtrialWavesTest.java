package org.ecgworkbench.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The atrial waves alone (added to an empty VCG) and projected on V1 and II. */
class AtrialWavesTest {

    private static double[] atrialWavesInLead(RecordSpec spec, List<Beat> beats, int lead) {
        int n = spec.settings().samples();
        double[][] vcg = new double[3][n];
        AtrialWaves.add(spec, beats, vcg);
        return DowerTransform.project(vcg)[lead];
    }

    /** Dominant frequency by counting upward zero crossings in one-second windows. */
    private static double[] crossingsPerSecond(double[] x, int fs) {
        int windows = x.length / fs;
        double[] f = new double[windows];
        for (int w = 0; w < windows; w++) {
            int ups = 0;
            for (int i = w * fs + 1; i < (w + 1) * fs; i++) if (x[i - 1] < 0 && x[i] >= 0) ups++;
            f[w] = ups;
        }
        return f;
    }

    @Test
    void fibrillatoryWavesStayBetweenFourAndNineHertz() {
        for (long seed = 1; seed <= 10; seed++) {
            SynthesisSettings s = new SynthesisSettings(seed, 500, 20, 0, 0);
            RecordSpec spec = RecordSpecSampler.draw(s, seed, ClassSet.of(SynthClass.AF));
            double[] v1 = atrialWavesInLead(spec, BeatSchedule.build(spec), 2);
            for (double f : crossingsPerSecond(v1, 500)) assertThat(f).as("seed " + seed).isBetween(4.0, 9.0);
            double rms = Math.sqrt(Arrays.stream(v1).map(v -> v * v).average().orElseThrow());
            assertThat(rms).as("visible f-waves in V1").isBetween(0.02, 0.2);
        }
    }

    @Test
    void flutterWavesRunAtTheFlutterRateAndAreLockedToTheQrs() {
        for (long seed = 1; seed <= 10; seed++) {
            SynthesisSettings s = new SynthesisSettings(seed, 500, 10, 0, 0);
            RecordSpec spec = RecordSpecSampler.draw(s, seed, ClassSet.of(SynthClass.AFL));
            List<Beat> beats = BeatSchedule.build(spec);
            double[] ii = atrialWavesInLead(spec, beats, 1);
            double rate = spec.rhythm().atrialRateHz();
            double mean = Arrays.stream(crossingsPerSecond(ii, 500)).average().orElseThrow();
            assertThat(mean).as("F-waves per second, seed " + seed).isCloseTo(rate, Offset.offset(0.6));
            // The same F-wave phase at every QRS: conduction is a fixed ratio.
            Double first = null;
            for (Beat b : beats) {
                int i = (int) Math.round(b.time() * 500);
                if (i < 0 || i >= ii.length) continue;
                if (first == null) first = ii[i];
                assertThat(ii[i]).isCloseTo(first, Offset.offset(0.03));
            }
        }
    }

    @Test
    void sinusRhythmHasNoAtrialWaves() {
        RecordSpec spec = RecordSpecSampler.draw(SynthesisSettings.defaults(1), 0, ClassSet.of(SynthClass.NSR));
        assertThat(atrialWavesInLead(spec, BeatSchedule.build(spec), 2)).containsOnly(0.0);
    }
}
