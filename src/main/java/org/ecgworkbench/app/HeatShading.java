package org.ecgworkbench.app;

import javafx.scene.paint.Color;

/**
 * How {@link LeadShading} looks: the paper's bands (viewer room) and the legend beside the suggested
 * diagnoses (suggestions room) use this one warm orange, translucent so the grid shows through.
 */
public final class HeatShading {

    /** The colour of the bands. */
    public static final Color HEAT = Color.rgb(255, 140, 0);
    /** How many intensity levels the bands are drawn in. */
    public static final int LEVELS = 8;
    /** The opacity of the strongest level. */
    public static final double MAX_ALPHA = 0.6;

    private HeatShading() {
    }

    /** The colour of a band of the given level (1 … {@link #LEVELS}): darker is stronger. */
    public static Color ofLevel(int level) {
        double alpha = MAX_ALPHA * Math.sqrt((double) level / LEVELS);
        return Color.color(HEAT.getRed(), HEAT.getGreen(), HEAT.getBlue(), alpha);
    }
}
