package org.ecgworkbench.app.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecgworkbench.record.LeadName;

/**
 * The geometry of one page of ECG paper: which lead goes in which cell, over which samples, and
 * where everything sits in millimetres and pixels. Plain maths, no toolkit, so the canvas only
 * draws what this class says and tests check the layout without a screen.
 *
 * <p>The paper is {@value #TRACE_WIDTH_MM} mm of trace wide (a landscape page); the page's time
 * window is that width over the paper speed (10 s at 25 mm/s), starting at {@code startSeconds}.
 * Zoom magnifies: at zoom 1 the whole paper fits the viewport (its width and, when given, its
 * height), and zoom z makes every millimetre z times as many pixels, so each lead keeps its time
 * window and the paper grows past the viewport (the view scrolls both ways).
 */
public final class EcgPaperLayout {

    /** Trace width of an unzoomed page: 250 mm = 10 s at 25 mm/s. */
    public static final double TRACE_WIDTH_MM = 250;
    public static final double TOP_MM = 5;
    public static final double BOTTOM_MM = 5;
    public static final double RIGHT_MM = 5;
    /** The calibration pulse lasts 0.2 s (5 mm at 25 mm/s) and is 1 mV high. */
    public static final double CALIBRATION_SECONDS = 0.2;

    /**
     * What a page shows and at what scale.
     *
     * @param soloLead a lead to show alone across the whole page (a 10-s strip at 25 mm/s), or null for the layout
     */
    public record Settings(EcgLayout layout, PaperSpeed speed, PaperGain gain, double zoom, double startSeconds,
                           String soloLead) {
        public Settings {
            if (!(zoom >= 1)) throw new IllegalArgumentException("zoom must be at least 1: " + zoom);
            if (!(startSeconds >= 0)) throw new IllegalArgumentException("start must be at least 0 s: " + startSeconds);
        }

        public Settings(EcgLayout layout, PaperSpeed speed, PaperGain gain, double zoom, double startSeconds) {
            this(layout, speed, gain, zoom, startSeconds, null);
        }

        /** "3 × 4 + II", or "V1 alone". */
        public String describe() {
            return soloLead == null ? layout.label() : soloLead + " alone";
        }

        public static Settings standard() {
            return new Settings(EcgLayout.THREE_BY_FOUR, PaperSpeed.STANDARD, PaperGain.STANDARD, 1, 0);
        }
    }

    /** The signal the page is laid out for: sampling rate, samples per lead, lead names in record order. */
    public record Signal(double fs, int samples, List<String> leadNames) {
        public Signal {
            leadNames = List.copyOf(leadNames);
        }

        public double durationSeconds() {
            return samples / fs;
        }

        int indexOf(LeadName lead) {
            return leadNames.indexOf(lead.label());
        }
    }

    /**
     * One cell of the paper.
     *
     * @param label        lead name printed in the cell
     * @param leadIndex    index of the lead in the record, or -1 when the record lacks it
     * @param rhythmStrip  whether this is the full-length rhythm strip
     * @param startSeconds time of the cell's left edge
     * @param endSeconds   time of the cell's right edge
     * @param firstSample  first sample drawn
     * @param sampleCount  samples drawn (0 when the record has none in this window)
     * @param xMm          left edge of the cell (the trace starts here)
     * @param topMm        top of the row
     * @param widthMm      width of the cell
     * @param heightMm     height of the row
     * @param baselineMm   y of 0 mV
     */
    public record Cell(String label, int leadIndex, boolean rhythmStrip, double startSeconds, double endSeconds,
                       int firstSample, int sampleCount, double xMm, double topMm, double widthMm, double heightMm,
                       double baselineMm) {
        public boolean contains(double xMillimetres, double yMillimetres) {
            return xMillimetres >= xMm && xMillimetres <= xMm + widthMm && yMillimetres >= topMm && yMillimetres <= topMm + heightMm;
        }
    }

    /** A point on the paper inside a cell: the time under it and the voltage its height stands for. */
    public record PaperPoint(Cell cell, double seconds, double millivolts) {
    }

    private final Signal signal;
    private final Settings settings;
    private final double viewportWidthPx;
    private final double viewportHeightPx;
    private final double marginMm;
    private final double pageSeconds;
    private final double pxPerMm;
    private final List<Cell> cells;
    private final double heightMm;

    /** A paper fitted to the viewport's width only (its height scrolls). */
    public EcgPaperLayout(Signal signal, Settings settings, double viewportWidthPx) {
        this(signal, settings, viewportWidthPx, Double.POSITIVE_INFINITY);
    }

    /**
     * @param viewportWidthPx  width of the visible area
     * @param viewportHeightPx height of the visible area ({@code POSITIVE_INFINITY}: fit the width only)
     */
    public EcgPaperLayout(Signal signal, Settings settings, double viewportWidthPx, double viewportHeightPx) {
        this.signal = signal;
        this.settings = settings;
        this.viewportWidthPx = Math.max(1, viewportWidthPx);
        this.viewportHeightPx = Double.isNaN(viewportHeightPx) ? Double.POSITIVE_INFINITY : Math.max(1, viewportHeightPx);
        double speed = settings.speed().mmPerSecond();
        this.pageSeconds = TRACE_WIDTH_MM / speed;
        // Room for the calibration pulse, rounded up to a 5-mm line so traces start on a major line.
        this.marginMm = Math.ceil((3 + CALIBRATION_SECONDS * speed + 2) / 5) * 5;
        double rows = settings.soloLead() != null ? 1
                : settings.layout() == EcgLayout.TWELVE_BY_ONE ? Math.max(12, extraLeadCount() + 12)
                : settings.layout().rows() + (settings.layout().hasRhythmStrip() ? 1 : 0);
        this.heightMm = TOP_MM + rows * rowHeightMm() + BOTTOM_MM;
        this.pxPerMm = fittedPxPerMm() * settings.zoom();
        this.cells = layOut();
    }

    /** Pixels per millimetre at which the whole paper just fits the viewport (zoom 1). */
    public double fittedPxPerMm() {
        // A hair under the exact ratio, so rounding never makes the fitted paper a pixel larger than the viewport.
        return Math.min(viewportWidthPx / paperWidthMm(), viewportHeightPx / heightMm) * (1 - 1e-14);
    }

    /** The paper's own width: calibration margin, the page's trace, the right margin. */
    public double paperWidthMm() {
        return marginMm + TRACE_WIDTH_MM + RIGHT_MM;
    }

    private double rowHeightMm() {
        // A lead alone gets the 3 × 4 page's tall row (4 mV), so its largest complexes stay in the row.
        double mv = settings.soloLead() != null ? EcgLayout.THREE_BY_FOUR.rowMillivolts() : settings.layout().rowMillivolts();
        return mv * settings.gain().mmPerMillivolt();
    }

    private List<Cell> layOut() {
        List<Cell> out = new ArrayList<>();
        if (settings.soloLead() != null) {
            double t0 = settings.startSeconds();
            out.add(cell(settings.soloLead(), signal.leadNames().indexOf(settings.soloLead()), false, t0, t0 + pageSeconds,
                    marginMm, TOP_MM));
            return List.copyOf(out);
        }
        EcgLayout layout = settings.layout();
        double speed = settings.speed().mmPerSecond();
        double columnSeconds = pageSeconds / layout.columns();
        double row = rowHeightMm();
        for (int c = 0; c < layout.columns(); c++) {
            double t0 = settings.startSeconds() + c * columnSeconds;
            for (int r = 0; r < layout.rows(); r++) {
                LeadName lead = layout.leadAt(r, c);
                out.add(cell(lead.label(), signal.indexOf(lead), false, t0, t0 + columnSeconds,
                        marginMm + c * columnSeconds * speed, TOP_MM + r * row));
            }
        }
        double t0 = settings.startSeconds();
        if (layout.hasRhythmStrip()) {
            out.add(cell(LeadName.II.label(), signal.indexOf(LeadName.II), true, t0, t0 + pageSeconds,
                    marginMm, TOP_MM + layout.rows() * row));
        }
        if (layout == EcgLayout.TWELVE_BY_ONE) {
            // Whatever else the record holds comes below the twelve standard leads.
            int r = layout.rows();
            for (int i = 0; i < signal.leadNames().size(); i++) {
                if (LeadName.parse(signal.leadNames().get(i)).isEmpty()) {
                    out.add(cell(signal.leadNames().get(i), i, false, t0, t0 + pageSeconds, marginMm, TOP_MM + r++ * row));
                }
            }
        }
        return List.copyOf(out);
    }

    private int extraLeadCount() {
        return (int) signal.leadNames().stream().filter(n -> LeadName.parse(n).isEmpty()).count();
    }

    private Cell cell(String label, int leadIndex, boolean rhythm, double t0, double t1, double xMm, double topMm) {
        int first = Math.min(signal.samples(), (int) Math.round(t0 * signal.fs()));
        int end = Math.min(signal.samples(), (int) Math.round(t1 * signal.fs()));
        int count = leadIndex < 0 ? 0 : Math.max(0, end - first);
        double width = (t1 - t0) * settings.speed().mmPerSecond();
        double height = rowHeightMm();
        return new Cell(label, leadIndex, rhythm, t0, t1, first, count, xMm, topMm, width, height, topMm + height / 2);
    }

    public Signal signal() {
        return signal;
    }

    public Settings settings() {
        return settings;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** Cells with something to draw. */
    public List<Cell> drawnCells() {
        return cells.stream().filter(c -> c.sampleCount() > 0).toList();
    }

    public double pxPerMm() {
        return pxPerMm;
    }

    /** Seconds of signal across the page (the same at every zoom). */
    public double pageSeconds() {
        return pageSeconds;
    }

    /** Left margin holding the calibration pulses. */
    public double marginMm() {
        return marginMm;
    }

    /** Height of the paper's content: the rows and the top and bottom margins. */
    public double heightMm() {
        return heightMm;
    }

    /** The paper's size in pixels at this zoom: what the view scrolls over. */
    public double paperWidthPx() {
        return paperWidthMm() * pxPerMm;
    }

    public double paperHeightPx() {
        return heightMm * pxPerMm;
    }

    /** The sheet drawn: the paper, extended with grid to fill the viewport where the paper is smaller. */
    public double widthPx() {
        return Math.max(viewportWidthPx, paperWidthPx());
    }

    public double heightPx() {
        return Double.isInfinite(viewportHeightPx) ? paperHeightPx() : Math.max(viewportHeightPx, paperHeightPx());
    }

    /** The latest start time that still fills a page (0 when the record fits on one). */
    public double maxStartSeconds() {
        return Math.max(0, signal.durationSeconds() - pageSeconds);
    }

    public double toPx(double mm) {
        return mm * pxPerMm;
    }

    /** x in pixels of a time inside a cell. */
    public double xPx(Cell cell, double seconds) {
        return (cell.xMm() + (seconds - cell.startSeconds()) * settings.speed().mmPerSecond()) * pxPerMm;
    }

    /** y in pixels of a voltage inside a cell. */
    public double yPx(Cell cell, double millivolts) {
        return (cell.baselineMm() - millivolts * settings.gain().mmPerMillivolt()) * pxPerMm;
    }

    /** x in pixels of sample {@code i} of the record, drawn in {@code cell}. */
    public double sampleXPx(Cell cell, int sample) {
        return xPx(cell, sample / signal.fs());
    }

    /** The cell under a pixel and what that position means, if any. */
    public Optional<PaperPoint> hitTest(double xPx, double yPx) {
        double x = xPx / pxPerMm;
        double y = yPx / pxPerMm;
        for (Cell cell : cells) {
            if (cell.contains(x, y)) {
                double t = cell.startSeconds() + (x - cell.xMm()) / settings.speed().mmPerSecond();
                double mv = (cell.baselineMm() - y) / settings.gain().mmPerMillivolt();
                return Optional.of(new PaperPoint(cell, t, mv));
            }
        }
        return Optional.empty();
    }

    /** Milliseconds that a horizontal distance on the paper stands for. */
    public double millisecondsOf(double dxPx) {
        return dxPx / pxPerMm / settings.speed().mmPerSecond() * 1000;
    }

    /** Millivolts that a vertical distance stands for (up is positive). */
    public double millivoltsOf(double dyPxDown) {
        return -dyPxDown / pxPerMm / settings.gain().mmPerMillivolt();
    }
}
