package org.ecgworkbench.app.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ecgworkbench.app.LeadShading;
import org.junit.jupiter.api.Test;

/** A cell's shading as a few merged, quantised rectangles at the right pixels. */
class ShadingBandsTest {

    @Test
    void bandsSitOverTheShadedSamplesAndMerge() {
        EcgPaperLayout.Signal signal = new EcgPaperLayout.Signal(500, 5000,
                List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"));
        EcgPaperLayout layout = new EcgPaperLayout(signal, EcgPaperLayout.Settings.standard(), 1200);
        EcgPaperLayout.Cell rhythm = layout.cells().get(12);
        assertThat(rhythm.rhythmStrip()).isTrue();
        float[][] intensity = new float[12][5000];
        for (int k = 1000; k < 1500; k++) intensity[1][k] = 1f;   // lead II, 2.0–3.0 s: full
        for (int k = 3000; k < 3250; k++) intensity[1][k] = 0.5f; // 6.0–6.5 s: half
        for (int k = 4000; k < 4250; k++) intensity[1][k] = 0.05f; // below one level: clear
        LeadShading s = new LeadShading("R", List.of("A"), intensity);

        List<ShadingBands.Band> bands = ShadingBands.of(layout, rhythm, s, 8);
        assertThat(bands).hasSize(2);
        ShadingBands.Band full = bands.get(0);
        assertThat(full.level()).isEqualTo(8);
        double px = layout.sampleXPx(rhythm, 1) - layout.sampleXPx(rhythm, 0);
        assertThat(full.x0()).isCloseTo(layout.sampleXPx(rhythm, 1000), within(1 + px));
        assertThat(full.x1()).isCloseTo(layout.sampleXPx(rhythm, 1500), within(1 + px));
        assertThat(bands.get(1).level()).isEqualTo(4);

        // Lead I has nothing; the first cell of lead II (0–2.5 s) only its 2.0–2.5 s.
        assertThat(ShadingBands.of(layout, layout.cells().get(0), s, 8)).isEmpty();
        EcgPaperLayout.Cell twoShort = layout.cells().stream().filter(c -> c.label().equals("II") && !c.rhythmStrip()).findFirst().orElseThrow();
        List<ShadingBands.Band> shortBands = ShadingBands.of(layout, twoShort, s, 8);
        assertThat(shortBands).hasSize(1);
        assertThat(shortBands.get(0).x1()).isCloseTo(layout.xPx(twoShort, 2.5), within(1.0));
    }
}
