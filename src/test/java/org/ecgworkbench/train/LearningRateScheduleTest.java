package org.ecgworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void constantNeverChanges() {
        LearningRateSchedule s = LearningRateSchedule.constant();
        assertThat(s.rate(1e-3, 0, 10)).isEqualTo(1e-3);
        assertThat(s.rate(1e-3, 9.99, 10)).isEqualTo(1e-3);
    }

    @Test
    void stepDecaysEveryStepEpochs() {
        LearningRateSchedule s = LearningRateSchedule.parse("step:3:0.5");
        assertThat(s.rate(1, 2.99, 10)).isEqualTo(1);
        assertThat(s.rate(1, 3.0, 10)).isEqualTo(0.5);
        assertThat(s.rate(1, 6.5, 10)).isEqualTo(0.25);
    }

    @Test
    void cosineGoesFromBaseToZero() {
        LearningRateSchedule s = LearningRateSchedule.parse("cosine");
        assertThat(s.rate(2, 0, 10)).isEqualTo(2);
        assertThat(s.rate(2, 5, 10)).isCloseTo(1, within(1e-12));
        assertThat(s.rate(2, 10, 10)).isCloseTo(0, within(1e-12));
    }

    @Test
    void oneCycleWarmsUpToThePeakThenAnnealsFarBelowTheStart() {
        LearningRateSchedule s = LearningRateSchedule.parse("one-cycle");
        double start = s.rate(1, 0, 10);
        assertThat(start).isCloseTo(1 / 25.0, within(1e-12));
        assertThat(s.rate(1, 3, 10)).isCloseTo(1, within(1e-12));
        assertThat(s.rate(1, 1.5, 10)).isBetween(start, 1.0);
        assertThat(s.rate(1, 10, 10)).isCloseTo(start / 1e4, within(1e-15));
        for (double p = 3; p < 10; p += 0.5) assertThat(s.rate(1, p + 0.5, 10)).isLessThan(s.rate(1, p, 10));
    }

    @Test
    void parseAndDescribeRoundTrip() {
        for (String text : new String[]{"constant", "cosine", "one-cycle", "step:4:0.3"}) {
            assertThat(LearningRateSchedule.parse(text).describe()).isEqualTo(text);
        }
        assertThat(LearningRateSchedule.parse("step")).isEqualTo(new LearningRateSchedule(ScheduleKind.STEP, 10, 0.1));
    }

    @Test
    void badSchedulesAreRefusedWithTheirText() {
        assertThatThrownBy(() -> LearningRateSchedule.parse("linear")).hasMessageContaining("'linear'");
        assertThatThrownBy(() -> LearningRateSchedule.parse("step:x")).hasMessageContaining("step[:EPOCHS[:GAMMA]]");
        assertThatThrownBy(() -> LearningRateSchedule.parse("step:0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> LearningRateSchedule.parse("step:2:1.5")).hasMessageContaining("gamma");
    }
}
