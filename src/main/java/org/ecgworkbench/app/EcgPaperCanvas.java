package org.ecgworkbench.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.ecgworkbench.record.EcgRecord;

/**
 * ECG paper drawn on a canvas: pink 1 mm and 5 mm grid, a 1 mV calibration pulse per row, the
 * traces and lead labels, exactly where {@link EcgPaperLayout} puts them. ChartFX draws plots,
 * not paper (its grid cannot follow millimetres, and twelve charts cost ~12× the first frame), so
 * this canvas does only this one thing. It decides nothing: it draws and reports what it drew.
 */
public final class EcgPaperCanvas extends Canvas {

    static final Color PAPER = Color.rgb(255, 247, 247);
    static final Color MINOR = Color.rgb(247, 196, 200);
    static final Color MAJOR = Color.rgb(233, 128, 140);
    static final Color TRACE = Color.rgb(20, 20, 30);
    static final Color LABEL = Color.rgb(30, 30, 40);

    private final Font labelFont = Font.font("System", FontWeight.BOLD, 12);
    private final Font noteFont = Font.font("System", 11);

    /** Draws one page and returns what was drawn. */
    public PaperDrawing draw(EcgPaperLayout layout, EcgRecord record) {
        long start = System.nanoTime();
        setWidth(Math.floor(layout.widthPx()));
        setHeight(Math.ceil(layout.heightPx()));
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(PAPER);
        g.fillRect(0, 0, getWidth(), getHeight());
        grid(g, layout);
        List<PaperDrawing.Trace> traces = new ArrayList<>();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        double pxPerMm = layout.pxPerMm();
        for (EcgPaperLayout.Cell cell : layout.cells()) {
            label(g, layout, cell);
            separator(g, layout, cell);
            if (cell.sampleCount() == 0) continue;
            float[] mv = record.leads().get(cell.leadIndex()).millivolts();
            TracePolyline line = TracePolyline.of(layout, cell, mv);
            g.setStroke(TRACE);
            g.setLineWidth(Math.max(1.0, 0.3 * pxPerMm));
            g.strokePolyline(line.xs(), line.ys(), line.points());
            traces.add(new PaperDrawing.Trace(cell.label(), cell.rhythmStrip(), cell.firstSample(), cell.sampleCount(), line.points()));
        }
        calibrationPulses(g, layout);
        footer(g, layout, record);
        long end = System.nanoTime();
        return new PaperDrawing(record.id(), traces, end - start, end);
    }

    /** Clears the paper (no record). */
    public void clear() {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(PAPER);
        g.fillRect(0, 0, getWidth(), getHeight());
    }

    private void grid(GraphicsContext g, EcgPaperLayout layout) {
        double pxPerMm = layout.pxPerMm();
        double w = getWidth();
        double h = getHeight();
        int columnsMm = (int) Math.floor(w / pxPerMm);
        int rowsMm = (int) Math.floor(h / pxPerMm);
        // Minor lines first so the major ones stay on top; below ~1.5 px/mm the minor grid would be a pink wash.
        if (pxPerMm >= 1.5) {
            g.setStroke(MINOR);
            g.setLineWidth(1);
            for (int i = 0; i <= columnsMm; i++) if (i % 5 != 0) vertical(g, i * pxPerMm, h);
            for (int j = 0; j <= rowsMm; j++) if (j % 5 != 0) horizontal(g, j * pxPerMm, w);
        }
        g.setStroke(MAJOR);
        g.setLineWidth(pxPerMm >= 4 ? 1.5 : 1);
        for (int i = 0; i <= columnsMm; i += 5) vertical(g, i * pxPerMm, h);
        for (int j = 0; j <= rowsMm; j += 5) horizontal(g, j * pxPerMm, w);
    }

    private static void vertical(GraphicsContext g, double x, double h) {
        double s = Math.floor(x) + 0.5;
        g.strokeLine(s, 0, s, h);
    }

    private static void horizontal(GraphicsContext g, double y, double w) {
        double s = Math.floor(y) + 0.5;
        g.strokeLine(0, s, w, s);
    }

    private void label(GraphicsContext g, EcgPaperLayout layout, EcgPaperLayout.Cell cell) {
        g.setFill(LABEL);
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double x = layout.toPx(cell.xMm() + 1.5);
        double y = layout.toPx(cell.topMm() + 1);
        String text = cell.leadIndex() < 0 ? cell.label() + " (absent)" : cell.label();
        g.fillText(text, x, y);
    }

    /** The short bar a cardiograph prints where one column's leads end and the next's begin. */
    private void separator(GraphicsContext g, EcgPaperLayout layout, EcgPaperLayout.Cell cell) {
        if (cell.xMm() <= layout.marginMm() + 1e-9) return;
        double x = layout.toPx(cell.xMm());
        double y = layout.toPx(cell.baselineMm());
        double half = layout.toPx(2.5);
        g.setStroke(TRACE);
        g.setLineWidth(Math.max(1.0, 0.3 * layout.pxPerMm()));
        g.strokeLine(x, y - half, x, y + half);
    }

    /** 1 mV high, 0.2 s wide, at the left of every row, drawn at the paper's gain and speed. */
    private void calibrationPulses(GraphicsContext g, EcgPaperLayout layout) {
        double speed = layout.settings().speed().mmPerSecond();
        double gain = layout.settings().gain().mmPerMillivolt();
        double pulseMm = EcgPaperLayout.CALIBRATION_SECONDS * speed;
        g.setStroke(TRACE);
        g.setLineWidth(Math.max(1.0, 0.3 * layout.pxPerMm()));
        List<Double> baselines = new ArrayList<>();
        for (EcgPaperLayout.Cell cell : layout.cells()) {
            if (!baselines.contains(cell.baselineMm())) baselines.add(cell.baselineMm());
        }
        for (double baseline : baselines) {
            double y0 = layout.toPx(baseline);
            double y1 = layout.toPx(baseline - gain);
            double x0 = layout.toPx(1);
            double x1 = layout.toPx(3);
            double x2 = layout.toPx(3 + pulseMm);
            double x3 = layout.toPx(layout.marginMm());
            g.strokePolyline(new double[] {x0, x1, x1, x2, x2, x3}, new double[] {y0, y0, y1, y1, y0, y0}, 6);
        }
    }

    private void footer(GraphicsContext g, EcgPaperLayout layout, EcgRecord record) {
        var s = layout.settings();
        String text = String.format(Locale.ROOT, "%s   %s   %s   %.2f–%.2f s of %.1f s   %s",
                s.speed(), s.gain(), s.layout(), s.startSeconds(), Math.min(record.durationSeconds(),
                        s.startSeconds() + layout.pageSeconds()), record.durationSeconds(), record.id());
        g.setFill(LABEL);
        g.setFont(noteFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, layout.toPx(layout.marginMm()), getHeight() - layout.toPx(EcgPaperLayout.BOTTOM_MM / 2));
    }
}
