package org.ecgworkbench.app.suggestions;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.ecgworkbench.app.CanvasPane;

/**
 * A long recording's suggestions over time: one row per class, one cell per window, shaded by
 * probability and outlined where the class is at or above its threshold; the part of the record on
 * the paper is marked. Clicking a cell shows that window on the paper.
 */
public final class WindowTimelineView extends CanvasPane {

    public static final double ROW_HEIGHT = 16;
    public static final double LABEL_WIDTH = 58;
    static final double AXIS_HEIGHT = 14;
    private static final Color POSITIVE_EDGE = Color.rgb(150, 0, 0);
    private static final Color PAGE = Color.rgb(0, 90, 200);

    private WindowTimeline timeline;
    private double pageStart = Double.NaN;
    private double pageSeconds;
    private DoubleConsumer onWindowChosen = s -> { };

    public WindowTimelineView() {
        setId("windowTimeline");
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (timeline == null || e.getX() < LABEL_WIDTH) return;
            double seconds = (e.getX() - LABEL_WIDTH) / (getWidth() - LABEL_WIDTH) * timeline.endSeconds();
            int w = timeline.windowAt(seconds);
            if (w >= 0) onWindowChosen.accept(timeline.windows().get(w).startSeconds());
        });
    }

    /** What a click does with the chosen window's start time. */
    public void setOnWindowChosen(DoubleConsumer action) {
        onWindowChosen = action;
    }

    public void show(WindowTimeline t) {
        timeline = t;
        double h = t == null ? 0 : AXIS_HEIGHT + t.rows().size() * ROW_HEIGHT + 2;
        setPrefHeight(h);
        setMinHeight(h);
        redraw();
    }

    /** The part of the record on the paper. */
    public void showPage(double startSeconds, double seconds) {
        pageStart = startSeconds;
        pageSeconds = seconds;
        redraw();
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        if (timeline == null || timeline.rows().isEmpty()) return;
        double end = timeline.endSeconds();
        double plot = width - LABEL_WIDTH;
        g.setFont(Font.font("System", 11));
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < timeline.rows().size(); r++) {
            WindowTimeline.Row row = timeline.rows().get(r);
            double y = r * ROW_HEIGHT;
            g.setFill(Color.BLACK);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(row.abbrev(), 2, y + ROW_HEIGHT / 2);
            for (int w = 0; w < timeline.windows().size(); w++) {
                WindowTimeline.Span s = timeline.windows().get(w);
                double x0 = LABEL_WIDTH + s.startSeconds() / end * plot;
                double x1 = LABEL_WIDTH + Math.min(end, s.endSeconds()) / end * plot;
                double p = Math.max(0, Math.min(1, row.probability(w)));
                g.setFill(Color.rgb(255, (int) Math.round(255 * (1 - p)), (int) Math.round(255 * (1 - p))));
                g.fillRect(x0, y + 1, Math.max(1, x1 - x0), ROW_HEIGHT - 2);
                if (row.positiveIn(w)) {
                    g.setStroke(POSITIVE_EDGE);
                    g.setLineWidth(1.5);
                    g.strokeRect(x0 + 0.75, y + 1.75, Math.max(1, x1 - x0 - 1.5), ROW_HEIGHT - 3.5);
                }
            }
        }
        double axisY = timeline.rows().size() * ROW_HEIGHT + AXIS_HEIGHT / 2 + 1;
        g.setFill(Color.GRAY);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("0 s", LABEL_WIDTH, axisY);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "%.0f s", end), width - 2, axisY);
        if (!Double.isNaN(pageStart) && end > 0) {
            double x0 = LABEL_WIDTH + pageStart / end * plot;
            double x1 = LABEL_WIDTH + Math.min(end, pageStart + pageSeconds) / end * plot;
            g.setStroke(PAGE);
            g.setLineWidth(2);
            g.strokeRect(x0, 1, Math.max(2, x1 - x0), timeline.rows().size() * ROW_HEIGHT - 1);
        }
    }
}
