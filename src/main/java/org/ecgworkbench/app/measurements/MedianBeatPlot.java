package org.ecgworkbench.app.measurements;

import org.ecgworkbench.measure.MedianBeats;

/**
 * Where the median-beat panels go in a canvas of a given size: the leads in three rows of four columns (I, II, III
 * down the first column, as a cart prints them), a footer line, and one time and voltage scale for all panels
 * (so amplitudes compare across leads), fitted to the largest excursion.
 */
public final class MedianBeatPlot {

    /** The height left for the footer line, in pixels. */
    static final double FOOTER_PX = 16;
    static final int ROWS = 3;

    /** One panel's rectangle in pixels. */
    public record Panel(double x, double y, double width, double height) {
    }

    private final int leads;
    private final double fs;
    private final int length;
    private final double panelWidth;
    private final double panelHeight;
    private final double mvAbove;
    private final double mvBelow;

    private MedianBeatPlot(int leads, double fs, int length, double panelWidth, double panelHeight, double mvAbove, double mvBelow) {
        this.leads = leads;
        this.fs = fs;
        this.length = length;
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
        this.mvAbove = mvAbove;
        this.mvBelow = mvBelow;
    }

    public static MedianBeatPlot of(MedianBeats m, double width, double height) {
        int leads = m.samples().length;
        int columns = Math.max(1, (int) Math.ceil(leads / (double) ROWS));
        int rows = Math.min(ROWS, Math.max(1, leads));
        double max = 0.5;
        double min = -0.5;
        for (double[] row : m.samples()) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        // A little room above and below the tallest complex.
        return new MedianBeatPlot(leads, m.fs(), m.length(), width / columns, (height - FOOTER_PX) / rows, max + 0.1, -min + 0.1);
    }

    /** Lead {@code i}'s panel: down the rows first, then across the columns. */
    public Panel panel(int lead) {
        int column = lead / ROWS;
        int row = lead % ROWS;
        return new Panel(column * panelWidth, row * panelHeight, panelWidth, panelHeight);
    }

    public int leads() {
        return leads;
    }

    /** x of a sample of the median beat (the beat spans the panel's width). */
    public double sampleToX(Panel p, double sample) {
        return p.x() + sample / Math.max(1, length - 1) * p.width();
    }

    /** x of a time from the start of the median beat, in ms. */
    public double msToX(Panel p, double ms) {
        return sampleToX(p, ms * fs / 1000.0);
    }

    /** y of a voltage (0 mV at the same height in every panel). */
    public double mvToY(Panel p, double mv) {
        return p.y() + (mvAbove - mv) / (mvAbove + mvBelow) * p.height();
    }

    /** The lowest voltage the panels show, as a positive number of mV below 0. */
    public double mvBelow() {
        return mvBelow;
    }
}
