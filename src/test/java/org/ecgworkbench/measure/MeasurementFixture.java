package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A hand-built {@link Measurement} for the statement rules' tests: a normal 12-lead sinus rhythm at 75/min
 * (which makes only NSR) that a test changes one number at a time.
 */
final class MeasurementFixture {

    static final double FS = 500;

    OptionalDouble rate = OptionalDouble.of(75);
    OptionalDouble rr = OptionalDouble.of(800);
    OptionalDouble p = OptionalDouble.of(100);
    OptionalDouble pr = OptionalDouble.of(160);
    OptionalDouble qrs = OptionalDouble.of(90);
    OptionalDouble qt = OptionalDouble.of(380);
    Map<QtCorrection, Double> qtc = new EnumMap<>(QtCorrection.class);
    FrontalAxes axes = new FrontalAxes(OptionalDouble.of(50), OptionalDouble.of(60), OptionalDouble.of(40));
    Rhythm rhythm = new Rhythm(OptionalDouble.empty(), OptionalDouble.of(1.0), OptionalDouble.of(0.02));
    /** RR of each beat in samples (at {@link #FS}); the first beat's type is dominant unless {@link #types} says. */
    List<Integer> rrSamples = new ArrayList<>();
    List<BeatType> types = new ArrayList<>();
    boolean medians = true;
    final Map<String, Wave[]> leads = new LinkedHashMap<>();

    /** One lead's waves: Q, R, S, R′, S′ as {mV, ms} (null = absent), T in mV (null = absent). */
    record Wave(double mv, double ms) {
    }

    MeasurementFixture() {
        for (QtCorrection c : QtCorrection.values()) qtc.put(c, c.correct(380, 800));
        for (int i = 0; i < 12; i++) {
            rrSamples.add(400);
            types.add(BeatType.DOMINANT);
        }
        lead("I", -0.05, 20, 0.8, 40, -0.1, 20, 0.3);
        lead("II", -0.05, 20, 1.0, 40, -0.1, 20, 0.35);
        lead("III", null, null, 0.5, 40, -0.2, 30, 0.1);
        lead("aVR", null, null, 0.1, 20, -0.8, 60, -0.3);
        lead("aVL", -0.05, 15, 0.4, 40, -0.2, 30, 0.1);
        lead("aVF", null, null, 0.7, 40, -0.1, 20, 0.25);
        lead("V1", null, null, 0.2, 30, -0.9, 50, 0.1);
        lead("V2", null, null, 0.4, 35, -1.4, 50, 0.5);
        lead("V3", null, null, 0.8, 40, -0.9, 40, 0.5);
        lead("V4", -0.05, 15, 1.4, 45, -0.5, 25, 0.5);
        lead("V5", -0.08, 20, 1.5, 50, -0.3, 20, 0.4);
        lead("V6", -0.08, 20, 1.2, 50, -0.2, 20, 0.3);
    }

    /** Sets a lead's Q, R, S (amplitude, duration; null = absent) and T amplitude; R′ and S′ absent. */
    MeasurementFixture lead(String name, Double qMv, Integer qMs, Double rMv, Integer rMs, Double sMv, Integer sMs, Double tMv) {
        leads.put(name, new Wave[] {wave(qMv, qMs), wave(rMv, rMs), wave(sMv, sMs), null, null,
                tMv == null ? null : new Wave(tMv, 0)});
        return this;
    }

    MeasurementFixture rPrime(String name, double mv, double ms) {
        leads.get(name)[3] = new Wave(mv, ms);
        return this;
    }

    MeasurementFixture t(String name, double mv) {
        leads.get(name)[5] = new Wave(mv, 0);
        return this;
    }

    MeasurementFixture wave(String name, int index, double mv, double ms) {
        leads.get(name)[index] = new Wave(mv, ms);
        return this;
    }

    MeasurementFixture removeWave(String name, int index) {
        leads.get(name)[index] = null;
        return this;
    }

    private static Wave wave(Double mv, Integer ms) {
        return mv == null ? null : new Wave(mv, ms);
    }

    /** {@code n} beats of which the first {@code special} have type {@code type}, the rest dominant. */
    MeasurementFixture beats(int n, int special, BeatType type) {
        rrSamples.clear();
        types.clear();
        for (int i = 0; i < n; i++) {
            rrSamples.add(400);
            types.add(i < special ? type : BeatType.DOMINANT);
        }
        return this;
    }

    Measurement build() {
        List<Beat> beats = new ArrayList<>();
        int at = 200;
        for (int i = 0; i < rrSamples.size(); i++) {
            beats.add(new Beat(at, types.get(i), 1.0));
            at += rrSamples.get(i);
        }
        List<LeadMeasurement> ls = new ArrayList<>();
        for (Map.Entry<String, Wave[]> e : leads.entrySet()) {
            Wave[] w = e.getValue();
            ls.add(new LeadMeasurement(e.getKey(), OptionalDouble.of(0.1), OptionalDouble.of(90),
                    mv(w[0]), ms(w[0]), mv(w[1]), ms(w[1]), mv(w[2]), ms(w[2]), mv(w[3]), ms(w[3]), mv(w[4]), ms(w[4]),
                    mv(w[5]), OptionalDouble.of(0), OptionalDouble.of(0)));
        }
        Optional<MedianBeats> m = medians
                ? Optional.of(new MedianBeats(List.of("I"), new double[][] {new double[400]}, 150, FS, beats.size()))
                : Optional.empty();
        return new Measurement(beats, m, Optional.empty(), new GlobalIntervals(rr, OptionalDouble.of(20), rate, p, pr, qrs, qt),
                qtc, axes, ls, Voltages.NONE, rhythm, List.of(), List.of());
    }

    private static OptionalDouble mv(Wave w) {
        return w == null ? OptionalDouble.empty() : OptionalDouble.of(w.mv());
    }

    private static OptionalDouble ms(Wave w) {
        return w == null ? OptionalDouble.empty() : OptionalDouble.of(w.ms());
    }
}
