package org.ecgworkbench.app.report;

import java.util.Arrays;

/**
 * A curve ready to draw: x and y of its corners, or no points and a note saying why it is undefined.
 *
 * @param area the area the report gives for it (AUROC or AUPRC), NaN when undefined
 */
public record CurvePoints(double[] x, double[] y, double area, String note) {
    public static final CurvePoints NONE = new CurvePoints(new double[0], new double[0], Double.NaN, "");

    public CurvePoints {
        x = x.clone();
        y = y.clone();
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    public int size() {
        return x.length;
    }

    /**
     * The points with every point that lies on a straight line between its neighbours left out: the
     * drawn line is the same, and a curve of thousands of records becomes a few dozen segments. The
     * engine's curves keep every point (one per threshold); this only thins what is drawn.
     */
    static CurvePoints corners(double[] x, double[] y, double area, String note) {
        int n = x.length;
        double[] kx = new double[n];
        double[] ky = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            boolean end = i == 0 || i == n - 1;
            if (end || !collinear(x[i - 1], y[i - 1], x[i], y[i], x[i + 1], y[i + 1])) {
                kx[k] = x[i];
                ky[k] = y[i];
                k++;
            }
        }
        return new CurvePoints(Arrays.copyOf(kx, k), Arrays.copyOf(ky, k), area, note);
    }

    private static boolean collinear(double x0, double y0, double x1, double y1, double x2, double y2) {
        double cross = (x1 - x0) * (y2 - y0) - (y1 - y0) * (x2 - x0);
        return Math.abs(cross) <= 1e-12;
    }
}
