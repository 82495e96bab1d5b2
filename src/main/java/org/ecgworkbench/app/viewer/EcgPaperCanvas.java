package org.ecgworkbench.app.viewer;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.ecgworkbench.app.HeatShading;
import org.ecgworkbench.app.LeadShading;
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

    private Font labelFont = Font.font("System", FontWeight.BOLD, 12);
    private final Font noteFont = Font.font("System", 11);
    private WritableImage gridImage;
    private double gridPxPerMm;
    private int gridX;
    private int gridY;

    /** The part of the sheet a canvas shows, in the sheet's pixels (whole pixels, so the grid stays crisp). */
    public record Window(int x, int y, int width, int height) {
        public Window {
            width = Math.max(1, width);
            height = Math.max(1, height);
        }

        /** The whole sheet. */
        public static Window whole(EcgPaperLayout layout) {
            return new Window(0, 0, (int) Math.floor(layout.widthPx()), (int) Math.ceil(layout.heightPx()));
        }

        boolean intersects(double x0, double y0, double x1, double y1) {
            return x1 >= x && x0 <= x + width && y1 >= y && y0 <= y + height;
        }
    }

    /** Draws one page and returns what was drawn. */
    public PaperDrawing draw(EcgPaperLayout layout, EcgRecord record) {
        return draw(layout, record, null);
    }

    /** Draws one page, with the explanation's shading under the traces when given, and returns what was drawn. */
    public PaperDrawing draw(EcgPaperLayout layout, EcgRecord record, LeadShading shading) {
        return draw(layout, record, shading, Window.whole(layout));
    }

    /**
     * Draws the part of the page in {@code window} (the canvas takes its size): a zoomed paper can be
     * many times the screen, and only what is visible is drawn. Returns what was drawn.
     */
    public PaperDrawing draw(EcgPaperLayout layout, EcgRecord record, LeadShading shading, Window window) {
        long start = System.nanoTime();
        setWidth(window.width());
        setHeight(window.height());
        GraphicsContext g = getGraphicsContext2D();
        grid(g, layout, window);
        g.save();
        g.translate(-window.x(), -window.y());
        int shadedCells = shading == null ? 0 : shade(g, layout, shading, window);
        List<PaperDrawing.Trace> traces = new ArrayList<>();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        double pxPerMm = layout.pxPerMm();
        // Lead names grow with the zoom (12 px at fit, up to 28 px), so a magnified lead stays labelled.
        double labelSize = Math.max(12, Math.min(28, 2 * pxPerMm));
        if (labelFont.getSize() != labelSize) labelFont = Font.font("System", FontWeight.BOLD, labelSize);
        for (EcgPaperLayout.Cell cell : layout.cells()) {
            if (!visible(layout, cell, window)) continue;
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
        g.restore();
        long end = System.nanoTime();
        return new PaperDrawing(record.id(), traces, end - start, end, shadedCells);
    }

    /** Whether any of a cell (with a row's height of slack above and below for tall complexes) is in the window. */
    private static boolean visible(EcgPaperLayout layout, EcgPaperLayout.Cell cell, Window window) {
        double x0 = layout.toPx(cell.xMm());
        double x1 = layout.toPx(cell.xMm() + cell.widthMm());
        double y0 = layout.toPx(cell.topMm() - cell.heightMm());
        double y1 = layout.toPx(cell.topMm() + 2 * cell.heightMm());
        return window.intersects(x0, y0, x1, y1);
    }

    /** A translucent heat band over each cell's row height, where the model looked; returns the cells shaded. */
    private int shade(GraphicsContext g, EcgPaperLayout layout, LeadShading shading, Window window) {
        int shaded = 0;
        for (EcgPaperLayout.Cell cell : layout.cells()) {
            if (!visible(layout, cell, window)) continue;
            List<ShadingBands.Band> bands = ShadingBands.of(layout, cell, shading, HeatShading.LEVELS);
            if (bands.isEmpty()) continue;
            shaded++;
            double top = layout.toPx(cell.topMm());
            double height = layout.toPx(cell.heightMm());
            for (ShadingBands.Band b : bands) {
                // Square root: gradient × input is peaky, and faint evidence should still show.
                g.setFill(HeatShading.ofLevel(b.level()));
                g.fillRect(b.x0(), top, b.x1() - b.x0(), height);
            }
        }
        return shaded;
    }

    /** Clears the paper (no record). */
    public void clear() {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(PAPER);
        g.fillRect(0, 0, getWidth(), getHeight());
    }

    /**
     * The grid of the visible window as one image, built pixel by pixel and kept while the window and
     * the scale stay: a thousand separately stroked lines cost the software renderer far more than one blit.
     */
    private void grid(GraphicsContext g, EcgPaperLayout layout, Window window) {
        int w = window.width();
        int h = window.height();
        if (gridImage == null || gridImage.getWidth() != w || gridImage.getHeight() != h || gridPxPerMm != layout.pxPerMm()
                || gridX != window.x() || gridY != window.y()) {
            gridImage = gridImage(w, h, layout.pxPerMm(), window.x(), window.y());
            gridPxPerMm = layout.pxPerMm();
            gridX = window.x();
            gridY = window.y();
        }
        g.drawImage(gridImage, 0, 0);
    }

    static WritableImage gridImage(int w, int h, double pxPerMm) {
        return gridImage(w, h, pxPerMm, 0, 0);
    }

    /** The grid of the sheet's pixels [x0, x0 + w) × [y0, y0 + h). */
    static WritableImage gridImage(int w, int h, double pxPerMm, int x0, int y0) {
        int[] argb = new int[Math.max(1, w * h)];
        Arrays.fill(argb, argb(PAPER));
        int firstColumn = (int) Math.max(0, Math.floor(x0 / pxPerMm));
        int firstRow = (int) Math.max(0, Math.floor(y0 / pxPerMm));
        // Minor lines first so the major ones stay on top; below ~1.5 px/mm the minor grid would be a pink wash.
        if (pxPerMm >= 1.5) {
            int minor = argb(MINOR);
            for (int i = firstColumn; i * pxPerMm < x0 + w; i++) if (i % 5 != 0) column(argb, w, h, (int) Math.floor(i * pxPerMm) - x0, minor);
            for (int j = firstRow; j * pxPerMm < y0 + h; j++) if (j % 5 != 0) row(argb, w, (int) Math.floor(j * pxPerMm) - y0, minor);
        }
        int major = argb(MAJOR);
        boolean thick = pxPerMm >= 4;
        for (int i = firstColumn - firstColumn % 5; i * pxPerMm < x0 + w; i += 5) {
            int x = (int) Math.floor(i * pxPerMm) - x0;
            column(argb, w, h, x, major);
            if (thick) column(argb, w, h, x + 1, major);
        }
        for (int j = firstRow - firstRow % 5; j * pxPerMm < y0 + h; j += 5) {
            int y = (int) Math.floor(j * pxPerMm) - y0;
            row(argb, w, y, major);
            if (thick) row(argb, w, y + 1, major);
        }
        // The image wraps the array (no copy, no per-pixel format conversion). Every colour is opaque,
        // so premultiplied and plain ARGB are the same.
        return new WritableImage(new PixelBuffer<>(Math.max(1, w), Math.max(1, h), IntBuffer.wrap(argb),
                PixelFormat.getIntArgbPreInstance()));
    }

    private static void column(int[] argb, int w, int h, int x, int colour) {
        if (x < 0 || x >= w) return;
        for (int y = 0; y < h; y++) argb[y * w + x] = colour;
    }

    private static void row(int[] argb, int w, int y, int colour) {
        if (y < 0 || (long) y * w >= argb.length) return;
        Arrays.fill(argb, y * w, y * w + w, colour);
    }

    private static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
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
                s.speed().label(), s.gain().label(), s.describe(), s.startSeconds(), Math.min(record.durationSeconds(),
                        s.startSeconds() + layout.pageSeconds()), record.durationSeconds(), record.id());
        g.setFill(LABEL);
        g.setFont(noteFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, layout.toPx(layout.marginMm()), layout.toPx(layout.heightMm() - EcgPaperLayout.BOTTOM_MM / 2));
    }
}
