package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class VoltageCriteriaTest {

    private static OptionalDouble of(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** A lead with the given QRS waves (null: absent); durations do not matter here. */
    static LeadMeasurement lead(String name, Double q, Double r, Double s, Double rPrime, Double sPrime) {
        OptionalDouble e = OptionalDouble.empty();
        OptionalDouble ms = OptionalDouble.of(20);
        return new LeadMeasurement(name, e, e, of(q), q == null ? e : ms, of(r), r == null ? e : ms, of(s),
                s == null ? e : ms, of(rPrime), rPrime == null ? e : ms, of(sPrime), sPrime == null ? e : ms, e, e, e);
    }

    @Test
    void sokolowLyonAndCornellFromTheWaves() {
        List<LeadMeasurement> leads = List.of(
                lead("aVL", null, 0.9, -0.2, null, null),
                lead("V1", null, 0.2, -1.6, 0.1, -1.9), // the deeper of S and S' counts
                lead("V3", -0.1, 0.6, -1.4, null, null),
                lead("V5", -0.1, 2.1, -0.3, null, null),
                lead("V6", null, 1.4, null, 1.8, null)); // the taller of R and R' counts
        List<String> warnings = new ArrayList<>();
        Voltages v = VoltageCriteria.of(leads, warnings);
        assertThat(v.sokolowLyonMv().getAsDouble()).isCloseTo(1.9 + 2.1, within(1e-9));
        assertThat(v.cornellMv().getAsDouble()).isCloseTo(0.9 + 1.4, within(1e-9));
        assertThat(warnings).isEmpty();
    }

    @Test
    void aQsInV1CountsAsItsSAndAnAbsentWaveAsZero() {
        List<LeadMeasurement> leads = List.of(
                lead("aVL", -0.3, null, -0.3, null, null), // QS in aVL: no R
                lead("V1", -1.2, null, -1.2, null, null),
                lead("V3", null, 1.1, null, null, null), // no S
                lead("V5", null, 1.5, -0.1, null, null),
                lead("V6", null, 1.7, null, null, null));
        Voltages v = VoltageCriteria.of(leads, new ArrayList<>());
        assertThat(v.sokolowLyonMv().getAsDouble()).isCloseTo(1.2 + 1.7, within(1e-9));
        assertThat(v.cornellMv().getAsDouble()).isCloseTo(0, within(1e-9));
    }

    @Test
    void aMissingOrFlatLeadLeavesTheCriterionEmptyWithAWarning() {
        List<LeadMeasurement> leads = List.of(
                lead("V1", null, 0.2, -1.6, null, null),
                lead("V3", null, null, null, null, null), // flat: no QRS wave at all
                lead("V5", null, 2.1, -0.3, null, null));
        List<String> warnings = new ArrayList<>();
        Voltages v = VoltageCriteria.of(leads, warnings);
        assertThat(v).isEqualTo(Voltages.NONE);
        assertThat(warnings).containsExactly("Sokolow-Lyon voltage not measurable: lead V6 missing or flat",
                "Cornell voltage not measurable: leads aVL, V3 missing or flat");
    }
}
