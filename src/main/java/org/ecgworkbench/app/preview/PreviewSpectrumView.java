package org.ecgworkbench.app.preview;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.ecgworkbench.app.CanvasPane;
import org.ecgworkbench.app.PreviewResult;
import org.ecgworkbench.app.PreviewStagesView;
import org.ecgworkbench.signal.dsp.MagnitudeSpectrum;

/** The lead's magnitude spectrum before and after the pipeline, magnitude on a log scale (six decades). */
public final class PreviewSpectrumView extends CanvasPane {

    private static final Color BEFORE = Color.rgb(120, 120, 120);
    private static final Color AFTER = Color.rgb(210, 50, 40);
    private static final double DECADES = 6;

    private PreviewResult result;

    public PreviewSpectrumView() {
        setMinSize(200, 80);
        setPrefSize(800, 200);
    }

    public void show(PreviewResult r) {
        this.result = r;
        redraw();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (result == null || w < 100 || h < 40) return;
        double left = 56;
        double right = w - 10;
        double top = 20;
        double bottom = h - 20;
        MagnitudeSpectrum before = result.spectrumBefore();
        MagnitudeSpectrum after = result.spectrumAfter();
        double fMax = Math.max(last(before.frequencies()), last(after.frequencies()));
        double peak = Math.max(max(before.magnitudes()), max(after.magnitudes()));
        double logHi = Math.ceil(Math.log10(peak > 0 ? peak : 1));
        double logLo = logHi - DECADES;
        g.setFont(Font.font(11));
        g.setStroke(Color.rgb(225, 225, 225));
        g.setFill(Color.rgb(70, 70, 70));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double d = logLo; d <= logHi + 1e-9; d++) {
            double y = bottom - (d - logLo) / DECADES * (bottom - top);
            g.strokeLine(left, y, right, y);
            g.fillText("1e" + (int) d, left - 4, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double step = PreviewStagesView.niceStep(fMax / 10);
        for (double f = 0; f <= fMax + 1e-9; f += step) {
            double x = left + f / fMax * (right - left);
            g.strokeLine(x, top, x, bottom);
            g.fillText(PreviewStagesView.plain(f) + " Hz", x, bottom + 3);
        }
        curve(g, before, BEFORE, left, right, top, bottom, fMax, logLo);
        curve(g, after, AFTER, left, right, top, bottom, fMax, logLo);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(BEFORE);
        g.fillText("before: input (mV)", left + 6, 3);
        g.setFill(AFTER);
        g.fillText(String.format(Locale.ROOT, "after: output of %d step(s), real samples", result.stages().size() - 1), left + 120, 3);
        g.setFill(Color.rgb(70, 70, 70));
        g.fillText("|X(f)|, Hann window, log scale", left + 390, 3);
    }

    private static void curve(GraphicsContext g, MagnitudeSpectrum s, Color color, double left, double right, double top, double bottom,
            double fMax, double logLo) {
        double[] f = s.frequencies();
        double[] m = s.magnitudes();
        g.setStroke(color);
        g.setLineWidth(1);
        g.beginPath();
        boolean started = false;
        int i = 0;
        while (i < f.length) {
            long column = (long) Math.floor(left + f[i] / fMax * (right - left));
            double lo = m[i];
            double hi = m[i];
            int j = i + 1;
            while (j < f.length && (long) Math.floor(left + f[j] / fMax * (right - left)) == column) {
                lo = Math.min(lo, m[j]);
                hi = Math.max(hi, m[j]);
                j++;
            }
            double x = left + f[i] / fMax * (right - left);
            double yHi = y(hi, logLo, top, bottom);
            double yLo = y(lo, logLo, top, bottom);
            if (started) g.lineTo(x, yHi);
            else g.moveTo(x, yHi);
            started = true;
            if (yLo != yHi) g.lineTo(x, yLo);
            i = j;
        }
        g.stroke();
    }

    private static double y(double magnitude, double logLo, double top, double bottom) {
        double l = magnitude > 0 ? Math.log10(magnitude) : logLo;
        l = Math.max(logLo, Math.min(logLo + DECADES, l));
        return bottom - (l - logLo) / DECADES * (bottom - top);
    }

    private static double last(double[] x) {
        return x.length == 0 ? 1 : Math.max(1e-9, x[x.length - 1]);
    }

    private static double max(double[] x) {
        double m = 0;
        for (double v : x) m = Math.max(m, v);
        return m;
    }
}
