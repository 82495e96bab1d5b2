package org.ecgworkbench.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizeStepTest {
    private static SignalBlock block(double[] lead0, boolean[] mask) {
        double[][] s = new double[SignalBlock.LEADS][lead0.length];
        s[0] = lead0;
        return new SignalBlock(500, s, mask, 0, List.of());
    }

    @Test
    void zscoreUsesPopulationStatisticsOfTheRealSamplesOnly() {
        SignalBlock b = block(new double[] {1, 2, 3, 0, 0}, new boolean[] {true, true, true, false, false});
        double[] z = NormalizeStep.of(NormalizeStep.Kind.ZSCORE).apply(b).get(0).samples()[0];
        double sd = Math.sqrt(2.0 / 3);
        assertThat(z[0]).isCloseTo(-1 / sd, within(1e-15));
        assertThat(z[2]).isCloseTo(1 / sd, within(1e-15));
        assertThat(z[3]).isZero();
        // A flat lead (lead 1, all zeros) stays zero rather than dividing by zero.
        assertThat(NormalizeStep.of(NormalizeStep.Kind.ZSCORE).apply(b).get(0).samples()[1]).containsOnly(0.0);
    }

    @Test
    void minmaxMapsIntoTheUnitInterval() {
        SignalBlock b = block(new double[] {-2, 0, 2}, new boolean[] {true, true, true});
        assertThat(NormalizeStep.of(NormalizeStep.Kind.MINMAX).apply(b).get(0).samples()[0]).containsExactly(0, 0.5, 1);
    }

    @Test
    void scaleMultiplies() {
        SignalBlock b = block(new double[] {-2, 0, 2}, new boolean[] {true, true, true});
        assertThat(new NormalizeStep(NormalizeStep.Kind.SCALE, 0.5).apply(b).get(0).samples()[0]).containsExactly(-1, 0, 1);
    }
}
