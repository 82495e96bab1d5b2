package org.ecgworkbench.signal.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Against numpy's rfft (golden file from src/test/python/make_spectrum_golden.py). */
class MagnitudeSpectrumTest {

    @Test
    void agreesWithNumpyForEveryCaseAndWindow() throws Exception {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/spectrum/spectrum.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        assertThat(golden.get("cases").size()).isEqualTo(5);
        for (JsonNode c : golden.get("cases")) {
            double[] x = doubles(c.get("x"));
            for (MagnitudeSpectrum.Window window : MagnitudeSpectrum.Window.values()) {
                MagnitudeSpectrum s = MagnitudeSpectrum.of(x, c.get("fs").asDouble(), window);
                double[] f = doubles(c.get("frequencies"));
                double[] m = doubles(c.get(window.name()));
                assertThat(s.size()).as(c.get("name").asText()).isEqualTo(m.length);
                for (int k = 0; k < m.length; k++) {
                    assertThat(s.frequencies()[k]).isCloseTo(f[k], within(1e-9));
                    assertThat(s.magnitudes()[k]).as("%s %s bin %d", c.get("name").asText(), window, k).isCloseTo(m[k], within(1e-12));
                }
            }
        }
    }

    @Test
    void aSinusoidOnABinShowsItsAmplitudeAtItsFrequency() {
        double[] x = new double[500];
        for (int i = 0; i < x.length; i++) x[i] = 0.3 + 1.5 * Math.cos(2 * Math.PI * 50 * i / 500.0);
        MagnitudeSpectrum s = MagnitudeSpectrum.of(x, 500, MagnitudeSpectrum.Window.NONE);
        assertThat(s.magnitudes()[0]).isCloseTo(0.3, within(1e-12));
        assertThat(s.frequencies()[50]).isEqualTo(50.0);
        assertThat(s.magnitudes()[50]).isCloseTo(1.5, within(1e-12));
        assertThat(s.magnitudes()[49]).isCloseTo(0, within(1e-12));
    }

    @Test
    void emptySignalsAndBadRatesAreRefused() {
        assertThatThrownBy(() -> MagnitudeSpectrum.of(new double[0], 500, MagnitudeSpectrum.Window.HANN)).hasMessageContaining("empty");
        assertThatThrownBy(() -> MagnitudeSpectrum.of(new double[4], 0, MagnitudeSpectrum.Window.HANN)).hasMessageContaining("sampling frequency");
    }

    private static double[] doubles(JsonNode array) {
        double[] d = new double[array.size()];
        for (int i = 0; i < d.length; i++) d[i] = array.get(i).asDouble();
        return d;
    }
}
