package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.ecgworkbench.synth.Beat.Kind;
import org.ecgworkbench.synth.ClassSet;
import org.ecgworkbench.synth.RhythmSpec;
import org.ecgworkbench.synth.SynthClass;
import org.ecgworkbench.synth.SynthesisSettings;
import org.ecgworkbench.synth.SyntheticEcg;
import org.ecgworkbench.synth.SyntheticEcgGenerator;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;

/**
 * Beat types and rhythm figures on records of the synthetic generator, which knows every beat it drew: premature
 * ventricular and atrial beats are typed so, paced records are paced, AF and flutter read as such.
 */
@SlowTest
class RhythmSynthTest {

    private static final int RECORDS = 8;

    private static SyntheticEcg draw(SynthClass c, long index) {
        return SyntheticEcgGenerator.generate(SynthesisSettings.defaults(16), index, ClassSet.of(c));
    }

    /** The measured beat within 60 ms of the generator's beat, or null. */
    private static Beat match(Measurement m, double fs, double time) {
        return m.beats().stream().filter(b -> Math.abs(b.sample() / fs - time) < 0.06).findFirst().orElse(null);
    }

    @Test
    void prematureBeatsAreTypedByTheirOrigin() {
        int pvcs = 0;
        int pvcTyped = 0;
        int pacs = 0;
        int pacTyped = 0;
        for (int i = 0; i < RECORDS; i++) {
            for (SynthClass c : new SynthClass[] {SynthClass.PVC, SynthClass.PAC}) {
                SyntheticEcg ecg = draw(c, i);
                Measurement m = Measurement.of(LeadMatrix.of(ecg.record()));
                double fs = ecg.record().fs();
                for (var b : ecg.beatsInside()) {
                    if (b.time() < 0.5 || b.time() > ecg.record().durationSeconds() - 0.8) continue;
                    Beat measured = match(m, fs, b.time());
                    if (b.kind() == Kind.PREMATURE_VENTRICULAR) {
                        pvcs++;
                        if (measured != null && measured.type() == BeatType.VENTRICULAR_OR_WIDE) pvcTyped++;
                    } else if (b.kind() == Kind.PREMATURE_ATRIAL) {
                        pacs++;
                        if (measured != null && measured.type() == BeatType.PREMATURE_SUPRAVENTRICULAR) pacTyped++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "synthetic PVCs typed ventricular: %d/%d; PACs typed premature supraventricular: %d/%d%n",
                pvcTyped, pvcs, pacTyped, pacs);
        assertThat(pvcTyped).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * pvcs));
        assertThat(pacTyped).isGreaterThanOrEqualTo((int) Math.ceil(0.8 * pacs));
    }

    @Test
    void rhythmsReadAsDrawn() {
        int sinus = 0;
        int af = 0;
        int paced = 0;
        int flutter = 0;
        int flutterSlow = 0;
        for (int i = 0; i < RECORDS; i++) {
            Rhythm nsr = Measurement.of(LeadMatrix.of(draw(SynthClass.NSR, i).record())).rhythm();
            if (nsr.pBeatFraction().orElse(0) >= 0.8 && nsr.rrVariation().orElse(1) < 0.1 && !nsr.flutterWaves()) sinus++;
            Rhythm fib = Measurement.of(LeadMatrix.of(draw(SynthClass.AF, i).record())).rhythm();
            if (RhythmCincTest.afLike(fib)) af++;
            Rhythm pace = Measurement.of(LeadMatrix.of(draw(SynthClass.PACED, i).record())).rhythm();
            if (pace.pacedFraction().orElse(0) >= 0.8) paced++;
            SyntheticEcg afl = draw(SynthClass.AFL, i);
            Rhythm fl = Measurement.of(LeadMatrix.of(afl.record())).rhythm();
            boolean slow = afl.spec().rhythm().conductionRatio() == 4;
            if (slow) flutterSlow++;
            if (slow && fl.flutterWaves()) flutter++;
            RhythmSpec spec = afl.spec().rhythm();
            System.out.printf(Locale.ROOT, "AFL %d: %.0f/min %d:1 -> flutter %s atrial %s; AF -> P %s RRvar %s; paced %s%n", i,
                    spec.atrialRateHz() * 60, spec.conductionRatio(), fl.flutterWaves(), fl.atrialRateBpm(),
                    fib.pBeatFraction(), fib.rrVariation(), pace.pacedFraction());
        }
        System.out.printf(Locale.ROOT, "synthetic: NSR read as sinus %d/%d, AF as AF %d/%d, paced %d/%d, 4:1 flutter %d/%d%n",
                sinus, RECORDS, af, RECORDS, paced, RECORDS, flutter, flutterSlow);
        assertThat(sinus).isEqualTo(RECORDS);
        assertThat(af).isGreaterThanOrEqualTo(RECORDS - 1);
        assertThat(paced).isEqualTo(RECORDS);
        assertThat(flutter).isGreaterThanOrEqualTo(flutterSlow / 2);
    }
}
