package org.ecgworkbench.app.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ecgworkbench.app.viewer.EcgPaperLayout.Settings;
import org.junit.jupiter.api.Test;

class CaliperTest {

    @Test
    void measuresTimeVoltageAndRateOnThePaper() {
        EcgPaperLayout l = new EcgPaperLayout(EcgPaperLayoutTest.TEN_SECONDS_500HZ, Settings.standard(), 1060);
        double mm = l.pxPerMm();
        // 20 mm right at 25 mm/s = 800 ms = 75 bpm; 15 mm up at 10 mm/mV = +1.5 mV.
        Caliper c = Caliper.between(l, 300, 200, 300 + 20 * mm, 200 - 15 * mm);
        assertThat(c.deltaMs()).isCloseTo(800, within(1e-9));
        assertThat(c.deltaMv()).isCloseTo(1.5, within(1e-9));
        assertThat(c.heartRateBpm()).isCloseTo(75, within(1e-9));
        assertThat(c.readout()).isEqualTo("Δt 800 ms · ΔV 1.50 mV · 75 bpm");
        Caliper back = Caliper.between(l, 300 + 20 * mm, 200, 300, 200);
        assertThat(back.deltaMs()).isCloseTo(800, within(1e-9));
        assertThat(Caliper.between(l, 5, 5, 5, 9).heartRateBpm()).isNaN();
    }
}
