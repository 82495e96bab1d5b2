package org.ecgworkbench.app.viewer;

import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.app.LeadShading;

/**
 * The shading of one paper cell as a few rectangles: pixel columns across the cell, each taking the
 * largest intensity of the samples under it, quantised to {@code levels} steps (below 1/levels is left clear), and neighbouring
 * columns of one level merged (a canvas fills a hundred rectangles far faster than a thousand).
 */
public final class ShadingBands {

    /** Columns {@code [x0, x1)} in pixels shaded at {@code level} (1..levels). */
    public record Band(double x0, double x1, int level) {
    }

    private ShadingBands() {
    }

    public static List<Band> of(EcgPaperLayout layout, EcgPaperLayout.Cell cell, LeadShading shading, int levels) {
        List<Band> bands = new ArrayList<>();
        if (cell.sampleCount() == 0 || cell.leadIndex() < 0) return bands;
        int first = cell.firstSample();
        int end = first + cell.sampleCount();
        double left = layout.sampleXPx(cell, first);
        double right = layout.sampleXPx(cell, end);
        double samplesPerPx = cell.sampleCount() / Math.max(1e-9, right - left);
        int columns = (int) Math.ceil(right - left);
        Band open = null;
        for (int c = 0; c < columns; c++) {
            int from = first + (int) Math.floor(c * samplesPerPx);
            int to = Math.max(from + 1, Math.min(end, first + (int) Math.ceil((c + 1) * samplesPerPx)));
            float v = shading.max(cell.leadIndex(), from, to);
            int level = Math.min(levels, (int) Math.floor(v * levels));
            double x0 = left + c;
            double x1 = Math.min(right, left + c + 1);
            if (open != null && open.level() == level) {
                open = new Band(open.x0(), x1, level);
            } else {
                if (open != null && open.level() > 0) bands.add(open);
                open = new Band(x0, x1, level);
            }
        }
        if (open != null && open.level() > 0) bands.add(open);
        return bands;
    }
}
