package org.ecgworkbench.synth;

import java.util.Arrays;
import java.util.Optional;

/**
 * The diagnoses the generator can build, each with its challenge abbreviation and SNOMED CT code
 * (as in {@code dx_mapping_scored.csv}) and the rule that makes it true by construction.
 * docs/synthetic-ecg.md gives the ranges behind each rule.
 */
public enum SynthClass {
    NSR("NSR", "426783006", Group.RHYTHM, "sinus rhythm, 62-98 bpm, small RR variability"),
    SB("SB", "426177001", Group.RHYTHM, "sinus rhythm below 60 bpm (40-56 bpm)"),
    BRADY("Brady", "426627000", Group.RATE, "bradycardia: a rate below 60 bpm, sinus (40-56 bpm) or atrial fibrillation (45-56 bpm)"),
    STACH("STach", "427084000", Group.RHYTHM, "sinus rhythm above 100 bpm (105-150 bpm)"),
    SA("SA", "427393009", Group.RHYTHM, "sinus rhythm, 60-95 bpm, respiratory RR variation with a coefficient of variation of 0.08-0.14"),
    AF("AF", "164889003", Group.RHYTHM, "irregularly irregular RR (independent intervals, CV 0.15-0.30), no P wave, f-waves 5-8 Hz"),
    AFL("AFL", "164890007", Group.RHYTHM, "sawtooth F-waves at 260-330/min, fixed 2:1 or 4:1 conduction, no P wave"),
    PACED("PR", "10370003", Group.RHYTHM, "ventricular pacing at a fixed 60-80 bpm: a pacing spike before every wide (130-170 ms) QRS"),
    IAVB("IAVB", "270492004", Group.AV_CONDUCTION, "PR interval 220-320 ms"),
    LPR("LPR", "164947007", Group.AV_CONDUCTION, "PR interval 220-320 ms (the PTB-XL name of the same finding)"),
    RBBB("RBBB", "59118001", Group.VENTRICULAR_CONDUCTION, "QRS 128-160 ms, late rightward-anterior forces: rSR' in V1, wide S in I and V6"),
    CRBBB("CRBBB", "713427006", Group.VENTRICULAR_CONDUCTION, "as RBBB (the challenge scores the two as one)"),
    IRBBB("IRBBB", "713426002", Group.VENTRICULAR_CONDUCTION, "QRS 102-115 ms with a smaller late rightward-anterior force: rSr' in V1"),
    LBBB("LBBB", "164909002", Group.VENTRICULAR_CONDUCTION, "QRS 125-155 ms, no septal q, broad notched leftward-posterior R (I, aVL, V5-V6), deep S in V1, discordant T"),
    LAD("LAD", "39732003", Group.AXIS, "frontal QRS axis -75 to -40 degrees"),
    RAD("RAD", "47665007", Group.AXIS, "frontal QRS axis +100 to +150 degrees"),
    LQT("LQT", "111975006", Group.QT, "QTc (Bazett) 480-550 ms"),
    PVC("PVC", "427172004", Group.VENTRICULAR_ECTOPY, "premature wide (130-170 ms) beats without P at 50-70 % of the RR, discordant T, full compensatory pause"),
    VPB("VPB", "17338001", Group.VENTRICULAR_ECTOPY, "as PVC (the challenge scores the two as one)"),
    PAC("PAC", "284470004", Group.ATRIAL_ECTOPY, "premature narrow beats at 60-78 % of the RR with an ectopic (inverted inferior) P; the sinus node resets"),
    SVPB("SVPB", "63593006", Group.ATRIAL_ECTOPY, "as PAC (the challenge scores the two as one)"),
    TINV("TInv", "59931005", Group.T_WAVE, "T vector reversed: T inverted in I, II, aVF and V2-V6 (0.15-0.35 mV)"),
    TAB("TAb", "164934002", Group.T_WAVE, "flat T: T vector 0.03-0.07 mV"),
    LQRSV("LQRSV", "251146004", Group.VOLTAGE, "QRS peak-to-peak below 0.5 mV in every limb lead (largest 0.25-0.40 mV)");

    /**
     * Classes of one group exclude each other in a record: one rhythm, one AV conduction finding,
     * one bundle-branch pattern, one axis, one T-wave finding, and so on.
     */
    public enum Group { RHYTHM, RATE, AV_CONDUCTION, VENTRICULAR_CONDUCTION, AXIS, QT, VENTRICULAR_ECTOPY, ATRIAL_ECTOPY, T_WAVE, VOLTAGE }

    private final String abbreviation;
    private final String snomedCode;
    private final Group group;
    private final String rule;

    SynthClass(String abbreviation, String snomedCode, Group group, String rule) {
        this.abbreviation = abbreviation;
        this.snomedCode = snomedCode;
        this.group = group;
        this.rule = rule;
    }

    /** The challenge's abbreviation ({@code AF}, {@code CRBBB}, {@code PR} for the pacing rhythm). */
    public String abbreviation() {
        return abbreviation;
    }

    public String snomedCode() {
        return snomedCode;
    }

    public Group group() {
        return group;
    }

    /** The construction rule in one line. */
    public String rule() {
        return rule;
    }

    /** By abbreviation (as the catalogue spells it), case-insensitive; {@code PACED}/{@code PACING} also name the pacing rhythm. */
    public static Optional<SynthClass> parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("PACED") || t.equalsIgnoreCase("PACING")) return Optional.of(PACED);
        return Arrays.stream(values()).filter(c -> c.abbreviation.equalsIgnoreCase(t)).findFirst()
                .or(() -> Arrays.stream(values()).filter(c -> c.snomedCode.equals(t)).findFirst());
    }

    /** The abbreviations, comma separated, for messages and help. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(SynthClass::abbreviation).toList());
    }

    @Override
    public String toString() {
        return abbreviation;
    }
}
