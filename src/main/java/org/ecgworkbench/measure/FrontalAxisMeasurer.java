package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.ecgworkbench.record.LeadName;

/**
 * The frontal P, QRS and T axes from the net areas of the waves in the limb leads.
 * <p>
 * For each wave, every limb lead present contributes its mean deviation from its isoelectric level
 * ({@link LeadWaveMeasurer#isoelectricLevel}) over the global wave span: P onset–offset, QRS onset–offset, and
 * J (QRS offset) to T end for the T wave. That net area is the projection of the frontal heart vector on the
 * lead: by Einthoven's triangle, lead I, II and III see it at 0°, 60° and 120° with unit gain, and Goldberger's
 * aVR, aVL and aVF (as carts record them, e.g. aVF = (II + III) / 2) at −150°, −30° and 90° with gain √3/2. The
 * vector is the least-squares fit to all the limb leads present (two suffice: with only I and aVF it is
 * {@code atan2(2·aVF/√3, I)}), and the axis its angle.
 * <p>
 * Not measurable, with a warning: fewer than two limb leads, no such wave (no P, no T end), a wave under
 * {@value #FLAT_MV} mV in every limb lead (flat), or a net vector under {@value #INDETERMINATE_FRACTION} of the
 * wave's largest deviation (equiphasic in every limb lead: the axis is indeterminate).
 */
public final class FrontalAxisMeasurer {

    static final double FLAT_MV = Deflections.MIN_WAVE_MV;
    static final double INDETERMINATE_FRACTION = 0.05;
    private static final double AUGMENTED_GAIN = Math.sqrt(3) / 2;
    private static final Map<LeadName, double[]> DIRECTIONS = new EnumMap<>(LeadName.class);

    static {
        direction(LeadName.I, 0, 1);
        direction(LeadName.II, 60, 1);
        direction(LeadName.III, 120, 1);
        direction(LeadName.AVR, -150, AUGMENTED_GAIN);
        direction(LeadName.AVL, -30, AUGMENTED_GAIN);
        direction(LeadName.AVF, 90, AUGMENTED_GAIN);
    }

    private FrontalAxisMeasurer() {
    }

    private static void direction(LeadName lead, double degrees, double gain) {
        double a = Math.toRadians(degrees);
        DIRECTIONS.put(lead, new double[] {gain * Math.cos(a), gain * Math.sin(a)});
    }

    /** The three axes; what cannot be measured is empty and added to warnings. */
    public static FrontalAxes measure(MedianBeats m, Delineation d, List<String> warnings) {
        List<Integer> limb = new ArrayList<>();
        List<LeadName> present = new ArrayList<>();
        for (int l = 0; l < m.names().size(); l++) {
            LeadName lead = LeadName.parse(m.names().get(l)).orElse(null);
            if (lead == null || !DIRECTIONS.containsKey(lead) || present.contains(lead)) continue;
            if (!LeadWaveMeasurer.measurable(m.samples()[l])) continue;
            limb.add(l);
            present.add(lead);
        }
        if (limb.size() < 2) {
            String why = limb.isEmpty() ? "no limb lead" : "only limb lead " + present.get(0).label();
            String reason = " not measurable: " + why + " (two of I, II, III, aVR, aVL, aVF are needed)";
            warnings.add("P axis" + reason);
            warnings.add("QRS axis" + reason);
            warnings.add("T axis" + reason);
            return FrontalAxes.NONE;
        }
        OptionalDouble p = OptionalDouble.empty();
        if (d.hasP()) {
            p = axis("P", m, d, limb, present, d.pOnset(), d.pOffset(), warnings);
        } else {
            warnings.add("P axis not measurable: no P wave found on the median beat");
        }
        OptionalDouble qrs = axis("QRS", m, d, limb, present, d.qrsOnset(), d.qrsOffset(), warnings);
        OptionalDouble t = OptionalDouble.empty();
        if (d.hasTEnd()) {
            t = axis("T", m, d, limb, present, d.qrsOffset(), d.tEnd(), warnings);
        } else {
            warnings.add("T axis not measurable: no T end found on the median beat");
        }
        return new FrontalAxes(p, qrs, t);
    }

    private static OptionalDouble axis(String wave, MedianBeats m, Delineation d, List<Integer> limb,
                                       List<LeadName> present, int from, int to, List<String> warnings) {
        to = Math.min(to, m.length() - 1);
        from = Math.max(0, from);
        if (to < from) {
            warnings.add(wave + " axis not measurable: empty wave span");
            return OptionalDouble.empty();
        }
        // Normal equations of the least-squares fit of (x, y) to the leads' net areas.
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        double bx = 0;
        double by = 0;
        double largest = 0;
        for (int k = 0; k < limb.size(); k++) {
            double[] row = m.samples()[limb.get(k)];
            double level = LeadWaveMeasurer.isoelectricLevel(row, d, m.fs());
            double sum = 0;
            for (int i = from; i <= to; i++) {
                double y = row[i] - level;
                sum += y;
                largest = Math.max(largest, Math.abs(y));
            }
            double net = sum / (to - from + 1);
            double[] u = DIRECTIONS.get(present.get(k));
            sxx += u[0] * u[0];
            sxy += u[0] * u[1];
            syy += u[1] * u[1];
            bx += u[0] * net;
            by += u[1] * net;
        }
        if (largest < FLAT_MV) {
            warnings.add(String.format(Locale.ROOT, "%s axis not measurable: %s wave flat in the limb leads (under %.2f mV)",
                    wave, wave, FLAT_MV));
            return OptionalDouble.empty();
        }
        double det = sxx * syy - sxy * sxy;
        double x = (syy * bx - sxy * by) / det;
        double y = (sxx * by - sxy * bx) / det;
        if (Math.hypot(x, y) < INDETERMINATE_FRACTION * largest) {
            warnings.add(wave + " axis not measurable: indeterminate (net area near zero in every limb lead)");
            return OptionalDouble.empty();
        }
        double deg = Math.toDegrees(Math.atan2(y, x));
        return OptionalDouble.of(deg <= -180 ? deg + 360 : deg);
    }
}
