package org.ecgworkbench.app.measurements;

import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.ecgworkbench.app.RecordMeasurement;
import org.ecgworkbench.measure.Delineation;
import org.ecgworkbench.measure.MedianBeats;

/**
 * The twelve median beats as small multiples (three rows of four columns, the cart's order), on one common
 * voltage scale, with the global fiducials of the CSE convention drawn across every lead: P onset and offset,
 * QRS onset and offset, T end. Where {@link MedianBeatPlot} puts things, this canvas draws; it decides nothing.
 */
public final class MedianBeatsView extends Pane {

    private static final Color PAPER = Color.rgb(255, 247, 247);
    private static final Color GRID = Color.rgb(240, 190, 196);
    private static final Color TRACE = Color.rgb(20, 20, 30);
    private static final Color P_WAVE = Color.rgb(40, 110, 220);
    private static final Color QRS = Color.rgb(30, 150, 70);
    private static final Color T_END = Color.rgb(200, 70, 0);
    private static final Color TEXT = Color.rgb(30, 30, 40);

    private final Canvas canvas = new Canvas();
    private RecordMeasurement shown;

    public MedianBeatsView() {
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        setId("medianBeatsView");
        setMinSize(0, 0);
    }

    public void bind(ObservableValue<RecordMeasurement> measured) {
        measured.addListener((o, old, now) -> {
            shown = now;
            draw();
        });
        shown = measured.getValue();
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(PAPER);
        g.fillRect(0, 0, w, h);
        if (w < 20 || h < 20) return;
        g.setFill(TEXT);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font("System", 12));
        if (shown == null) {
            g.fillText("Median beats: measuring …", 8, 8);
            return;
        }
        if (shown.measurement().medians().isEmpty() || shown.measurement().delineation().isEmpty()) {
            g.fillText("Median beats not measurable: " + String.join("; ", shown.measurement().warnings()), 8, 8);
            return;
        }
        MedianBeats m = shown.measurement().medians().get();
        Delineation d = shown.measurement().delineation().get();
        MedianBeatPlot plot = MedianBeatPlot.of(m, d, w, h);
        for (int lead = 0; lead < m.samples().length; lead++) panel(g, plot, m, d, lead);
        g.setFill(TEXT);
        g.setFont(Font.font("System", 11));
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(String.format(Locale.ROOT, "Median of %d beats · grid 40 ms × 0.1 mV, bold 200 ms × 0.5 mV · "
                + "P on/off blue, QRS on/off green, T end orange", m.beatCount()), 6, h - 2);
    }

    private static void panel(GraphicsContext g, MedianBeatPlot plot, MedianBeats m, Delineation d, int lead) {
        MedianBeatPlot.Panel p = plot.panel(lead);
        // The grid: 40 ms × 0.1 mV, every fifth line bold, as on paper.
        g.setStroke(GRID);
        for (int i = 0; plot.msToX(p, i * 40.0) <= p.x() + p.width(); i++) {
            g.setLineWidth(i % 5 == 0 ? 1.0 : 0.4);
            double x = Math.floor(plot.msToX(p, i * 40.0)) + 0.5;
            g.strokeLine(x, p.y(), x, p.y() + p.height());
        }
        for (int j = (int) Math.ceil(-plot.mvBelow() / 0.1); plot.mvToY(p, j * 0.1) >= p.y(); j++) {
            g.setLineWidth(j % 5 == 0 ? 1.0 : 0.4);
            double y = Math.floor(plot.mvToY(p, j * 0.1)) + 0.5;
            if (y <= p.y() + p.height()) g.strokeLine(p.x(), y, p.x() + p.width(), y);
        }
        fiducial(g, plot, p, d.pOnset(), P_WAVE);
        fiducial(g, plot, p, d.pOffset(), P_WAVE);
        fiducial(g, plot, p, d.qrsOnset(), QRS);
        fiducial(g, plot, p, d.qrsOffset(), QRS);
        fiducial(g, plot, p, d.tEnd(), T_END);
        double[] row = m.samples()[lead];
        int n = Math.min(row.length - 1, plot.last()) - plot.first() + 1;
        double[] xs = new double[Math.max(0, n)];
        double[] ys = new double[Math.max(0, n)];
        for (int k = 0; k < n; k++) {
            xs[k] = plot.sampleToX(p, plot.first() + k);
            ys[k] = plot.mvToY(p, row[plot.first() + k]);
        }
        g.setStroke(TRACE);
        g.setLineWidth(1.2);
        g.strokePolyline(xs, ys, xs.length);
        g.setFill(TEXT);
        g.setFont(Font.font("System", FontWeight.BOLD, 12));
        g.setTextBaseline(VPos.TOP);
        g.fillText(m.names().get(lead), p.x() + 3, p.y() + 2);
    }

    private static void fiducial(GraphicsContext g, MedianBeatPlot plot, MedianBeatPlot.Panel p, int index, Color colour) {
        if (index < 0) return;
        double x = plot.sampleToX(p, index);
        g.setStroke(colour);
        g.setLineWidth(1.2);
        g.setLineDashes(4, 3);
        g.strokeLine(x, p.y(), x, p.y() + p.height());
        g.setLineDashes();
    }
}
