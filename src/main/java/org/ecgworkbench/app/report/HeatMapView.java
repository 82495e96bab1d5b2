package org.ecgworkbench.app.report;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.ecgworkbench.app.CanvasPane;

/**
 * Draws a {@link HeatMap} on a canvas: true classes down the left, predicted classes along the
 * top, each cell shaded by its value (white to blue) with its count or share written in it.
 */
public final class HeatMapView extends CanvasPane {
    private static final Color FULL = Color.rgb(25, 90, 170);
    private final ObjectProperty<HeatMap> heatMap = new SimpleObjectProperty<>(this, "heatMap", HeatMap.EMPTY);

    public HeatMapView() {
        heatMap.addListener((o, was, now) -> redraw());
        setMinSize(200, 200);
    }

    public ObjectProperty<HeatMap> heatMapProperty() {
        return heatMap;
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        HeatMap m = heatMap.get();
        int n = m == null ? 0 : m.size();
        if (n == 0) return;
        double margin = 92;
        double cell = Math.max(4, Math.min((w - margin - 4) / n, (h - margin - 4) / n));
        Font font = Font.font(Math.max(7, Math.min(11, cell * 0.42)));
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.rgb(40, 40, 40));
        g.setTextAlign(TextAlignment.RIGHT);
        for (int t = 0; t < n; t++) g.fillText(m.labels().get(t), margin - 4, margin + (t + 0.5) * cell);
        for (int p = 0; p < n; p++) {
            g.save();
            g.translate(margin + (p + 0.5) * cell, margin - 4);
            g.rotate(-90);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(m.labels().get(p), 0, 0);
            g.restore();
        }
        g.setTextAlign(TextAlignment.CENTER);
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                double v = m.values()[t][p] / m.max();
                double x = margin + p * cell;
                double y = margin + t * cell;
                g.setFill(Color.WHITE.interpolate(FULL, Math.max(0, Math.min(1, v))));
                g.fillRect(x, y, cell, cell);
                if (cell >= 16 && m.counts()[t][p] > 0) {
                    g.setFill(v > 0.55 ? Color.WHITE : Color.rgb(30, 30, 30));
                    String text = m.normalised() ? String.format(Locale.ROOT, "%.0f", 100 * m.values()[t][p]) : Integer.toString(m.counts()[t][p]);
                    g.fillText(text, x + cell / 2, y + cell / 2);
                }
            }
        }
        g.setStroke(Color.rgb(200, 200, 200));
        g.setLineWidth(1);
        for (int i = 0; i <= n; i++) {
            g.strokeLine(margin, margin + i * cell, margin + n * cell, margin + i * cell);
            g.strokeLine(margin + i * cell, margin, margin + i * cell, margin + n * cell);
        }
    }
}
