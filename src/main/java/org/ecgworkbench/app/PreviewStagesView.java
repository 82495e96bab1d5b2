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
 * shaded blue, the part of the input the length step dropped greyed, each row with its amplitude range
 * and unit (mV, or z after a z-score). A comparison draws its other trace over its row in orange and
 * adds a last row with the difference around a zero line. Min/max per pixel column, so a long lead
 * costs about two points per pixel.
 */
public final class PreviewStagesView extends CanvasPane {

    static final double LABEL_WIDTH = 190;
    private static final Color TRACE = Color.rgb(20, 40, 90);
    private static final Color OVERLAY = Color.rgb(230, 110, 0);
    private static final Color DIFFERENCE = Color.rgb(190, 30, 30);
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
        PreviewComparison comparison = result.comparison();
        int rows = stages.size() + (comparison == null ? 0 : 1);
        PreviewResult.TimeRange shown = range != null ? range : result.wholeRange();
        double t0 = shown.fromSeconds();
        double t1 = shown.toSeconds();
        double axisHeight = 18;
        double rowH = (h - axisHeight) / rows;
        double plotX = LABEL_WIDTH;
        double plotW = w - plotX - 8;
        double from = t0;
        double span = Math.max(1e-9, t1 - t0);
        double[][] ranges = new double[rows][];
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
            boolean overlaid = comparison != null && comparison.stage() == k;
            double[] range = amplitudeRange(s, from, span);
            // Trace and overlay share one scale, so the gap between them is the difference.
            if (overlaid) range = union(range, amplitudeRange(comparison.overlay(), from, span));
            ranges[k] = range;
            drawTrace(g, s, top + 3, rowH - 6, plotX, plotW, from, span, range, TRACE);
            if (overlaid) drawTrace(g, comparison.overlay(), top + 3, rowH - 6, plotX, plotW, from, span, range, OVERLAY);
            if (k == 0) {
                g.setFill(TRUNCATED);
                for (PreviewResult.TimeRange r : result.truncated()) {
                    double a = plotX + (r.fromSeconds() - from) / span * plotW;
                    double b = plotX + (r.toSeconds() - from) / span * plotW;
                    g.fillRect(a, top, Math.max(1, b - a), rowH);
                }
            }
            if (overlaid) {
                g.setTextAlign(TextAlignment.RIGHT);
                g.setTextBaseline(VPos.TOP);
                String legend = "orange: " + comparison.overlayName();
                g.setFill(Color.rgb(255, 255, 255, 0.85));
                g.fillRect(plotX + plotW - 8 - 7 * legend.length(), top + 2, 7 * legend.length() + 6, 15);
                g.setFill(OVERLAY);
                g.fillText(legend, plotX + plotW - 4, top + 3);
            }
        }
        if (comparison != null) {
            int k = stages.size();
            double top = k * rowH;
            PreviewResult.StageTrace d = comparison.difference();
            g.setFill(Color.rgb(255, 248, 245));
            g.fillRect(plotX, top, plotW, rowH);
            double[] range = amplitudeRange(d, from, span);
            double m = Math.max(Math.abs(range[0]), Math.abs(range[1]));
            range = new double[] {-m, m};
            ranges[k] = range;
            double zero = top + 3 + (rowH - 6) / 2;
            g.setStroke(Color.rgb(200, 160, 160));
            g.strokeLine(plotX, zero, plotX + plotW, zero);
            drawTrace(g, d, top + 3, rowH - 6, plotX, plotW, from, span, range, DIFFERENCE);
        }
        g.restore();
        for (int k = 0; k < rows; k++) {
            boolean differenceRow = k == stages.size();
            PreviewResult.StageTrace s = differenceRow ? comparison.difference() : stages.get(k);
            double top = k * rowH;
            g.setStroke(Color.rgb(200, 200, 200));
            g.setLineWidth(1);
            g.strokeLine(0, top + rowH - 0.5, w, top + rowH - 0.5);
            g.setFill(differenceRow ? DIFFERENCE : Color.rgb(30, 30, 30));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            String title = differenceRow ? comparison.label() : k == 0 ? "input · lead " + result.lead() : k + ". " + s.type();
            g.fillText(title, 6, top + 4, LABEL_WIDTH - 70);
            g.setFill(Color.rgb(90, 90, 90));
            String detail = differenceRow ? "difference · " + s.unit() : String.format(Locale.ROOT, "%s Hz · %d · %s", plain(s.fs()), s.samples().length, s.unit());
            g.fillText(detail, 6, top + 19, LABEL_WIDTH - 70);
            drawAmplitudeAxis(g, ranges[k], s.unit(), top + 3, rowH - 6, plotX);
        }
        // Time axis.
        double axisTop = h - axisHeight;
        g.setStroke(Color.rgb(120, 120, 120));
        g.strokeLine(plotX, axisTop + 0.5, plotX + plotW, axisTop + 0.5);
        g.setFill(Color.rgb(60, 60, 60));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double step = niceStep(span / 10);
        for (double t = Math.ceil(from / step - 1e-9) * step; t <= t1 + 1e-9; t += step) {
            double x = plotX + (t - from) / span * plotW;
            g.strokeLine(x, axisTop, x, axisTop + 4);
            g.fillText(plain(Math.round(t * 1000) / 1000.0) + " s", x, axisTop + 4);
        }
        onDrawn.accept(result);
    }

    /** A vertical axis left of the plot: the row's top and bottom values with the unit. */
    private static void drawAmplitudeAxis(GraphicsContext g, double[] range, String unit, double top, double height, double plotX) {
        if (range == null) return;
        g.setStroke(Color.rgb(140, 140, 140));
        g.strokeLine(plotX - 0.5, top, plotX - 0.5, top + height);
        g.strokeLine(plotX - 4, top + 0.5, plotX, top + 0.5);
        g.strokeLine(plotX - 4, top + height - 0.5, plotX, top + height - 0.5);
        g.setFill(Color.rgb(70, 70, 70));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(tick(range[1]) + " " + unit, plotX - 5, top, 62);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(tick(range[0]), plotX - 5, top + height, 62);
    }

    static String tick(double v) {
        double a = Math.abs(v);
        return a == 0 ? "0" : a >= 100 ? String.format(Locale.ROOT, "%.0f", v) : a >= 1 ? String.format(Locale.ROOT, "%.2f", v)
                : a >= 0.01 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.1e", v);
    }

    /** The lowest and highest real sample in view (a unit span around a flat trace). */
    private static double[] amplitudeRange(PreviewResult.StageTrace s, double from, double span) {
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
        return new double[] {lo, hi};
    }

    private static double[] union(double[] a, double[] b) {
        return new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])};
    }

    private static void drawTrace(GraphicsContext g, PreviewResult.StageTrace s, double top, double height, double plotX, double plotW,
            double from, double span, double[] range, Color colour) {
        double[] y = s.samples();
        double lo = range[0];
        double hi = range[1];
        int first = Math.max(0, (int) Math.floor((from - s.startSeconds()) * s.fs()));
        int last = Math.min(y.length, (int) Math.ceil((from + span - s.startSeconds()) * s.fs()) + 1);
        double scale = height / (hi - lo);
        double pxPerSample = plotW / span / s.fs();
        double x0 = plotX + (s.startSeconds() - from) / span * plotW;
        g.setStroke(colour);
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

    public static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    public static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
