package org.ecgworkbench.app.report;

import java.util.List;

/**
 * The class heat map as drawn: rows are true classes, columns predicted classes; a cell holds a
 * count of records, or with {@code normalised} the share of the row class's records.
 *
 * @param labels one per class, for both axes
 * @param counts record counts, the numbers written in the cells
 * @param values what the colour shows: the counts, or each row divided by its support
 * @param max    the largest value (colour scale end), at least 1 for counts
 */
public record HeatMap(List<String> labels, int[][] counts, double[][] values, boolean normalised, double max) {
    public static final HeatMap EMPTY = new HeatMap(List.of(), new int[0][], new double[0][], false, 1);

    public HeatMap {
        labels = List.copyOf(labels);
    }

    public int size() {
        return labels.size();
    }
}
