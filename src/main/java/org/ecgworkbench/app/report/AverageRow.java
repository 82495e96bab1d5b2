package org.ecgworkbench.app.report;

/**
 * One number of the averages panel under its right name.
 *
 * @param name    e.g. "F1 weighted"
 * @param value   NaN when undefined
 * @param meaning how it is averaged, e.g. "per-class F1 weighted by support"
 */
public record AverageRow(String name, double value, String meaning) {
}
