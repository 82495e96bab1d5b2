package org.ecgworkbench.app.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.measure.Delineation;
import org.ecgworkbench.measure.MedianBeats;
import org.junit.jupiter.api.Test;

/** The median-beat panels: the cart's order, one voltage scale, the beat from before P onset to after T end. */
class MedianBeatPlotTest {

    static MedianBeats twelve(double peakMv) {
        List<String> names = List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");
        List<double[]> rows = new ArrayList<>();
        for (int lead = 0; lead < 12; lead++) {
            double[] row = new double[600];
            row[300] = lead == 7 ? peakMv : 1.0;
            row[310] = -0.8;
            rows.add(row);
        }
        return new MedianBeats(names, rows.toArray(new double[0][]), 300, 500, 9);
    }

    @Test
    void panelsGoDownTheColumnsOnOneScale() {
        MedianBeatPlot plot = MedianBeatPlot.of(twelve(2.0), new Delineation(200, 250, 280, 330, 400, 450), 800, 316);
        MedianBeatPlot.Panel first = plot.panel(0);
        assertThat(first).isEqualTo(new MedianBeatPlot.Panel(0, 0, 200, 100));
        assertThat(plot.panel(2)).isEqualTo(new MedianBeatPlot.Panel(0, 200, 200, 100)); // III under I and II
        assertThat(plot.panel(3)).isEqualTo(new MedianBeatPlot.Panel(200, 0, 200, 100)); // aVR tops the second column
        assertThat(plot.panel(11)).isEqualTo(new MedianBeatPlot.Panel(600, 200, 200, 100));
        // 0 mV at the same height in every panel; the tallest wave (V2's 2 mV) and the deepest (−0.8) fit.
        double zero = plot.mvToY(first, 0) - first.y();
        assertThat(plot.mvToY(plot.panel(4), 0) - plot.panel(4).y()).isCloseTo(zero, within(1e-9));
        assertThat(plot.mvToY(first, 2.1)).isCloseTo(first.y(), within(1e-9));
        assertThat(plot.mvToY(first, -0.9)).isCloseTo(first.y() + first.height(), within(1e-9));
    }

    @Test
    void theBeatRunsFromBeforeItsFirstOnsetToAfterItsTEnd() {
        // 80 ms before P onset (40 samples at 500 Hz), 120 ms after T end (60 samples).
        MedianBeatPlot plot = MedianBeatPlot.of(twelve(1), new Delineation(200, 250, 280, 330, 400, 450), 800, 316);
        assertThat(plot.first()).isEqualTo(160);
        assertThat(plot.last()).isEqualTo(510);
        MedianBeatPlot.Panel p = plot.panel(5);
        assertThat(plot.sampleToX(p, 160)).isEqualTo(p.x());
        assertThat(plot.sampleToX(p, 510)).isCloseTo(p.x() + p.width(), within(1e-9));
        assertThat(plot.msToX(p, 40)).isCloseTo(plot.sampleToX(p, 180), within(1e-9));
        // No P wave and no T end: from before QRS onset to 400 ms after QRS offset, within the median window.
        MedianBeatPlot noWaves = MedianBeatPlot.of(twelve(1), new Delineation(-1, -1, 280, 330, -1, -1), 800, 316);
        assertThat(noWaves.first()).isEqualTo(240);
        assertThat(noWaves.last()).isEqualTo(530);
        MedianBeatPlot late = MedianBeatPlot.of(twelve(1), new Delineation(-1, -1, 280, 330, 500, 590), 800, 316);
        assertThat(late.last()).isEqualTo(599);
    }
}
