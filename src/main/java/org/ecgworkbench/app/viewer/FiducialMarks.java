package org.ecgworkbench.app.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecgworkbench.measure.Beat;
import org.ecgworkbench.measure.BeatType;
import org.ecgworkbench.measure.Delineation;
import org.ecgworkbench.measure.Measurement;

/**
 * Where each detected beat's fiducials fall on the paper, per cell, in pixels, and the caliper's snapping to them.
 * A beat with its own delineation shows its P wave, QRS and T end; a dominant beat without one shows the median
 * beat's global fiducials laid on it (the median is aligned on each dominant beat's fiducial sample, so they fall
 * where the median put them); any other beat shows only where it was detected.
 */
public record FiducialMarks(List<BeatMarks> beats) {

    /** Snapping reaches a fiducial this many pixels away. */
    public static final double SNAP_PX = 6;

    public static final FiducialMarks NONE = new FiducialMarks(List.of());

    public FiducialMarks {
        beats = List.copyOf(beats);
    }

    /** One fiducial point's name, as the caliper's read-out says it. */
    public enum Point {
        P_ONSET("P onset"), P_OFFSET("P offset"), QRS_ONSET("QRS onset"), QRS_OFFSET("QRS offset"), T_END("T end"),
        BEAT("beat");

        private final String label;

        Point(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One beat in one cell: x in pixels of each fiducial (NaN when absent).
     *
     * @param cell the cell the beat is drawn in
     * @param type the beat's type
     * @param beatX where the beat was detected
     */
    public record BeatMarks(EcgPaperLayout.Cell cell, BeatType type, double beatX, double pOnsetX, double pOffsetX,
                            double qrsOnsetX, double qrsOffsetX, double tEndX) {

        public boolean hasP() {
            return !Double.isNaN(pOnsetX) && !Double.isNaN(pOffsetX);
        }

        public boolean hasQrs() {
            return !Double.isNaN(qrsOnsetX) && !Double.isNaN(qrsOffsetX);
        }

        /** x of a point (NaN when absent). */
        public double x(Point p) {
            return switch (p) {
                case P_ONSET -> pOnsetX;
                case P_OFFSET -> pOffsetX;
                case QRS_ONSET -> qrsOnsetX;
                case QRS_OFFSET -> qrsOffsetX;
                case T_END -> tEndX;
                case BEAT -> beatX;
            };
        }
    }

    /** A caliper end moved onto a fiducial. */
    public record Snap(double x, Point point) {
    }

    /**
     * The marks of every beat of {@code m} inside a cell of the page ({@code m} measured on the record the layout
     * draws: its beats in sample order, their fiducials as sample indices into the record).
     */
    public static FiducialMarks of(EcgPaperLayout layout, Measurement m) {
        List<Beat> beats = m.beats();
        List<BeatMarks> marks = new ArrayList<>();
        for (EcgPaperLayout.Cell cell : layout.cells()) {
            if (cell.leadIndex() < 0 || cell.sampleCount() == 0) continue;
            int from = cell.firstSample();
            int to = from + cell.sampleCount();
            for (int i = firstAtOrAfter(beats, from); i < beats.size() && beats.get(i).sample() < to; i++) {
                Beat b = beats.get(i);
                Optional<Delineation> d = b.fiducials().or(() -> fromMedian(m, b));
                marks.add(new BeatMarks(cell, b.type(), x(layout, cell, b.sample(), from, to),
                        d.filter(Delineation::hasP).map(f -> x(layout, cell, f.pOnset(), from, to)).orElse(Double.NaN),
                        d.filter(Delineation::hasP).map(f -> x(layout, cell, f.pOffset(), from, to)).orElse(Double.NaN),
                        d.map(f -> x(layout, cell, f.qrsOnset(), from, to)).orElse(Double.NaN),
                        d.map(f -> x(layout, cell, f.qrsOffset(), from, to)).orElse(Double.NaN),
                        d.filter(Delineation::hasTEnd).map(f -> x(layout, cell, f.tEnd(), from, to)).orElse(Double.NaN)));
            }
        }
        return new FiducialMarks(marks);
    }

    /** The median beat's global fiducials laid on a dominant beat (the beat's sample is the median's fiducial). */
    static Optional<Delineation> fromMedian(Measurement m, Beat b) {
        if (b.type() != BeatType.DOMINANT || m.medians().isEmpty() || m.delineation().isEmpty()) return Optional.empty();
        int shift = b.sample() - m.medians().get().fiducial();
        Delineation g = m.delineation().get();
        return Optional.of(new Delineation(shifted(g.pOnset(), shift), shifted(g.pOffset(), shift),
                shifted(g.qrsOnset(), shift), shifted(g.qrsOffset(), shift), shifted(g.tPeak(), shift), shifted(g.tEnd(), shift)));
    }

    private static int shifted(int index, int shift) {
        return index < 0 ? -1 : index + shift;
    }

    /** x of a sample in the cell, NaN when it is off the cell (a fiducial of a beat near the cell's edge). */
    private static double x(EcgPaperLayout layout, EcgPaperLayout.Cell cell, int sample, int from, int to) {
        return sample < 0 || sample < from || sample >= to ? Double.NaN : layout.sampleXPx(cell, sample);
    }

    private static int firstAtOrAfter(List<Beat> beats, int sample) {
        int lo = 0;
        int hi = beats.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (beats.get(mid).sample() < sample) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public boolean isEmpty() {
        return beats.isEmpty();
    }

    /**
     * The fiducial nearest to {@code x} within {@code tolerancePx}, among the beats of the cell under the point
     * (delineated points first; where a beat has none, where it was detected).
     */
    public Optional<Snap> snap(EcgPaperLayout layout, double x, double y, double tolerancePx) {
        Optional<EcgPaperLayout.Cell> cell = layout.hitTest(x, y).map(EcgPaperLayout.PaperPoint::cell);
        if (cell.isEmpty()) return Optional.empty();
        Snap best = null;
        double bestDistance = tolerancePx;
        for (BeatMarks b : beats) {
            if (!b.cell().equals(cell.get())) continue;
            boolean delineated = b.hasQrs();
            for (Point p : Point.values()) {
                if ((p == Point.BEAT) == delineated) continue;
                double px = b.x(p);
                if (Double.isNaN(px)) continue;
                double distance = Math.abs(px - x);
                if (distance <= bestDistance) {
                    bestDistance = distance;
                    best = new Snap(px, p);
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
