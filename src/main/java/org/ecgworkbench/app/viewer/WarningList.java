package org.ecgworkbench.app.viewer;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * The reader's warnings beside the paper: one wrapped line per warning, as tall as its text needs
 * (no empty rows, no scroll bar for two warnings) up to {@link #getMaxHeight()}, then it scrolls.
 * A list view cannot do this: its height does not follow wrapped cells.
 */
public final class WarningList extends ScrollPane {
    /**
     * About six wrapped lines (three long warnings) before it scrolls: more than any sample needs, while
     * the suggestions below keep their room at 1280×720.
     */
    public static final double DEFAULT_MAX_HEIGHT = 112;

    private final VBox lines = new VBox(2);

    public WarningList() {
        getStyleClass().add("warning-list");
        lines.setPadding(new Insets(2, 4, 2, 4));
        setContent(lines);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        setMaxHeight(DEFAULT_MAX_HEIGHT);
        show(List.of());
    }

    /** Shows these warnings, or "(none)". */
    public void show(List<String> warnings) {
        List<String> shown = warnings.isEmpty() ? List.of("(none)") : warnings;
        lines.getChildren().setAll(shown.stream().map(WarningList::line).toList());
        requestLayout();
    }

    /** The warnings shown, in order (for tests). */
    public List<String> shownTexts() {
        return lines.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    private static Label line(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(USE_PREF_SIZE);
        label.getStyleClass().add("warning-line");
        return label;
    }

    /** Its height depends on its width (the lines wrap), so its parent asks for the height at a given width. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = width < 0 ? -1 : Math.max(0, width - in.getLeft() - in.getRight());
        // Rounded up: a fraction of a pixel short would show a scroll bar for text that fits.
        return Math.min(getMaxHeight(), Math.ceil(lines.prefHeight(inner) + in.getTop() + in.getBottom()));
    }

    /** Not shrunk below its warnings (up to the cap) when the panel is short of room: the lists around it give way. */
    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}
