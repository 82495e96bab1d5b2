package org.ecgworkbench.app;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The paper with an overlay for the calipers and the crosshair, so moving the pointer never
 * redraws the traces. Mouse gestures go straight to {@link EcgViewerViewModel}: drag to lay a
 * caliper, right-click to clear it, wheel to pan, Ctrl+wheel to zoom.
 */
public final class EcgPaperView extends Pane {

    private static final Color CALIPER = Color.rgb(0, 90, 200);
    private static final Color CROSSHAIR = Color.rgb(40, 60, 120, 0.55);

    private final EcgPaperCanvas paper = new EcgPaperCanvas();
    private final Canvas overlay = new Canvas();
    private final PulseRedraw paperRedraw = new PulseRedraw(this, this::redraw);
    private EcgViewerViewModel viewModel;

    public EcgPaperView() {
        getChildren().addAll(paper, overlay);
        overlay.widthProperty().bind(paper.widthProperty());
        overlay.heightProperty().bind(paper.heightProperty());
        overlay.setId("paperOverlay");
        paper.setId("paperCanvas");
        setId("paperView");
    }

    public void bind(EcgViewerViewModel vm) {
        this.viewModel = vm;
        vm.paperLayoutProperty().addListener(o -> paperRedraw.request());
        vm.shadingProperty().addListener(o -> paperRedraw.request());
        vm.caliperProperty().addListener(o -> redrawOverlay());
        vm.pointerXProperty().addListener(o -> redrawOverlay());
        vm.pointerYProperty().addListener(o -> redrawOverlay());
        overlay.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) vm.caliperPressed(e.getX(), e.getY());
            else if (e.getButton() == MouseButton.SECONDARY) vm.clearCaliper();
        });
        overlay.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.isPrimaryButtonDown()) vm.caliperDragged(e.getX(), e.getY());
        });
        overlay.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) vm.caliperReleased(e.getX(), e.getY());
        });
        overlay.addEventHandler(MouseEvent.MOUSE_MOVED, e -> vm.pointerMoved(e.getX(), e.getY()));
        overlay.addEventHandler(MouseEvent.MOUSE_EXITED, e -> vm.pointerExited());
        overlay.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isControlDown()) {
                if (e.getDeltaY() > 0) vm.zoomIn();
                else if (e.getDeltaY() < 0) vm.zoomOut();
                e.consume();
            } else if (e.getDeltaX() != 0 || e.isShiftDown()) {
                double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
                vm.pan(-Math.signum(d) * 0.1);
                e.consume();
            }
        });
        redraw();
    }

    public EcgPaperCanvas paper() {
        return paper;
    }

    private void redraw() {
        EcgPaperLayout layout = viewModel.paperLayoutProperty().get();
        var record = viewModel.recordProperty().get();
        if (layout == null || record == null) {
            paper.clear();
        } else {
            viewModel.reportDrawn(paper.draw(layout, record, viewModel.currentShading()));
        }
        setPrefSize(paper.getWidth(), paper.getHeight());
        setMinHeight(paper.getHeight());
        redrawOverlay();
    }

    private void redrawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        double px = viewModel.pointerXProperty().get();
        double py = viewModel.pointerYProperty().get();
        if (!Double.isNaN(px)) {
            g.setStroke(CROSSHAIR);
            g.setLineWidth(1);
            g.strokeLine(Math.floor(px) + 0.5, 0, Math.floor(px) + 0.5, overlay.getHeight());
            g.strokeLine(0, Math.floor(py) + 0.5, overlay.getWidth(), Math.floor(py) + 0.5);
        }
        Caliper c = viewModel.caliperProperty().get();
        if (c != null) {
            g.setStroke(CALIPER);
            g.setLineWidth(1.5);
            double top = Math.min(c.y1(), c.y2()) - 20;
            double bottom = Math.max(c.y1(), c.y2()) + 20;
            g.strokeLine(c.x1(), top, c.x1(), bottom);
            g.strokeLine(c.x2(), top, c.x2(), bottom);
            g.strokeLine(c.x1(), c.y1(), c.x2(), c.y1());
            g.strokeLine(c.x2(), c.y1(), c.x2(), c.y2());
            g.setFill(CALIPER);
            g.setFont(Font.font("System", 12));
            g.fillText(c.readout(), Math.min(c.x1(), c.x2()) + 4, top - 4);
        }
    }
}
