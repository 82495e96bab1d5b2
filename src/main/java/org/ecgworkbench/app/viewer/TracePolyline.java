package org.ecgworkbench.app.viewer;

/**
 * The polyline of one cell's trace in pixels. When several samples fall in one pixel column it
 * keeps each column's minimum and maximum in the order they occur, so QRS peaks and pacing
 * spikes survive while a 5000-sample lead needs about two points per pixel.
 *
 * @param xs     x of each point
 * @param ys     y of each point
 * @param points number of points used (the arrays may be longer)
 */
public record TracePolyline(double[] xs, double[] ys, int points) {

    public static TracePolyline of(EcgPaperLayout layout, EcgPaperLayout.Cell cell, float[] millivolts) {
        int first = cell.firstSample();
        int count = Math.min(cell.sampleCount(), millivolts.length - first);
        if (count <= 0) return new TracePolyline(new double[0], new double[0], 0);
        double x0 = layout.sampleXPx(cell, first);
        double dx = layout.sampleXPx(cell, first + 1) - x0;
        double pxPerMm = layout.pxPerMm();
        double baseline = cell.baselineMm() * pxPerMm;
        double pxPerMv = layout.settings().gain().mmPerMillivolt() * pxPerMm;
        if (dx >= 0.5) {
            double[] xs = new double[count];
            double[] ys = new double[count];
            for (int i = 0; i < count; i++) {
                xs[i] = x0 + i * dx;
                ys[i] = baseline - millivolts[first + i] * pxPerMv;
            }
            return new TracePolyline(xs, ys, count);
        }
        int columns = (int) Math.ceil(count * dx) + 2;
        double[] xs = new double[2 * columns];
        double[] ys = new double[2 * columns];
        int n = 0;
        int i = 0;
        while (i < count) {
            long column = (long) Math.floor(x0 + i * dx);
            int lo = i;
            int hi = i;
            int j = i + 1;
            while (j < count && (long) Math.floor(x0 + j * dx) == column) {
                if (millivolts[first + j] < millivolts[first + lo]) lo = j;
                if (millivolts[first + j] > millivolts[first + hi]) hi = j;
                j++;
            }
            int a = Math.min(lo, hi);
            int b = Math.max(lo, hi);
            xs[n] = x0 + a * dx;
            ys[n++] = baseline - millivolts[first + a] * pxPerMv;
            if (b != a) {
                xs[n] = x0 + b * dx;
                ys[n++] = baseline - millivolts[first + b] * pxPerMv;
            }
            i = j;
        }
        return new TracePolyline(xs, ys, n);
    }
}
