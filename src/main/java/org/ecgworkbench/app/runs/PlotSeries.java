package org.ecgworkbench.app.runs;

import java.util.Arrays;

/**
 * A growing line of (x, y) points that a view model appends to and a chart copies from. It is
 * confined to one thread (the FX thread in the app); the chart remembers how many points it has
 * copied and takes only the new ones, at most once per frame.
 */
public final class PlotSeries {
    private final String name;
    private double[] x = new double[64];
    private double[] y = new double[64];
    private int size;
    private long version;
    private long rewrites;

    public PlotSeries(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void add(double px, double py) {
        if (size == x.length) {
            x = Arrays.copyOf(x, size * 2);
            y = Arrays.copyOf(y, size * 2);
        }
        x[size] = px;
        y[size] = py;
        size++;
        version++;
    }

    public void clear() {
        size = 0;
        version++;
        rewrites++;
    }

    /** Changes whenever points were taken away, so a copy must start again rather than append. */
    public long rewrites() {
        return rewrites;
    }

    /** Drops the points from the first one whose x is at least {@code x} on (the line's x only grows). */
    public void truncateFrom(double fromX) {
        int keep = size;
        while (keep > 0 && x[keep - 1] >= fromX) keep--;
        if (keep != size) {
            size = keep;
            version++;
            rewrites++;
        }
    }

    /** The last x, or NaN for an empty line. */
    public double lastX() {
        return size == 0 ? Double.NaN : x[size - 1];
    }

    public int size() {
        return size;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    /** Changes on every add and clear, so a chart can tell a cleared-and-refilled line from an unchanged one. */
    public long version() {
        return version;
    }

    public double[] xs() {
        return Arrays.copyOf(x, size);
    }

    public double[] ys() {
        return Arrays.copyOf(y, size);
    }

    /** The last y, or NaN for an empty line. */
    public double lastY() {
        return size == 0 ? Double.NaN : y[size - 1];
    }
}
