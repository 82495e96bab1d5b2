package org.ecgworkbench.app;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A region holding one canvas that follows its size and is repainted, on a white ground, whenever
 * the size or the content changes: subclasses only say how to paint.
 */
public abstract class CanvasPane extends Region {
    private final Canvas canvas = new Canvas();
    private final PulseRedraw pulseRedraw = new PulseRedraw(this, this::paintNow);

    protected CanvasPane() {
        getChildren().add(canvas);
    }

    /** Paints the content onto a cleared canvas of the given size. */
    protected abstract void paint(GraphicsContext g, double width, double height);

    /** Repaints before the next frame (call after the content changed); many calls between two frames paint once. */
    protected final void redraw() {
        pulseRedraw.request();
    }

    private void paintNow() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        paint(g, w, h);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            paintNow();
        }
    }
}
