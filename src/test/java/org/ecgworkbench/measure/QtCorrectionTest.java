package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QtCorrectionTest {

    @Test
    void everyFormulaLeavesQtUnchangedAtSixtyBeatsPerMinute() {
        for (QtCorrection c : QtCorrection.values()) assertThat(c.correct(400, 1000)).isCloseTo(400, within(1e-9));
    }

    @Test
    void formulasAtEightyBeatsPerMinuteMatchHandCalculation() {
        // RR 750 ms: sqrt(0.75) = 0.8660, cbrt(0.75) = 0.9086, 154 x 0.25 = 38.5, 1.75 x 20 = 35
        assertThat(QtCorrection.BAZETT.correct(360, 750)).isCloseTo(415.69, within(0.01));
        assertThat(QtCorrection.FRIDERICIA.correct(360, 750)).isCloseTo(396.23, within(0.01));
        assertThat(QtCorrection.FRAMINGHAM.correct(360, 750)).isCloseTo(398.5, within(1e-9));
        assertThat(QtCorrection.HODGES.correct(360, 750)).isCloseTo(395.0, within(1e-9));
    }

    @Test
    void rejectsNonPositiveRr() {
        assertThatThrownBy(() -> QtCorrection.BAZETT.correct(400, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
