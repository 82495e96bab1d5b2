package org.ecgworkbench.app.suggestions;

import javafx.css.PseudoClass;
import javafx.scene.layout.Region;

/**
 * A small horizontal bar: filled to the probability, with a tick at the class's threshold (styled
 * {@code .probability-bar}, {@code :above} when the probability reaches the threshold; a pseudo-class, not a style class, so a
 * row's update does not re-apply the CSS of its subtree). A view: the
 * fractions come from {@link DiagnosisRow}.
 */
public final class ProbabilityBar extends Region {

    static final double WIDTH = 56;
    static final double HEIGHT = 10;
    private static final double TICK = 2;

    private static final PseudoClass ABOVE = PseudoClass.getPseudoClass("above");

    private final Region track = styled("bar-track");
    private final Region fill = styled("bar-fill");
    private final Region tick = styled("bar-tick");
    private double fraction;
    private double tickFraction;

    public ProbabilityBar() {
        getStyleClass().add("probability-bar");
        getChildren().addAll(track, fill, tick);
        setMinSize(WIDTH, HEIGHT + 4);
        setPrefSize(WIDTH, HEIGHT + 4);
        setMaxSize(WIDTH, HEIGHT + 4);
    }

    private static Region styled(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setManaged(false);
        return r;
    }

    /** Shows a probability against its threshold (both fractions of the bar). */
    public void show(double fraction, double tickFraction, boolean above) {
        this.fraction = fraction;
        this.tickFraction = tickFraction;
        pseudoClassStateChanged(ABOVE, above);
        requestLayout();
    }

    /** The fill's width in pixels (for tests). */
    double fillWidth() {
        return fill.getWidth();
    }

    /** The tick's centre in pixels from the bar's left (for tests). */
    double tickCentre() {
        return tick.getLayoutX() + TICK / 2;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double top = (getHeight() - HEIGHT) / 2;
        track.resizeRelocate(0, top, w, HEIGHT);
        fill.resizeRelocate(0, top, Math.round(fraction * w), HEIGHT);
        double x = Math.min(w - TICK, Math.max(0, Math.round(tickFraction * w - TICK / 2)));
        tick.resizeRelocate(x, 0, TICK, getHeight());
    }
}
