package org.ecgworkbench.synth;

import java.util.Locale;
import org.ecgworkbench.record.Sex;

/**
 * Draws a record's parameters from the documented ranges (docs/synthetic-ecg.md), so that every
 * class rule holds and no rule of a class the record does not carry is met by accident: a record
 * without STach stays at or below 98 bpm, one without LAD keeps its axis between -15 and +75
 * degrees, one without LQRSV keeps a limb lead above 0.7 mV, and so on.
 */
public final class RecordSpecSampler {
    static final long SPEC_STREAM = 1;

    private RecordSpecSampler() {
    }

    /** The record name for a 0-based index: {@code SYN00001} for 0. */
    public static String recordId(long index) {
        return String.format(Locale.ROOT, "SYN%05d", index + 1);
    }

    public static RecordSpec draw(SynthesisSettings settings, long index, ClassSet classes) {
        SplitMix64 r = SplitMix64.forRecord(settings.seed(), index, SPEC_STREAM);
        int age = r.uniformInt(18, 90);
        Sex sex = r.chance(0.5) ? Sex.MALE : Sex.FEMALE;
        RhythmSpec rhythm = rhythm(classes, settings, r);
        BeatSpec beat = beat(classes, rhythm, r);
        NoiseSpec noise = noise(settings, r);
        return new RecordSpec(recordId(index), settings, index, classes, age, sex, rhythm, beat, noise);
    }

    private static RhythmSpec rhythm(ClassSet c, SynthesisSettings settings, SplitMix64 r) {
        boolean avBlock = c.hasAny(SynthClass.IAVB, SynthClass.LPR);
        double respiratory = r.uniform(0.15, 0.35);
        double mayer = r.uniform(0.08, 0.12);
        double lfHf = r.uniform(0.5, 2.0);
        RhythmSpec.Kind kind = RhythmSpec.Kind.SINUS;
        double hr;
        double cv = r.uniform(0.01, 0.035);
        double atrialRate = 0;
        int ratio = 1;
        double atrialAmplitude = 0;
        if (c.has(SynthClass.AF)) {
            kind = RhythmSpec.Kind.ATRIAL_FIBRILLATION;
            hr = c.has(SynthClass.BRADY) ? r.uniform(45, 56) : r.uniform(65, 120);
            cv = r.uniform(0.15, 0.30);
            atrialRate = r.uniform(5.0, 8.0);
            atrialAmplitude = r.uniform(0.05, 0.12);
        } else if (c.has(SynthClass.AFL)) {
            kind = RhythmSpec.Kind.ATRIAL_FLUTTER;
            atrialRate = r.uniform(260, 330) / 60.0;
            ratio = r.chance(0.5) ? 2 : 4;
            hr = atrialRate * 60 / ratio;
            cv = 0;
            atrialAmplitude = r.uniform(0.20, 0.40);
        } else if (c.has(SynthClass.PACED)) {
            kind = RhythmSpec.Kind.VENTRICULAR_PACING;
            hr = r.uniformInt(60, 80);
            cv = 0;
        } else if (c.hasAny(SynthClass.SB, SynthClass.BRADY)) {
            hr = r.uniform(40, 56);
        } else if (c.has(SynthClass.STACH)) {
            hr = avBlock ? r.uniform(105, 115) : r.uniform(105, 150);
            cv = r.uniform(0.005, 0.02);
        } else if (c.has(SynthClass.SA)) {
            hr = r.uniform(62, 95);
            cv = r.uniform(0.08, 0.14);
            lfHf = r.uniform(0.1, 0.3);
            respiratory = r.uniform(0.2, 0.3);
        } else {
            // With a long PR the P wave needs room after the previous T wave: at most 90 bpm.
            hr = avBlock ? r.uniform(62, 90) : r.uniform(62, 98);
        }
        int pvc = c.hasAny(SynthClass.PVC, SynthClass.VPB) ? ectopicCount(settings, r) : 0;
        int pac = c.hasAny(SynthClass.PAC, SynthClass.SVPB) ? ectopicCount(settings, r) : 0;
        return new RhythmSpec(kind, hr, cv, lfHf, mayer, respiratory, atrialRate, ratio, atrialAmplitude, pvc, pac);
    }

    /** One to three per 10 s, at least one. */
    private static int ectopicCount(SynthesisSettings settings, SplitMix64 r) {
        int max = Math.max(1, (int) Math.round(settings.durationSeconds() * 0.25));
        return r.uniformInt(1, max);
    }

    private static BeatSpec beat(ClassSet c, RhythmSpec rhythm, SplitMix64 r) {
        BeatSpec.Conduction conduction = BeatSpec.Conduction.NORMAL;
        double qrs = r.uniform(80, 98);
        if (c.hasAny(SynthClass.RBBB, SynthClass.CRBBB)) {
            conduction = BeatSpec.Conduction.RBBB;
            qrs = r.uniform(128, 160);
        } else if (c.has(SynthClass.IRBBB)) {
            conduction = BeatSpec.Conduction.INCOMPLETE_RBBB;
            qrs = r.uniform(102, 115);
        } else if (c.has(SynthClass.LBBB)) {
            conduction = BeatSpec.Conduction.LBBB;
            qrs = r.uniform(125, 155);
        } else if (c.has(SynthClass.PACED)) {
            conduction = BeatSpec.Conduction.PACED;
            qrs = r.uniform(130, 170);
        }
        double qtc = c.has(SynthClass.LQT) ? r.uniform(480, 550) : r.uniform(380, 430);
        double rrMs = rhythm.meanRr() * 1000;
        double qtMs = qtc * Math.sqrt(rhythm.meanRr());
        double pr = Double.NaN;
        double pAmplitude = 0;
        if (rhythm.kind() == RhythmSpec.Kind.SINUS) {
            // Where the rate allows, the P wave starts 60 ms after the previous T wave ends
            // (PR <= RR - QT - 60 ms); at fast rates or long QT it may ride on that T wave.
            double room = rrMs - qtMs - 60;
            pr = c.hasAny(SynthClass.IAVB, SynthClass.LPR)
                    ? r.uniform(220, Math.max(230, Math.min(320, room)))
                    : r.uniform(130, Math.max(140, Math.min(190, room)));
            pAmplitude = r.uniform(0.08, 0.18);
        }
        double axis;
        if (c.has(SynthClass.LAD)) axis = r.uniform(-75, -40);
        else if (c.has(SynthClass.RAD)) axis = r.uniform(100, 150);
        else if (c.has(SynthClass.LBBB)) axis = r.uniform(0, 40); // keeps aVL upright
        else axis = r.uniform(0, 75);
        BeatSpec.TWave t = BeatSpec.TWave.NORMAL;
        double tAmplitude = r.uniform(0.20, 0.45);
        if (c.has(SynthClass.TINV)) {
            t = BeatSpec.TWave.INVERTED;
            tAmplitude = r.uniform(0.15, 0.35);
        } else if (c.has(SynthClass.TAB)) {
            t = BeatSpec.TWave.FLAT;
            tAmplitude = r.uniform(0.03, 0.07);
        }
        double qrsAmplitude = r.uniform(1.0, 2.2);
        double lowVoltage = c.has(SynthClass.LQRSV) ? r.uniform(0.25, 0.40) : Double.NaN;
        return new BeatSpec(conduction, t, pr, qrs, qtc, axis, qrsAmplitude, tAmplitude, pAmplitude, lowVoltage);
    }

    private static NoiseSpec noise(SynthesisSettings s, SplitMix64 r) {
        double level = s.noiseLevel();
        double white = r.uniform(0.005, 0.020) * level;
        double wander = r.uniform(0.02, 0.10) * level;
        double drift = r.uniform(0.0, 0.08) * level;
        double driftHz = r.uniform(0.03, 0.10);
        double powerline = s.powerlineHz() > 0 && s.fs() > 2.2 * s.powerlineHz() ? s.powerlineHz() : 0;
        double powerlineMv = powerline > 0 ? r.uniform(0.005, 0.030) * level : 0;
        return new NoiseSpec(white, wander, drift, driftHz, powerline, powerlineMv);
    }
}
