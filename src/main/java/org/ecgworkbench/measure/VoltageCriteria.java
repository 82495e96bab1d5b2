package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecgworkbench.record.LeadName;

/**
 * The voltage criteria of left ventricular hypertrophy from the per-lead waves, as magnitudes in mV:
 * Sokolow–Lyon = S in V1 + the larger R of V5 and V6 (Sokolow and Lyon, Am Heart J 1949), Cornell = R in aVL +
 * S in V3 (Casale et al., J Am Coll Cardiol 1985). A lead's R is its taller positive wave (R or R′), its S its deeper
 * negative wave after the R (S or S′, or the QS of a complex without R); an absent wave counts 0. A lead that is
 * missing, or shows no QRS wave at all (flat), leaves the criterion empty with a warning.
 */
public final class VoltageCriteria {

    private VoltageCriteria() {
    }

    public static Voltages of(List<LeadMeasurement> leads, List<String> warnings) {
        Optional<LeadMeasurement> v1 = lead(leads, LeadName.V1);
        Optional<LeadMeasurement> v3 = lead(leads, LeadName.V3);
        Optional<LeadMeasurement> v5 = lead(leads, LeadName.V5);
        Optional<LeadMeasurement> v6 = lead(leads, LeadName.V6);
        Optional<LeadMeasurement> avl = lead(leads, LeadName.AVL);

        OptionalDouble sokolow = OptionalDouble.empty();
        List<String> missing = missing(leads, LeadName.V1, LeadName.V5, LeadName.V6);
        if (missing.isEmpty()) {
            sokolow = OptionalDouble.of(s(v1.get()) + Math.max(r(v5.get()), r(v6.get())));
        } else {
            warnings.add("Sokolow-Lyon voltage not measurable: " + describe(missing));
        }
        OptionalDouble cornell = OptionalDouble.empty();
        missing = missing(leads, LeadName.AVL, LeadName.V3);
        if (missing.isEmpty()) {
            cornell = OptionalDouble.of(r(avl.get()) + s(v3.get()));
        } else {
            warnings.add("Cornell voltage not measurable: " + describe(missing));
        }
        return new Voltages(sokolow, cornell);
    }

    /** The lead when present with at least one QRS wave. */
    private static Optional<LeadMeasurement> lead(List<LeadMeasurement> leads, LeadName name) {
        return leads.stream()
                .filter(l -> LeadName.parse(l.lead()).filter(name::equals).isPresent())
                .filter(l -> l.qMv().isPresent() || l.rMv().isPresent() || l.sMv().isPresent())
                .findFirst();
    }

    /** Height of the taller positive wave, 0 without one. */
    private static double r(LeadMeasurement l) {
        return Math.max(Math.max(0, l.rMv().orElse(0)), l.rPrimeMv().orElse(0));
    }

    /** Depth of the deeper negative wave after R (or of a QS), 0 without one. */
    private static double s(LeadMeasurement l) {
        return Math.max(Math.max(0, -l.sMv().orElse(0)), -l.sPrimeMv().orElse(0));
    }

    private static List<String> missing(List<LeadMeasurement> leads, LeadName... needed) {
        List<String> out = new ArrayList<>();
        for (LeadName name : needed) {
            if (lead(leads, name).isEmpty()) out.add(name.label());
        }
        return out;
    }

    private static String describe(List<String> missing) {
        return (missing.size() > 1 ? "leads " : "lead ") + String.join(", ", missing) + " missing or flat";
    }
}
