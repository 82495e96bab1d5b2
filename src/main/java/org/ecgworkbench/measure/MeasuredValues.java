package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.ecgworkbench.record.LeadName;

/**
 * The vocabulary the statement rules are written in: named numbers derived from a {@link Measurement}. A name
 * whose value cannot be measured is simply absent from {@link #of(Measurement)}'s map, so a rule that needs it
 * cannot fire through it. docs/measurements.md lists the vocabulary (it is {@link #VOCABULARY}).
 *
 * <p>Per-lead names end in the lead's standard spelling ({@code r_V1_mv}, {@code q_aVL_ms}). A lead counts as
 * measured when any of its QRS waves (Q, R, S, R′, S′) was found; in a measured lead an absent wave reads as
 * 0 (no R′ in V1 is {@code rprime_V1_mv = 0}), in an unmeasured lead every name of the lead is absent.
 */
public final class MeasuredValues {

    /**
     * One name of the vocabulary.
     *
     * @param name        the name rules use
     * @param label       how a reason prints it ("PR", "R′ V1")
     * @param unit        ms, mV, bpm, °, or empty for counts and fractions
     * @param description what it is, for the docs
     */
    public record Definition(String name, String label, String unit, String description) {
    }

    /** Leads whose pathological Q waves are counted together (inferior, lateral, anterior), after the MI definitions. */
    static final List<List<LeadName>> CONTIGUOUS_GROUPS = List.of(
            List.of(LeadName.II, LeadName.III, LeadName.AVF),
            List.of(LeadName.I, LeadName.AVL, LeadName.V5, LeadName.V6),
            List.of(LeadName.V2, LeadName.V3, LeadName.V4));

    /** Leads whose T wave is judged (Minnesota code 5), each only when its R is at least {@link #T_LEAD_MIN_R_MV}. */
    static final List<LeadName> T_LEADS = List.of(LeadName.I, LeadName.II, LeadName.AVL, LeadName.AVF,
            LeadName.V3, LeadName.V4, LeadName.V5, LeadName.V6);
    static final double T_LEAD_MIN_R_MV = 0.5;
    static final double T_INVERTED_MV = -0.1;
    static final double T_FLAT_MV = 0.1;
    static final double Q_PATHOLOGICAL_MS = 30;
    static final double Q_PATHOLOGICAL_MV = -0.1;

    private static final List<LeadName> LIMB = List.of(LeadName.I, LeadName.II, LeadName.III, LeadName.AVR,
            LeadName.AVL, LeadName.AVF);
    private static final List<LeadName> PRECORDIAL = List.of(LeadName.V1, LeadName.V2, LeadName.V3, LeadName.V4,
            LeadName.V5, LeadName.V6);

    /** The per-lead quantities: name prefix, label prefix, unit, description, accessor. */
    private record PerLead(String prefix, String label, String unit, String description,
                           Function<LeadMeasurement, OptionalDouble> value) {
    }

    private static final List<PerLead> PER_LEAD = List.of(
            new PerLead("p", "P", "mV", "P amplitude", LeadMeasurement::pMv),
            new PerLead("q", "Q", "mV", "Q amplitude (negative)", LeadMeasurement::qMv),
            new PerLead("q", "Q", "ms", "Q duration", LeadMeasurement::qMs),
            new PerLead("r", "R", "mV", "R amplitude", LeadMeasurement::rMv),
            new PerLead("r", "R", "ms", "R duration", LeadMeasurement::rMs),
            new PerLead("s", "S", "mV", "S amplitude (negative)", LeadMeasurement::sMv),
            new PerLead("s", "S", "ms", "S duration", LeadMeasurement::sMs),
            new PerLead("rprime", "R′", "mV", "R′ amplitude", LeadMeasurement::rPrimeMv),
            new PerLead("rprime", "R′", "ms", "R′ duration", LeadMeasurement::rPrimeMs),
            new PerLead("sprime", "S′", "mV", "S′ amplitude (negative)", LeadMeasurement::sPrimeMv),
            new PerLead("sprime", "S′", "ms", "S′ duration", LeadMeasurement::sPrimeMs),
            new PerLead("t", "T", "mV", "T amplitude", LeadMeasurement::tMv),
            new PerLead("stj", "ST at J", "mV", "ST level at J", LeadMeasurement::stJMv),
            new PerLead("stj60", "ST at J+60", "mV", "ST level at J + 60 ms", LeadMeasurement::stJ60Mv));

    /** Every name, in the order the docs list them. */
    public static final List<Definition> VOCABULARY = vocabulary();

    private static final Map<String, Definition> BY_NAME = byName();

    private MeasuredValues() {
    }

    private static List<Definition> vocabulary() {
        List<Definition> v = new ArrayList<>();
        v.add(new Definition("rate_bpm", "rate", "bpm", "ventricular rate, 60000 / mean RR"));
        v.add(new Definition("rr_ms", "RR", "ms", "mean RR"));
        v.add(new Definition("rr_sd_ms", "RR SD", "ms", "standard deviation of RR"));
        v.add(new Definition("rr_range_ms", "RR range", "ms", "longest − shortest RR between consecutive beats"));
        v.add(new Definition("rr_variation", "RR variation", "", "mean absolute successive RR difference / mean RR (Rhythm)"));
        v.add(new Definition("p_beat_fraction", "beats with P", "", "fraction of typed beats with a P wave before the QRS (Rhythm)"));
        v.add(new Definition("atrial_rate_bpm", "atrial rate", "bpm", "atrial rate from P, flutter or fibrillatory waves (Rhythm)"));
        v.add(new Definition("p_ms", "P", "ms", "P duration"));
        v.add(new Definition("pr_ms", "PR", "ms", "PR interval"));
        v.add(new Definition("qrs_ms", "QRS", "ms", "QRS duration"));
        v.add(new Definition("qt_ms", "QT", "ms", "QT interval"));
        for (QtCorrection c : QtCorrection.values()) {
            v.add(new Definition("qtc_" + c.key() + "_ms", "QTc " + capitalised(c.key()), "ms", "QT corrected by " + capitalised(c.key())));
        }
        v.add(new Definition("p_axis_deg", "P axis", "°", "frontal P axis"));
        v.add(new Definition("qrs_axis_deg", "QRS axis", "°", "frontal QRS axis"));
        v.add(new Definition("t_axis_deg", "T axis", "°", "frontal T axis"));
        v.add(new Definition("sokolow_lyon_mv", "Sokolow-Lyon", "mV", "S V1 + larger R of V5, V6"));
        v.add(new Definition("cornell_mv", "Cornell", "mV", "R aVL + S V3"));
        v.add(new Definition("beat_count", "beats", "", "detected beats"));
        for (BeatType t : BeatType.values()) {
            v.add(new Definition("count_" + t.key(), t.key().replace('_', ' ') + " beats", "", "beats typed " + t.key()));
        }
        v.add(new Definition("paced_beat_fraction", "paced beats", "", "paced beats / typed beats (all but untyped)"));
        v.add(new Definition("qrs_amp_limb_max_mv", "largest limb-lead QRS", "mV",
                "largest QRS peak-to-peak amplitude over the six limb leads (all six measured)"));
        v.add(new Definition("qrs_amp_precordial_max_mv", "largest precordial QRS", "mV",
                "largest QRS peak-to-peak amplitude over V1–V6 (all six measured)"));
        v.add(new Definition("q_contiguous_leads", "contiguous leads with pathological Q", "",
                "most leads of one contiguous group (II III aVF; I aVL V5 V6; V2 V3 V4) with Q ≥ 30 ms and ≤ −0.1 mV"));
        v.add(new Definition("t_inverted_leads", "leads with inverted T", "",
                "leads of I II aVL aVF V3–V6 with R ≥ 0.5 mV and T ≤ −0.1 mV"));
        v.add(new Definition("t_flat_leads", "leads with flat T", "",
                "leads of I II aVL aVF V3–V6 with R ≥ 0.5 mV and −0.1 mV < T < 0.1 mV"));
        for (LeadName lead : LeadName.values()) {
            for (PerLead p : PER_LEAD) {
                v.add(new Definition(p.prefix + "_" + lead.label() + "_" + p.unit.toLowerCase(Locale.ROOT),
                        p.label + " " + lead.label(), p.unit, p.description + " in " + lead.label()));
            }
            v.add(new Definition("qrs_amp_" + lead.label() + "_mv", "QRS " + lead.label(), "mV",
                    "QRS peak-to-peak amplitude in " + lead.label() + " (largest of R, R′ minus deepest of Q, S, S′)"));
        }
        return List.copyOf(v);
    }

    private static Map<String, Definition> byName() {
        Map<String, Definition> m = new LinkedHashMap<>();
        for (Definition d : VOCABULARY) {
            if (m.put(d.name(), d) != null) throw new IllegalStateException("vocabulary name twice: " + d.name());
        }
        return Collections.unmodifiableMap(m);
    }

    /** The definition of a name, if the vocabulary has it. */
    public static Optional<Definition> definition(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The measurable values of {@code m}, by name; a value that cannot be measured is absent. */
    public static Map<String, Double> of(Measurement m) {
        Map<String, Double> v = new LinkedHashMap<>();
        GlobalIntervals g = m.intervals();
        put(v, "rate_bpm", g.rateBpm());
        put(v, "rr_ms", g.rrMs());
        put(v, "rr_sd_ms", g.rrSdMs());
        rrRange(m).ifPresent(r -> v.put("rr_range_ms", r));
        Rhythm rhythm = m.rhythm();
        put(v, "rr_variation", rhythm.rrVariation());
        put(v, "p_beat_fraction", rhythm.pBeatFraction());
        put(v, "atrial_rate_bpm", rhythm.atrialRateBpm());
        put(v, "p_ms", g.pMs());
        put(v, "pr_ms", g.prMs());
        put(v, "qrs_ms", g.qrsMs());
        put(v, "qt_ms", g.qtMs());
        for (QtCorrection c : QtCorrection.values()) {
            Double qtc = m.qtcMs().get(c);
            if (qtc != null && Double.isFinite(qtc)) v.put("qtc_" + c.key() + "_ms", qtc);
        }
        put(v, "p_axis_deg", m.axes().pDeg());
        put(v, "qrs_axis_deg", m.axes().qrsDeg());
        put(v, "t_axis_deg", m.axes().tDeg());
        put(v, "sokolow_lyon_mv", m.voltages().sokolowLyonMv());
        put(v, "cornell_mv", m.voltages().cornellMv());
        beatCounts(m, v);

        Map<LeadName, LeadMeasurement> leads = measuredLeads(m);
        for (Map.Entry<LeadName, LeadMeasurement> e : leads.entrySet()) {
            LeadMeasurement lm = e.getValue();
            String lead = e.getKey().label();
            for (PerLead p : PER_LEAD) {
                OptionalDouble x = p.value.apply(lm);
                boolean qrsWave = !p.prefix.equals("p") && !p.prefix.equals("t") && !p.prefix.startsWith("stj");
                String name = p.prefix + "_" + lead + "_" + p.unit.toLowerCase(Locale.ROOT);
                if (x.isPresent() && Double.isFinite(x.getAsDouble())) v.put(name, x.getAsDouble());
                else if (qrsWave) v.put(name, 0.0); // an absent wave of a measured QRS
            }
            v.put("qrs_amp_" + lead + "_mv", qrsAmplitude(lm));
        }
        maxAmplitude(v, leads, LIMB, "qrs_amp_limb_max_mv");
        maxAmplitude(v, leads, PRECORDIAL, "qrs_amp_precordial_max_mv");
        if (!leads.isEmpty()) {
            v.put("q_contiguous_leads", (double) qContiguousLeads(leads));
            v.put("t_inverted_leads", (double) tLeads(leads, true));
            v.put("t_flat_leads", (double) tLeads(leads, false));
        }
        return Collections.unmodifiableMap(v);
    }

    private static void put(Map<String, Double> v, String name, OptionalDouble x) {
        if (x.isPresent() && Double.isFinite(x.getAsDouble())) v.put(name, x.getAsDouble());
    }

    private static String capitalised(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** RR range in ms over consecutive beats, at the median beats' sampling rate (the record's). */
    private static Optional<Double> rrRange(Measurement m) {
        List<Beat> beats = m.beats();
        if (beats.size() < 3 || m.medians().isEmpty()) return Optional.empty();
        double fs = m.medians().get().fs();
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 1; i < beats.size(); i++) {
            int rr = beats.get(i).sample() - beats.get(i - 1).sample();
            min = Math.min(min, rr);
            max = Math.max(max, rr);
        }
        return Optional.of((max - min) * 1000.0 / fs);
    }

    private static void beatCounts(Measurement m, Map<String, Double> v) {
        if (m.beats().isEmpty()) return;
        int typed = 0;
        int paced = 0;
        Map<BeatType, Integer> counts = new LinkedHashMap<>();
        for (BeatType t : BeatType.values()) counts.put(t, 0);
        for (Beat b : m.beats()) {
            counts.merge(b.type(), 1, Integer::sum);
            if (b.type() != BeatType.UNTYPED) typed++;
            if (b.type() == BeatType.PACED) paced++;
        }
        v.put("beat_count", (double) m.beats().size());
        for (Map.Entry<BeatType, Integer> e : counts.entrySet()) v.put("count_" + e.getKey().key(), (double) e.getValue());
        if (typed > 0) v.put("paced_beat_fraction", paced / (double) typed);
    }

    /** The leads with at least one QRS wave found, by standard name. */
    private static Map<LeadName, LeadMeasurement> measuredLeads(Measurement m) {
        Map<LeadName, LeadMeasurement> leads = new LinkedHashMap<>();
        for (LeadMeasurement lm : m.leads()) {
            Optional<LeadName> name = LeadName.parse(lm.lead());
            boolean anyQrs = present(lm.qMv()) || present(lm.rMv()) || present(lm.sMv()) || present(lm.rPrimeMv())
                    || present(lm.sPrimeMv());
            if (name.isPresent() && anyQrs) leads.putIfAbsent(name.get(), lm);
        }
        return leads;
    }

    private static boolean present(OptionalDouble x) {
        return x.isPresent() && Double.isFinite(x.getAsDouble());
    }

    private static double or0(OptionalDouble x) {
        return present(x) ? x.getAsDouble() : 0.0;
    }

    private static double qrsAmplitude(LeadMeasurement lm) {
        double up = Math.max(0, Math.max(or0(lm.rMv()), or0(lm.rPrimeMv())));
        double down = Math.min(0, Math.min(or0(lm.qMv()), Math.min(or0(lm.sMv()), or0(lm.sPrimeMv()))));
        return up - down;
    }

    private static void maxAmplitude(Map<String, Double> v, Map<LeadName, LeadMeasurement> leads, List<LeadName> group,
                                     String name) {
        double max = Double.NEGATIVE_INFINITY;
        for (LeadName lead : group) {
            LeadMeasurement lm = leads.get(lead);
            if (lm == null) return; // "in all limb leads" needs all of them
            max = Math.max(max, qrsAmplitude(lm));
        }
        v.put(name, max);
    }

    private static int qContiguousLeads(Map<LeadName, LeadMeasurement> leads) {
        int best = 0;
        for (List<LeadName> group : CONTIGUOUS_GROUPS) {
            int n = 0;
            for (LeadName lead : group) {
                LeadMeasurement lm = leads.get(lead);
                if (lm != null && or0(lm.qMs()) >= Q_PATHOLOGICAL_MS && or0(lm.qMv()) <= Q_PATHOLOGICAL_MV) n++;
            }
            best = Math.max(best, n);
        }
        return best;
    }

    private static int tLeads(Map<LeadName, LeadMeasurement> leads, boolean inverted) {
        int n = 0;
        for (LeadName lead : T_LEADS) {
            LeadMeasurement lm = leads.get(lead);
            if (lm == null || !present(lm.tMv()) || or0(lm.rMv()) < T_LEAD_MIN_R_MV) continue;
            double t = lm.tMv().getAsDouble();
            if (inverted ? t <= T_INVERTED_MV : t > T_INVERTED_MV && t < T_FLAT_MV) n++;
        }
        return n;
    }
}
