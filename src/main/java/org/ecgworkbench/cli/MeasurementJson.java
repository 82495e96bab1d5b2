package org.ecgworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecgworkbench.measure.Beat;
import org.ecgworkbench.measure.BeatType;
import org.ecgworkbench.measure.Delineation;
import org.ecgworkbench.measure.FrontalAxes;
import org.ecgworkbench.measure.GlobalIntervals;
import org.ecgworkbench.measure.LeadMeasurement;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.measure.MedianBeats;
import org.ecgworkbench.measure.QtCorrection;
import org.ecgworkbench.measure.Rhythm;
import org.ecgworkbench.measure.Statement;
import org.ecgworkbench.measure.Voltages;

/**
 * {@code measure --json}: one object per record, every component of the measurement under its own key, a value
 * that could not be measured as {@code null} (its reason is in {@code warnings}). Times in ms, amplitudes in mV,
 * axes in degrees; ms rounded to 0.1, mV to 0.001, as a cart prints them.
 */
final class MeasurementJson {
    private MeasurementJson() {
    }

    static ObjectNode of(MeasuredRecord r, boolean perBeat) {
        Measurement m = r.measurement();
        GlobalIntervals g = m.intervals();
        ObjectNode o = Json.object();
        o.put("id", r.id());
        o.put("path", r.path().toString());
        Json.putNumber(o, "fs", r.fs());
        Json.putNumber(o, "duration_s", round(r.durationS(), 3));
        o.put("leads_measured", r.leadCount());
        o.put("windows", r.windows());
        o.put("beats", m.beats().size());
        ObjectNode types = o.putObject("beat_types");
        typeCounts(m.beats()).forEach((t, n) -> types.put(t.key(), n));
        ms(o, "rate_bpm", g.rateBpm());
        ms(o, "rr_ms", g.rrMs());
        ms(o, "rr_sd_ms", g.rrSdMs());
        ms(o, "p_ms", g.pMs());
        ms(o, "pr_ms", g.prMs());
        ms(o, "qrs_ms", g.qrsMs());
        ms(o, "qt_ms", g.qtMs());
        ObjectNode qtc = o.putObject("qtc_ms");
        for (QtCorrection c : QtCorrection.values()) {
            Double v = m.qtcMs().get(c);
            ms(qtc, c.key(), v == null ? OptionalDouble.empty() : OptionalDouble.of(v));
        }
        FrontalAxes a = m.axes();
        ObjectNode axes = o.putObject("axis_deg");
        ms(axes, "p", a.pDeg());
        ms(axes, "qrs", a.qrsDeg());
        ms(axes, "t", a.tDeg());
        Rhythm rhythm = m.rhythm();
        ObjectNode rh = o.putObject("rhythm");
        ms(rh, "atrial_rate_bpm", rhythm.atrialRateBpm());
        number(rh, "p_beat_fraction", rhythm.pBeatFraction(), 3);
        number(rh, "rr_variation", rhythm.rrVariation(), 3);
        Voltages v = m.voltages();
        ObjectNode volts = o.putObject("voltages_mv");
        mv(volts, "sokolow_lyon", v.sokolowLyonMv());
        mv(volts, "cornell", v.cornellMv());
        putMedian(o, m.medians(), m.delineation());
        ArrayNode leads = o.putArray("leads");
        for (LeadMeasurement l : m.leads()) leads.add(lead(l));
        ArrayNode statements = o.putArray("statements");
        for (Statement s : m.statements()) statements.add(statement(s));
        ArrayNode warnings = o.putArray("warnings");
        r.warnings().forEach(warnings::add);
        if (perBeat) {
            ArrayNode beats = o.putArray("per_beat");
            for (Beat b : m.beats()) beats.add(beat(b, r.fs()));
        }
        return o;
    }

    static Map<BeatType, Integer> typeCounts(List<Beat> beats) {
        Map<BeatType, Integer> counts = new EnumMap<>(BeatType.class);
        for (BeatType t : BeatType.values()) counts.put(t, 0);
        for (Beat b : beats) counts.merge(b.type(), 1, Integer::sum);
        return counts;
    }

    /** The median beat's global fiducials in ms from its QRS onset (null without a median beat). */
    private static void putMedian(ObjectNode o, Optional<MedianBeats> medians, Optional<Delineation> delineation) {
        if (medians.isEmpty() || delineation.isEmpty()) {
            o.putNull("median_beat");
            return;
        }
        MedianBeats mb = medians.get();
        Delineation d = delineation.get();
        ObjectNode n = o.putObject("median_beat");
        n.put("beats", mb.beatCount());
        n.put("samples", mb.length());
        OptionalDouble none = OptionalDouble.empty();
        ms(n, "p_onset_ms", d.hasP() ? OptionalDouble.of(mb.ms(d.qrsOnset(), d.pOnset())) : none);
        ms(n, "p_offset_ms", d.hasP() ? OptionalDouble.of(mb.ms(d.qrsOnset(), d.pOffset())) : none);
        ms(n, "qrs_onset_ms", OptionalDouble.of(0));
        ms(n, "qrs_offset_ms", OptionalDouble.of(mb.ms(d.qrsOnset(), d.qrsOffset())));
        ms(n, "t_peak_ms", d.tPeak() >= 0 ? OptionalDouble.of(mb.ms(d.qrsOnset(), d.tPeak())) : none);
        ms(n, "t_end_ms", d.hasTEnd() ? OptionalDouble.of(mb.ms(d.qrsOnset(), d.tEnd())) : none);
    }

    static ObjectNode lead(LeadMeasurement l) {
        ObjectNode n = Json.object();
        n.put("lead", l.lead());
        mv(n, "p_mv", l.pMv());
        ms(n, "p_ms", l.pMs());
        mv(n, "q_mv", l.qMv());
        ms(n, "q_ms", l.qMs());
        mv(n, "r_mv", l.rMv());
        ms(n, "r_ms", l.rMs());
        mv(n, "s_mv", l.sMv());
        ms(n, "s_ms", l.sMs());
        mv(n, "r_prime_mv", l.rPrimeMv());
        ms(n, "r_prime_ms", l.rPrimeMs());
        mv(n, "s_prime_mv", l.sPrimeMv());
        ms(n, "s_prime_ms", l.sPrimeMs());
        mv(n, "t_mv", l.tMv());
        mv(n, "st_j_mv", l.stJMv());
        mv(n, "st_j60_mv", l.stJ60Mv());
        return n;
    }

    static ObjectNode statement(Statement s) {
        ObjectNode n = Json.object();
        n.put("code", s.code());
        n.put("abbrev", s.abbrev());
        n.put("name", s.name());
        n.put("scored", s.scored());
        n.put("reason", s.reason());
        return n;
    }

    /** One beat: its sample and time, type, template correlation and fiducials (record sample indices; null when absent). */
    static ObjectNode beat(Beat b, double fs) {
        ObjectNode n = Json.object();
        n.put("sample", b.sample());
        Json.putNumber(n, "time_s", round(b.sample() / fs, 4));
        n.put("type", b.type().key());
        Json.putNumber(n, "correlation", round(b.correlation(), 3));
        Delineation d = b.fiducials().orElse(null);
        sample(n, "p_onset", d == null || !d.hasP() ? -1 : d.pOnset());
        sample(n, "p_offset", d == null || !d.hasP() ? -1 : d.pOffset());
        sample(n, "qrs_onset", d == null ? -1 : d.qrsOnset());
        sample(n, "qrs_offset", d == null ? -1 : d.qrsOffset());
        sample(n, "t_peak", d == null ? -1 : d.tPeak());
        sample(n, "t_end", d == null ? -1 : d.tEnd());
        return n;
    }

    private static void sample(ObjectNode n, String key, int index) {
        if (index >= 0) n.put(key, index);
        else n.putNull(key);
    }

    private static void ms(ObjectNode n, String key, OptionalDouble v) {
        number(n, key, v, 1);
    }

    private static void mv(ObjectNode n, String key, OptionalDouble v) {
        number(n, key, v, 3);
    }

    private static void number(ObjectNode n, String key, OptionalDouble v, int digits) {
        if (v.isPresent()) Json.putNumber(n, key, round(v.getAsDouble(), digits));
        else n.putNull(key);
    }

    static double round(double v, int digits) {
        if (!Double.isFinite(v)) return v;
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f + 0.0;
    }
}
