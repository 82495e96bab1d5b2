package org.ecgworkbench.signal.dsp;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every invalid design argument is refused with a message that names the parameter. */
class IirFiltersValidationTest {

    static void refused(Executable design, String... fragments) {
        var assertion = assertThatThrownBy(design::execute).isInstanceOf(IllegalArgumentException.class);
        for (String fragment : fragments) {
            assertion.hasMessageContaining(fragment);
        }
    }

    @Test
    void ordersAreOneToEight() {
        refused(() -> IirFilters.butterworthHighPass(0, 0.5, 500), "order must be between 1 and 8, got 0");
        refused(() -> IirFilters.butterworthLowPass(9, 40, 500), "order must be between 1 and 8, got 9");
        refused(() -> IirFilters.butterworthBandPass(-1, 0.5, 40, 500), "order", "got -1");
        assertThatCode(() -> IirFilters.butterworthBandPass(8, 0.5, 40, 500)).doesNotThrowAnyException();
        assertThatCode(() -> IirFilters.butterworthHighPass(1, 0.5, 500)).doesNotThrowAnyException();
    }

    @Test
    void cutoffsAreFinitePositiveAndBelowNyquist() {
        refused(() -> IirFilters.butterworthHighPass(2, Double.NaN, 500), "cutoffHz must be a finite frequency, got NaN");
        refused(() -> IirFilters.butterworthHighPass(2, Double.POSITIVE_INFINITY, 500), "cutoffHz", "Infinity");
        refused(() -> IirFilters.butterworthHighPass(2, 0, 500), "cutoffHz must be > 0 Hz, got 0.0");
        refused(() -> IirFilters.butterworthLowPass(2, -3, 500), "cutoffHz must be > 0 Hz");
        refused(() -> IirFilters.butterworthLowPass(2, 60, 100),
                "low-pass cutoff 60 Hz is above the Nyquist frequency 50 Hz of a 100 Hz signal", "cutoffHz");
        refused(() -> IirFilters.butterworthLowPass(2, 50, 100),
                "low-pass cutoff 50 Hz is at the Nyquist frequency 50 Hz of a 100 Hz signal");
        refused(() -> IirFilters.butterworthBandPass(2, 0.5, 150, 257),
                "band-pass high cutoff 150 Hz is above the Nyquist frequency 128.5 Hz of a 257 Hz signal", "highHz");
        refused(() -> IirFilters.butterworthBandPass(2, 0, 40, 500), "lowHz must be > 0 Hz");
        refused(() -> IirFilters.notch(60, 30, 100), "notch 60 Hz is above the Nyquist frequency 50 Hz of a 100 Hz signal",
                "f0Hz");
        refused(() -> IirFilters.notch(Double.NaN, 30, 100), "f0Hz must be a finite frequency");
    }

    @Test
    void bandEdgesAreOrdered() {
        refused(() -> IirFilters.butterworthBandPass(2, 40, 0.5, 500), "band-pass lowHz 40 Hz must be below highHz 0.5 Hz");
        refused(() -> IirFilters.butterworthBandPass(2, 40, 40, 500), "lowHz 40 Hz must be below highHz 40 Hz");
    }

    @Test
    void qualityAndSamplingRateArePositive() {
        refused(() -> IirFilters.notch(50, 0, 500), "q must be a finite quality factor > 0, got 0.0");
        refused(() -> IirFilters.notch(50, -1, 500), "q must be");
        refused(() -> IirFilters.notch(50, Double.NaN, 500), "q must be");
        refused(() -> IirFilters.butterworthHighPass(2, 0.5, 0), "fs must be a finite sampling frequency > 0 Hz, got 0.0");
        refused(() -> IirFilters.butterworthHighPass(2, 0.5, Double.NaN), "fs must be");
        refused(() -> IirFilters.notch(50, 30, -500), "fs must be");
    }

    @Test
    void theDesignClassesCheckToo() {
        refused(() -> ButterworthDesign.transferFunction(2, ButterworthDesign.Type.BAND_PASS, 500, 0.5),
                "band-pass needs two cutoffs");
        refused(() -> ButterworthDesign.secondOrderSections(2, ButterworthDesign.Type.LOW_PASS, 500, 1, 2),
                "low-pass needs one cutoff");
        refused(() -> NotchDesign.transferFunction(250, 30, 500), "notch 250 Hz is at the Nyquist frequency");
    }
}
