package org.ecgworkbench.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.LeadName;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each class rule checked on records written as challenge files and read back, with the simple
 * detectors of {@link EcgMeasurements}, over several seeds (record index = seed % 7, typical noise).
 * Seeds 1-5 by default; {@code -Dsynth.seeds=N -Dsynth.firstSeed=F} runs seeds F..F+N-1 for a wider sweep.
 */
@SlowTest
class SyntheticEcgRulesTest {
    static final long[] SEEDS = LongStream.rangeClosed(Long.getLong("synth.firstSeed", 1),
            Long.getLong("synth.firstSeed", 1) + Long.getLong("synth.seeds", 5) - 1).toArray();

    @TempDir
    Path dir;

    static Stream<Long> seeds() {
        return Arrays.stream(SEEDS).boxed();
    }

    private ReadBack make(String classes, long seed) {
        return ReadBack.of(dir, classes, seed, seed % 7);
    }

    private static String describe(ReadBack r, EcgMeasurements.Measured m) {
        return String.format(Locale.ROOT, "%s seed %d: requested HR %.1f PR %.0f QRS %.0f QTc %.0f axis %.0f; measured HR %.1f "
                        + "PR %.0f QRS %.0f QTc %.0f axis %.0f CV %.3f", r.spec().classes(), r.spec().settings().seed(),
                r.spec().rhythm().heartRate(), r.spec().beat().prMs(), r.spec().beat().qrsMs(), r.spec().beat().qtcMs(),
                r.spec().beat().axisDegrees(), m.heartRate(), m.prMs(), m.qrsMs(), m.qtcMs(), m.axisDegrees(), m.rrCv());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void heartRateIsWithinFivePercentOfTheRequestedRate(long seed) {
        for (String c : List.of("NSR", "SB", "Brady", "STach", "SA", "AF", "AFL", "IAVB", "RBBB", "IRBBB", "LBBB",
                "LAD", "RAD", "LQT", "TInv", "TAb", "AF+Brady", "STach+IAVB")) {
            ReadBack r = make(c, seed);
            EcgMeasurements.Measured m = r.measured();
            assertThat(m.heartRate()).as(describe(r, m)).isCloseTo(r.spec().rhythm().heartRate(),
                    Percentage.withPercentage(5));
        }
        // Premature beats: the underlying rate is the median RR's.
        for (String c : List.of("PVC", "PAC")) {
            ReadBack r = make(c, seed);
            EcgMeasurements.Measured m = r.measured();
            assertThat(m.medianHeartRate()).as(describe(r, m)).isCloseTo(r.spec().rhythm().heartRate(),
                    Percentage.withPercentage(5));
        }
        // Low voltage: the limb leads are too small for a lead II detector, the chest leads are not.
        ReadBack low = make("LQRSV", seed);
        double[] rr = EcgMeasurements.rrIntervals(EcgMeasurements.rPeaksOnClearestLead(low.record()), 500);
        assertThat(60 / EcgMeasurements.mean(rr)).isCloseTo(low.spec().rhythm().heartRate(),
                Percentage.withPercentage(5));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void bradycardiaAndTachycardiaThresholdsHold(long seed) {
        assertThat(make("SB", seed).measured().heartRate()).isLessThan(60);
        assertThat(make("Brady", seed).measured().heartRate()).isLessThan(60);
        assertThat(make("AF+Brady", seed).measured().heartRate()).isLessThan(60);
        assertThat(make("STach", seed).measured().heartRate()).isGreaterThan(100);
        assertThat(make("NSR", seed).measured().heartRate()).isBetween(60.0, 100.0);
    }

    @Test
    void atrialFibrillationIsFarMoreIrregularThanSinusRhythm() {
        double sinusMax = 0;
        double arrhythmiaMin = Double.POSITIVE_INFINITY;
        double afMin = Double.POSITIVE_INFINITY;
        for (long seed : SEEDS) {
            sinusMax = Math.max(sinusMax, make("NSR", seed).measured().rrCv());
            arrhythmiaMin = Math.min(arrhythmiaMin, make("SA", seed).measured().rrCv());
            afMin = Math.min(afMin, make("AF", seed).measured().rrCv());
        }
        assertThat(sinusMax).isLessThan(0.04);
        assertThat(arrhythmiaMin).as("sinus arrhythmia").isGreaterThan(0.07);
        assertThat(afMin).isGreaterThan(0.13).isGreaterThan(3 * sinusMax);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void flutterIsRegularAtHalfOrAQuarterOfTheFlutterRate(long seed) {
        ReadBack r = make("AFL", seed);
        EcgMeasurements.Measured m = r.measured();
        RhythmSpec rhythm = r.spec().rhythm();
        assertThat(rhythm.atrialRateHz() * 60).isBetween(260.0, 330.0);
        assertThat(rhythm.conductionRatio()).isIn(2, 4);
        assertThat(m.rrCv()).isLessThan(0.02);
        assertThat(m.heartRate()).isCloseTo(rhythm.atrialRateHz() * 60 / rhythm.conductionRatio(),
                Percentage.withPercentage(5));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void completeBundleBranchBlocksAreWideAndNormalConductionIsNarrow(long seed) {
        for (String c : List.of("RBBB", "CRBBB", "LBBB", "RBBB+LAD", "LBBB+LAD", "AF+LBBB")) {
            ReadBack r = make(c, seed);
            EcgMeasurements.Measured m = r.measured();
            assertThat(m.qrsMs()).as(describe(r, m)).isGreaterThanOrEqualTo(120);
        }
        for (String c : List.of("NSR", "SB", "STach", "AF", "LAD", "RAD")) {
            ReadBack r = make(c, seed);
            EcgMeasurements.Measured m = r.measured();
            assertThat(m.qrsMs()).as(describe(r, m)).isLessThan(110);
        }
        ReadBack incomplete = make("IRBBB", seed);
        EcgMeasurements.Measured m = incomplete.measured();
        assertThat(m.qrsMs()).as(describe(incomplete, m)).isBetween(98.0, 122.0);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void rightBundleBranchBlockHasRsrPrimeInV1AndWideSInIAndV6(long seed) {
        for (String c : List.of("RBBB", "IRBBB")) {
            ReadBack r = make(c, seed);
            EcgMeasurements.Measured m = r.measured();
            QrsShape v1 = QrsShape.of(m, LeadName.V1);
            assertThat(v1.terminalPeak()).as(c + " R' in V1: " + describe(r, m)).isGreaterThan(0.1);
            assertThat(v1.troughBeforeTerminalPeak()).as(c + " S before R' in V1").isLessThan(v1.terminalPeak() - 0.15);
            assertThat(v1.initialPeak()).as(c + " initial r in V1").isGreaterThan(0.0);
            if (c.equals("RBBB")) {
                for (LeadName lead : List.of(LeadName.I, LeadName.V6)) {
                    QrsShape s = QrsShape.of(m, lead);
                    assertThat(s.terminalTrough()).as("wide S in " + lead + ": " + describe(r, m)).isLessThan(-0.05);
                    assertThat(s.terminalNegativeMs()).as("S duration in " + lead).isGreaterThanOrEqualTo(30);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void leftBundleBranchBlockHasBroadNotchedLateralRAndDeepSInV1(long seed) {
        ReadBack r = make("LBBB", seed);
        EcgMeasurements.Measured m = r.measured();
        QrsShape v1 = QrsShape.of(m, LeadName.V1);
        assertThat(v1.netArea()).as("V1 predominantly negative: " + describe(r, m)).isLessThan(0);
        assertThat(v1.trough()).as("deep S in V1").isLessThan(-0.4);
        for (LeadName lead : List.of(LeadName.I, LeadName.AVL, LeadName.V5, LeadName.V6)) {
            QrsShape s = QrsShape.of(m, lead);
            assertThat(s.netArea()).as("upright " + lead + ": " + describe(r, m)).isGreaterThan(0);
            assertThat(s.initialTrough()).as("no septal q in " + lead).isGreaterThan(-0.05);
        }
        boolean notched = false;
        for (LeadName lead : List.of(LeadName.I, LeadName.AVL, LeadName.V5, LeadName.V6)) notched |= QrsShape.of(m, lead).notched();
        assertThat(notched).as("a notched R in I, aVL, V5 or V6: " + describe(r, m)).isTrue();
        // Discordant T: opposite to the QRS in V6.
        assertThat(m.tPeakV5()).isLessThan(0);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void firstDegreeBlockProlongsPrBeyond200Ms(long seed) {
        for (String c : List.of("IAVB", "LPR", "IAVB+RBBB", "SB+IAVB")) {
            ReadBack r = make(c, seed);
            EcgMeasurements.Measured m = r.measured();
            assertThat(m.prMs()).as(describe(r, m)).isGreaterThan(200).isCloseTo(r.spec().beat().prMs(),
                    Offset.offset(25.0));
        }
        ReadBack normal = make("NSR", seed);
        EcgMeasurements.Measured m = normal.measured();
        assertThat(m.prMs()).as(describe(normal, m)).isBetween(110.0, 205.0)
                .isCloseTo(normal.spec().beat().prMs(), Offset.offset(25.0));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void longQtIsLongAndNormalQtIsNot(long seed) {
        ReadBack longQt = make("LQT", seed);
        EcgMeasurements.Measured m = longQt.measured();
        assertThat(m.qtcMs()).as(describe(longQt, m)).isGreaterThan(460)
                .isCloseTo(longQt.spec().beat().qtcMs(), Offset.offset(40.0));
        for (String c : List.of("NSR", "SB", "STach")) {
            ReadBack r = make(c, seed);
            EcgMeasurements.Measured n = r.measured();
            assertThat(n.qtcMs()).as(describe(r, n)).isLessThan(450)
                    .isCloseTo(r.spec().beat().qtcMs(), Offset.offset(40.0));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void axisDeviationsCrossTheirThresholds(long seed) {
        for (String c : List.of("LAD", "LAD+RBBB", "LAD+LBBB")) {
            ReadBack r = make(c, seed);
            EcgMeasurements.Measured m = r.measured();
            assertThat(m.axisDegrees()).as(describe(r, m)).isLessThan(-30).isGreaterThan(-90);
        }
        for (String c : List.of("RAD", "RAD+RBBB")) {
            ReadBack r = make(c, seed);
            EcgMeasurements.Measured m = r.measured();
            assertThat(m.axisDegrees()).as(describe(r, m)).isGreaterThan(90).isLessThan(180);
        }
        for (String c : List.of("NSR", "RBBB", "LBBB", "IRBBB")) {
            ReadBack r = make(c, seed);
            EcgMeasurements.Measured m = r.measured();
            assertThat(m.axisDegrees()).as(describe(r, m)).isBetween(-30.0, 90.0);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void lowVoltageKeepsEveryLimbLeadUnderHalfAMillivolt(long seed) {
        ReadBack low = make("LQRSV", seed);
        EcgMeasurements.Measured m = EcgMeasurements.measure(low.record(), EcgMeasurements.rPeaksOnClearestLead(low.record()));
        assertThat(m.maxLimbQrsPeakToPeak()).isLessThan(0.5);
        for (String c : List.of("NSR", "LAD", "RBBB")) {
            assertThat(make(c, seed).measured().maxLimbQrsPeakToPeak()).as(c).isGreaterThan(0.6);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void tWaveInversionAndFlatteningShowInIIAndV5(long seed) {
        EcgMeasurements.Measured inverted = make("TInv", seed).measured();
        assertThat(inverted.tPeakII()).isLessThan(-0.05);
        assertThat(inverted.tPeakV5()).isLessThan(-0.05);
        EcgMeasurements.Measured flat = make("TAb", seed).measured();
        assertThat(Math.abs(flat.tPeakII())).isLessThan(0.08);
        assertThat(Math.abs(flat.tPeakV5())).isLessThan(0.08);
        EcgMeasurements.Measured normal = make("NSR", seed).measured();
        assertThat(normal.tPeakII()).isGreaterThan(0.08);
        assertThat(normal.tPeakV5()).isGreaterThan(0.05);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void prematureVentricularBeatsAreEarlyWideAndFollowedByAFullCompensatoryPause(long seed) {
        ReadBack r = make("PVC", seed);
        List<Beat> beats = r.truth().beats();
        int pvcs = 0;
        for (int k = 1; k + 1 < beats.size(); k++) {
            Beat b = beats.get(k);
            if (b.kind() != Beat.Kind.PREMATURE_VENTRICULAR || b.time() < 0 || b.time() > 10) continue;
            pvcs++;
            double before = b.time() - beats.get(k - 1).time();
            double after = beats.get(k + 1).time() - b.time();
            double rr = r.spec().rhythm().meanRr();
            assertThat(before).as("coupling").isLessThan(0.75 * rr);
            assertThat(before + after).as("compensatory pause").isCloseTo(2 * rr, Percentage.withPercentage(12));
            int at = (int) Math.round(b.time() * 500);
            if (at > 100 && at < r.record().samples() - 100) {
                assertThat(EcgMeasurements.singleBeatQrsMs(r.record(), at)).as("PVC width at " + b.time()).isGreaterThanOrEqualTo(120);
            }
        }
        assertThat(pvcs).isPositive();
        // Measured: where lead II's detector finds the sinus beats on both sides of a premature
        // beat, they are two median RR apart.
        int[] peaks = EcgMeasurements.rPeaks(r.record());
        double medianRr = EcgMeasurements.median(EcgMeasurements.rrIntervals(peaks, 500));
        for (int k = 1; k + 1 < beats.size(); k++) {
            Beat b = beats.get(k);
            if (b.kind() != Beat.Kind.PREMATURE_VENTRICULAR) continue;
            double before = detectedNear(peaks, beats.get(k - 1).time());
            double after = detectedNear(peaks, beats.get(k + 1).time());
            if (Double.isNaN(before) || Double.isNaN(after)) continue;
            assertThat(after - before).as("pause around the premature beat at " + b.time())
                    .isCloseTo(2 * medianRr, Percentage.withPercentage(12));
        }
    }

    /** The detected R peak within 60 ms of {@code t}, s; NaN if none. */
    private static double detectedNear(int[] peaks, double t) {
        for (int p : peaks) if (Math.abs(p / 500.0 - t) < 0.06) return p / 500.0;
        return Double.NaN;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void prematureAtrialBeatsAreEarlyAndNarrowWithAnInvertedP(long seed) {
        ReadBack r = make("PAC", seed);
        MorphologyBuilder.Morphologies morphologies = MorphologyBuilder.build(r.spec());
        // The ectopic P points up (negative in II and aVF), the sinus P down and left (positive in both).
        assertThat(pIn(morphologies.prematureAtrial(), false)).isNegative();
        assertThat(pIn(morphologies.prematureAtrial(), true)).isNegative();
        assertThat(pIn(morphologies.conducted(), false)).isPositive();
        assertThat(pIn(morphologies.conducted(), true)).isPositive();
        int pacs = 0;
        List<Beat> beats = r.truth().beats();
        for (int k = 1; k < beats.size(); k++) {
            Beat b = beats.get(k);
            if (b.kind() != Beat.Kind.PREMATURE_ATRIAL || b.time() < 0 || b.time() > 10) continue;
            pacs++;
            assertThat(b.time() - beats.get(k - 1).time()).isLessThan(0.8 * r.spec().rhythm().meanRr());
            int at = (int) Math.round(b.time() * 500);
            if (at > 100 && at < r.record().samples() - 100) {
                assertThat(EcgMeasurements.singleBeatQrsMs(r.record(), at)).as("PAC width").isLessThan(110);
            }
        }
        assertThat(pacs).isPositive();
    }

    /** The P wave's dipole projected on lead II (or aVF = II - I/2). */
    private static double pIn(BeatMorphology m, boolean avf) {
        double[] p = new double[3];
        for (GaussianTerm t : m.terms()) {
            if (t.offset() < m.qrsOnset() - 0.02 && !t.repolarisation()) p[t.component()] += t.amplitude();
        }
        double ii = DowerTransform.lead(DowerTransform.LEAD_II, p[0], p[1], p[2]);
        return avf ? ii - DowerTransform.lead(DowerTransform.LEAD_I, p[0], p[1], p[2]) / 2 : ii;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void atrialFibrillationAndFlutterHaveNoPWaveButAtrialWaves(long seed) {
        for (String c : List.of("AF", "AFL", "PR")) {
            ReadBack r = make(c, seed);
            BeatMorphology conducted = MorphologyBuilder.build(r.spec()).conducted();
            BeatMorphology used = c.equals("PR") ? MorphologyBuilder.build(r.spec()).paced() : conducted;
            assertThat(used.pOnset()).as(c + " has no P wave").isNaN();
            assertThat(used.terms()).allMatch(t -> t.offset() >= used.qrsOnset() - 0.01, "no term before the QRS");
        }
        ReadBack af = make("AF", seed);
        assertThat(af.spec().rhythm().atrialRateHz()).isBetween(4.0, 9.0);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void pacingSpikesPrecedeEveryWideQrs(long seed) {
        ReadBack r = make("PR", seed);
        int[] spikes = EcgMeasurements.pacingSpikes(r.record());
        List<Beat> inside = r.truth().beatsInside();
        int matched = 0;
        for (Beat b : inside) {
            double spikeTime = b.time() - r.spec().beat().qrsMs() / 2000 - 0.004;
            if (spikeTime < 0.01 || spikeTime > 9.99) continue;
            boolean found = Arrays.stream(spikes).anyMatch(s -> Math.abs(s / 500.0 - spikeTime) < 0.006);
            assertThat(found).as("spike before the beat at " + b.time()).isTrue();
            matched++;
            int at = (int) Math.round(b.time() * 500);
            if (at > 100 && at < r.record().samples() - 100) {
                assertThat(EcgMeasurements.singleBeatQrsMs(r.record(), at)).isGreaterThanOrEqualTo(120);
            }
        }
        assertThat(matched).isGreaterThan(5);
        assertThat(spikes.length).isLessThanOrEqualTo(inside.size() + 1);
        assertThat(60.0 / (spikes.length > 1 ? (spikes[spikes.length - 1] - spikes[0]) / 500.0 / (spikes.length - 1) : 1))
                .isCloseTo(r.spec().rhythm().heartRate(), Percentage.withPercentage(5));
    }

    @Test
    void limbLeadIdentitiesHoldExactlyOnReadBackRecords() {
        List<String> sets = new ArrayList<>();
        for (SynthClass c : SynthClass.values()) sets.add(c.abbreviation());
        sets.add("AF+RBBB+LAD");
        int checked = 0;
        for (String c : sets) {
            for (SynthesisSettings s : List.of(new SynthesisSettings(9, 500, 10, 2, 50), new SynthesisSettings(10, 257, 3, 1, 60),
                    new SynthesisSettings(11, 1000, 2, 0, 0))) {
                EcgRecord rec = ReadBack.of(dir, c, s, 1).record();
                int[] i = lead(rec, LeadName.I).adc();
                int[] ii = lead(rec, LeadName.II).adc();
                int[] iii = lead(rec, LeadName.III).adc();
                int[] avr = lead(rec, LeadName.AVR).adc();
                int[] avl = lead(rec, LeadName.AVL).adc();
                int[] avf = lead(rec, LeadName.AVF).adc();
                float[] mi = lead(rec, LeadName.I).millivolts();
                float[] mii = lead(rec, LeadName.II).millivolts();
                float[] miii = lead(rec, LeadName.III).millivolts();
                float[] mavr = lead(rec, LeadName.AVR).millivolts();
                float[] mavl = lead(rec, LeadName.AVL).millivolts();
                float[] mavf = lead(rec, LeadName.AVF).millivolts();
                for (int j = 0; j < rec.samples(); j++) {
                    assertThat(2 * iii[j]).isEqualTo(2 * (ii[j] - i[j]));
                    assertThat(2 * avr[j]).isEqualTo(-(i[j] + ii[j]));
                    assertThat(2 * avl[j]).isEqualTo(2 * i[j] - ii[j]);
                    assertThat(2 * avf[j]).isEqualTo(2 * ii[j] - i[j]);
                    float tolerance = 4 * Math.ulp(Math.max(Math.abs(mi[j]), Math.abs(mii[j])) + 1f);
                    assertThat(Math.abs(miii[j] - (mii[j] - mi[j]))).isLessThanOrEqualTo(tolerance);
                    assertThat(Math.abs(mavr[j] + (mi[j] + mii[j]) / 2)).isLessThanOrEqualTo(tolerance);
                    assertThat(Math.abs(mavl[j] - (mi[j] - mii[j] / 2))).isLessThanOrEqualTo(tolerance);
                    assertThat(Math.abs(mavf[j] - (mii[j] - mi[j] / 2))).isLessThanOrEqualTo(tolerance);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3 * sets.size());
    }

    private static Lead lead(EcgRecord r, LeadName name) {
        return r.lead(name).orElseThrow();
    }

    @Test
    void recordsVaryFromRecordToRecord() {
        List<EcgMeasurements.Measured> ms = new ArrayList<>();
        List<RecordSpec> specs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ReadBack r = ReadBack.of(dir, "NSR", 3, i);
            ms.add(r.measured());
            specs.add(r.spec());
        }
        assertThat(spread(ms.stream().mapToDouble(EcgMeasurements.Measured::heartRate).toArray())).as("HR").isGreaterThan(15);
        assertThat(spread(ms.stream().mapToDouble(EcgMeasurements.Measured::axisDegrees).toArray())).as("axis").isGreaterThan(30);
        assertThat(spread(ms.stream().mapToDouble(EcgMeasurements.Measured::maxLimbQrsPeakToPeak).toArray())).as("amplitude").isGreaterThan(0.4);
        assertThat(spread(specs.stream().mapToDouble(s -> s.noise().whiteMv()).toArray())).as("noise").isGreaterThan(0.005);
        assertThat(specs.stream().map(RecordSpec::age).distinct().count()).isGreaterThan(6);
        assertThat(specs.stream().map(RecordSpec::sex).distinct().count()).isEqualTo(2);
    }

    private static double spread(double[] v) {
        return Arrays.stream(v).max().orElseThrow() - Arrays.stream(v).min().orElseThrow();
    }

    @Test
    void theSameSeedAndIndexGiveTheSameRecordAndOthersDoNot() {
        SynthesisSettings s = SynthesisSettings.defaults(42);
        EcgRecord a = SyntheticEcgGenerator.generate(s, 5, ClassMix.realistic()).record();
        EcgRecord b = SyntheticEcgGenerator.generate(s, 5, ClassMix.realistic()).record();
        EcgRecord c = SyntheticEcgGenerator.generate(s, 6, ClassMix.realistic()).record();
        EcgRecord d = SyntheticEcgGenerator.generate(SynthesisSettings.defaults(43), 5, ClassMix.realistic()).record();
        for (int l = 0; l < 12; l++) {
            assertThat(a.leads().get(l).adc()).isEqualTo(b.leads().get(l).adc());
        }
        assertThat(a.leads().get(1).adc()).isNotEqualTo(c.leads().get(1).adc());
        assertThat(a.leads().get(1).adc()).isNotEqualTo(d.leads().get(1).adc());
    }
}
