package org.ecgworkbench.app.viewer;

import java.util.List;

/**
 * What the canvas last drew, reported back to the view model so tests and benchmarks can see it.
 *
 * @param recordId      record drawn
 * @param traces        one entry per trace stroked
 * @param drawNanos     time spent drawing (grid, traces, labels)
 * @param finishedNanos {@link System#nanoTime()} when drawing finished
 * @param shadedCells   cells with explanation shading under their trace (0 when there is none)
 */
public record PaperDrawing(String recordId, List<Trace> traces, long drawNanos, long finishedNanos, int shadedCells) {

    /** One stroked trace: the lead, the samples it covers and the points the polyline needed. */
    public record Trace(String lead, boolean rhythmStrip, int firstSample, int sampleCount, int points) {
    }

    public PaperDrawing {
        traces = List.copyOf(traces);
    }

    public PaperDrawing(String recordId, List<Trace> traces, long drawNanos, long finishedNanos) {
        this(recordId, traces, drawNanos, finishedNanos, 0);
    }
}
