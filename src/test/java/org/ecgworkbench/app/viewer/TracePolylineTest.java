package org.ecgworkbench.app.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ecgworkbench.app.viewer.EcgPaperLayout.Settings;
import org.ecgworkbench.app.viewer.EcgPaperLayout.Signal;
import org.junit.jupiter.api.Test;

class TracePolylineTest {

    @Test
    void denseSamplesKeepEachPixelColumnsExtremesSoSpikesSurvive() {
        float[] mv = new float[5000];
        mv[2345] = 3.0f;     // a one-sample spike
        mv[4000] = -2.0f;
        Signal s = new Signal(500, 5000, EcgPaperLayoutTest.TWELVE);
        EcgPaperLayout l = new EcgPaperLayout(s, new Settings(EcgLayout.TWELVE_BY_ONE, PaperSpeed.STANDARD,
                PaperGain.STANDARD, 1, 0), 1060);
        var cell = l.cells().get(0);
        TracePolyline p = TracePolyline.of(l, cell, mv);
        // ~4 px/mm × 250 mm = 1000 px for 5000 samples: at most two points per pixel column.
        assertThat(p.points()).isLessThanOrEqualTo(2 * 1002).isGreaterThan(900);
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < p.points(); i++) {
            minY = Math.min(minY, p.ys()[i]);
            maxY = Math.max(maxY, p.ys()[i]);
            if (i > 0) assertThat(p.xs()[i]).isGreaterThan(p.xs()[i - 1]);
        }
        assertThat(minY).isCloseTo(l.yPx(cell, 3.0), within(1e-6));
        assertThat(maxY).isCloseTo(l.yPx(cell, -2.0), within(1e-6));
    }

    @Test
    void sparseSamplesAreAllKeptAtTheirTimes() {
        float[] mv = new float[1000];
        for (int i = 0; i < mv.length; i++) mv[i] = (float) Math.sin(i / 10.0);
        Signal s = new Signal(100, 1000, EcgPaperLayoutTest.TWELVE);
        EcgPaperLayout l = new EcgPaperLayout(s, Settings.standard(), 1060);
        var cell = l.cells().get(3);   // aVR, 2.5–5 s
        TracePolyline p = TracePolyline.of(l, cell, mv);
        assertThat(p.points()).isEqualTo(250);
        assertThat(p.xs()[0]).isCloseTo(l.xPx(cell, 2.5), within(1e-9));
        assertThat(p.ys()[10]).isCloseTo(l.yPx(cell, mv[260]), within(1e-6));
    }
}
