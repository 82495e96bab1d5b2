package org.ecgworkbench.app.measurements;

import org.ecgworkbench.measure.Delineation;
import org.ecgworkbench.measure.MedianBeats;

/**
 * Where the median-beat panels go in a canvas of a given size: the leads in three rows of four columns (I, II, III
 * down the first column, as a cart prints them), a footer line, and one time and voltage scale for all panels
 * (so amplitudes compare across leads), fitted to the largest excursion. Each panel shows the beat from a little
 * before its P onset (or QRS onset) to a little after its T end, not the whole median window.
 */
public final class MedianBeatPlot {

    /** The height left for the footer line, in pixels. */
    static final double FOOTER_PX = 16;
    static final int ROWS = 3;

    /** One panel's rectangle in pixels. */
    public record Panel(double x, double y, double width, double height) {
    }

    /** Shown before the first onset and after T end, in ms. */
    static final double BEFORE_MS = 80;
    static final double AFTER_MS = 120;
    /** Shown after QRS offset when there is no T end, in ms. */
    static final double WITHOUT_T_END_MS = 400;

    private final int leads;
    private final double fs;
    private final int first;
    private final int last;
    private final double panelWidth;
    private final double panelHeight;
    private final double mvAbove;
    private final double mvBelow;

    private MedianBeatPlot(int leads, double fs, int first, int last, double panelWidth, double panelHeight, double mvAbove,
                           double mvBelow) {
        this.leads = leads;
        this.fs = fs;
        this.first = first;
        this.last = last;
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
        this.mvAbove = mvAbove;
        this.mvBelow = mvBelow;
    }

    public static MedianBeatPlot of(MedianBeats m, Delineation d, double width, double height) {
        int leads = m.samples().length;
        int onset = d.hasP() ? Math.min(d.pOnset(), d.qrsOnset()) : d.qrsOnset();
        int end = d.hasTEnd() ? d.tEnd() + (int) Math.round(AFTER_MS * m.fs() / 1000)
                : d.qrsOffset() + (int) Math.round(WITHOUT_T_END_MS * m.fs() / 1000);
        int first = Math.max(0, onset - (int) Math.round(BEFORE_MS * m.fs() / 1000));
        int last = Math.max(first + 1, Math.min(m.length() - 1, end));
        int columns = Math.max(1, (int) Math.ceil(leads / (double) ROWS));
        int rows = Math.min(ROWS, Math.max(1, leads));
        double max = 0.5;
        double min = -0.5;
        for (double[] row : m.samples()) {
            for (int i = first; i <= last && i < row.length; i++) {
                double v = row[i];
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        // A little room above and below the tallest complex.
        return new MedianBeatPlot(leads, m.fs(), first, last, width / columns, (height - FOOTER_PX) / rows, max + 0.1, -min + 0.1);
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

    /** The first and last samples of the median beat shown. */
    public int first() {
        return first;
    }

    public int last() {
        return last;
    }

    /** x of a sample of the median beat ({@link #first()} at the panel's left edge, {@link #last()} at its right). */
    public double sampleToX(Panel p, double sample) {
        return p.x() + (sample - first) / (double) (last - first) * p.width();
    }

    /** x of a time from the first sample shown, in ms. */
    public double msToX(Panel p, double ms) {
        return sampleToX(p, first + ms * fs / 1000.0);
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
