package org.ecgworkbench.app;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The raw lead and each stage's output stacked on one time axis (the input record's seconds): padding
 * shaded blue, the part of the input the length step dropped greyed. Min/max per pixel column, so a
 * long lead costs about two points per pixel.
 */
public final class PreviewStagesView extends CanvasPane {

    static final double LABEL_WIDTH = 170;
    private static final Color TRACE = Color.rgb(20, 40, 90);
    private static final Color PADDING = Color.rgb(80, 140, 230, 0.22);
    private static final Color TRUNCATED = Color.rgb(150, 150, 150, 0.45);

    private PreviewResult result;
    private PreviewResult.TimeRange range;
    private Consumer<PreviewResult> onDrawn = r -> { };

    public PreviewStagesView() {
        setMinSize(200, 120);
        setPrefSize(800, 500);
        getStyleClass().add("preview-stages");
    }

    public void setOnDrawn(Consumer<PreviewResult> onDrawn) {
        this.onDrawn = onDrawn;
    }

    /** Draws a result over a span of the input's time axis (everything when the span is null). */
    public void show(PreviewResult r, PreviewResult.TimeRange span) {
        this.result = r;
        this.range = span;
        redraw();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (result == null || w <= LABEL_WIDTH + 10 || h < 20) return;
        List<PreviewResult.StageTrace> stages = result.stages();
        PreviewResult.TimeRange shown = range != null ? range : PreviewViewModel.visibleRange(result, PreviewViewModel.View.WHOLE);
        double t0 = shown.fromSeconds();
        double t1 = shown.toSeconds();
        double axisHeight = 18;
        double rowH = (h - axisHeight) / stages.size();
        double plotX = LABEL_WIDTH;
        double plotW = w - plotX - 8;
        double from = t0;
        double span = Math.max(1e-9, t1 - t0);
        g.setFont(Font.font(11));
        g.save();
        g.beginPath();
        g.rect(plotX, 0, plotW, h);
        g.clip();
        for (int k = 0; k < stages.size(); k++) {
            PreviewResult.StageTrace s = stages.get(k);
            double top = k * rowH;
            g.setFill(k % 2 == 0 ? Color.rgb(250, 250, 252) : Color.WHITE);
            g.fillRect(plotX, top, plotW, rowH);
            // Beyond this stage's samples: nothing there.
            g.setFill(Color.rgb(235, 235, 235));
            double sx0 = plotX + (s.startSeconds() - from) / span * plotW;
            double sx1 = plotX + (s.endSeconds() - from) / span * plotW;
            if (sx0 > plotX) g.fillRect(plotX, top, sx0 - plotX, rowH);
            if (sx1 < plotX + plotW) g.fillRect(sx1, top, plotX + plotW - sx1, rowH);
            g.setFill(PADDING);
            for (PreviewResult.TimeRange r : s.padded()) {
                double a = plotX + (r.fromSeconds() - from) / span * plotW;
                double b = plotX + (r.toSeconds() - from) / span * plotW;
                g.fillRect(a, top, Math.max(1, b - a), rowH);
            }
            drawTrace(g, s, top + 3, rowH - 6, plotX, plotW, from, span);
            if (k == 0) {
                g.setFill(TRUNCATED);
                for (PreviewResult.TimeRange r : result.truncated()) {
                    double a = plotX + (r.fromSeconds() - from) / span * plotW;
                    double b = plotX + (r.toSeconds() - from) / span * plotW;
                    g.fillRect(a, top, Math.max(1, b - a), rowH);
                }
            }
        }
        g.restore();
        for (int k = 0; k < stages.size(); k++) {
            PreviewResult.StageTrace s = stages.get(k);
            double top = k * rowH;
            g.setStroke(Color.rgb(200, 200, 200));
            g.setLineWidth(1);
            g.strokeLine(0, top + rowH - 0.5, w, top + rowH - 0.5);
            g.setFill(Color.rgb(30, 30, 30));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            String title = k == 0 ? "input · lead " + result.lead() : k + ". " + s.type();
            g.fillText(title, 6, top + 4, LABEL_WIDTH - 10);
            g.setFill(Color.rgb(90, 90, 90));
            g.fillText(String.format(Locale.ROOT, "%s Hz · %d samples", plain(s.fs()), s.samples().length), 6, top + 19, LABEL_WIDTH - 10);
        }
        // Time axis.
        double axisTop = h - axisHeight;
        g.setStroke(Color.rgb(120, 120, 120));
        g.strokeLine(plotX, axisTop + 0.5, plotX + plotW, axisTop + 0.5);
        g.setFill(Color.rgb(60, 60, 60));
        g.setTextAlign(TextAlignment.CENTER);
        double step = niceStep(span / 10);
        for (double t = Math.ceil(from / step - 1e-9) * step; t <= t1 + 1e-9; t += step) {
            double x = plotX + (t - from) / span * plotW;
            g.strokeLine(x, axisTop, x, axisTop + 4);
            g.fillText(plain(Math.round(t * 1000) / 1000.0) + " s", x, axisTop + 4);
        }
        onDrawn.accept(result);
    }

    private static void drawTrace(GraphicsContext g, PreviewResult.StageTrace s, double top, double height, double plotX, double plotW,
            double from, double span) {
        double[] y = s.samples();
        boolean[] mask = s.mask();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int first = Math.max(0, (int) Math.floor((from - s.startSeconds()) * s.fs()));
        int last = Math.min(y.length, (int) Math.ceil((from + span - s.startSeconds()) * s.fs()) + 1);
        for (int i = first; i < last; i++) {
            if (mask[i]) {
                lo = Math.min(lo, y[i]);
                hi = Math.max(hi, y[i]);
            }
        }
        if (!(hi >= lo)) {
            lo = -1;
            hi = 1;
        }
        if (hi - lo < 1e-9) {
            lo -= 0.5;
            hi += 0.5;
        }
        double scale = height / (hi - lo);
        double pxPerSample = plotW / span / s.fs();
        double x0 = plotX + (s.startSeconds() - from) / span * plotW;
        g.setStroke(TRACE);
        g.setLineWidth(1);
        g.beginPath();
        boolean started = false;
        int i = Math.max(0, first - 1);
        int end = Math.min(y.length, last + 1);
        while (i < end) {
            long column = (long) Math.floor(x0 + i * pxPerSample);
            int min = i;
            int max = i;
            int j = i + 1;
            while (j < end && (long) Math.floor(x0 + j * pxPerSample) == column) {
                if (y[j] < y[min]) min = j;
                if (y[j] > y[max]) max = j;
                j++;
            }
            int a = Math.min(min, max);
            int b = Math.max(min, max);
            double xa = x0 + a * pxPerSample;
            double ya = top + (hi - y[a]) * scale;
            if (started) g.lineTo(xa, ya);
            else g.moveTo(xa, ya);
            started = true;
            if (b != a) g.lineTo(x0 + b * pxPerSample, top + (hi - y[b]) * scale);
            i = j;
        }
        g.stroke();
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
