package org.ecgworkbench.app.viewer;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.ecgworkbench.app.PulseRedraw;
import org.ecgworkbench.measure.BeatType;

/**
 * The paper with an overlay for the calipers and the crosshair, so moving the pointer never
 * redraws the traces. The view is as large as the paper at the current zoom (a scroll pane shows
 * part of it), but its two canvases only cover the visible part ({@link #showArea}): a zoomed
 * paper would otherwise need a canvas many times the screen. Mouse gestures go straight to
 * {@link EcgViewerViewModel} in the paper's coordinates: drag to lay a caliper, right-click to
 * clear it, double-click to see a lead alone (and back), Ctrl+wheel to zoom, Shift+wheel to move in
 * time when the paper is not wider than the view.
 */
public final class EcgPaperView extends Pane {

    private static final Color CALIPER = Color.rgb(0, 90, 200);
    private static final Color CROSSHAIR = Color.rgb(40, 60, 120, 0.55);
    private static final Color P_WAVE = Color.rgb(40, 110, 220, 0.16);
    private static final Color QRS = Color.rgb(30, 150, 70, 0.18);
    private static final Color T_END = Color.rgb(200, 70, 0);
    private static final Color BEAT = Color.rgb(120, 60, 160);

    private final EcgPaperCanvas paper = new EcgPaperCanvas();
    private final Canvas overlay = new Canvas();
    private final PulseRedraw paperRedraw = new PulseRedraw(this, this::redraw);
    private EcgViewerViewModel viewModel;
    /** The visible part of the paper (NaN width: not known yet, draw all). */
    private double areaX;
    private double areaY;
    private double areaWidth = Double.NaN;
    private double areaHeight = Double.NaN;

    public EcgPaperView() {
        getChildren().addAll(paper, overlay);
        overlay.widthProperty().bind(paper.widthProperty());
        overlay.heightProperty().bind(paper.heightProperty());
        overlay.layoutXProperty().bind(paper.layoutXProperty());
        overlay.layoutYProperty().bind(paper.layoutYProperty());
        overlay.setId("paperOverlay");
        paper.setId("paperCanvas");
        setId("paperView");
    }

    public void bind(EcgViewerViewModel vm) {
        this.viewModel = vm;
        vm.paperLayoutProperty().addListener(o -> paperRedraw.request());
        vm.shadingProperty().addListener(o -> paperRedraw.request());
        vm.caliperProperty().addListener(o -> redrawOverlay());
        vm.fiducialsProperty().addListener(o -> redrawOverlay());
        vm.pointerXProperty().addListener(o -> redrawOverlay());
        vm.pointerYProperty().addListener(o -> redrawOverlay());
        overlay.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) vm.caliperPressed(paperX(e), paperY(e));
            else if (e.getButton() == MouseButton.SECONDARY) vm.clearCaliper();
        });
        overlay.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.isPrimaryButtonDown()) vm.caliperDragged(paperX(e), paperY(e));
        });
        overlay.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) vm.caliperReleased(paperX(e), paperY(e));
        });
        overlay.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) vm.toggleLeadAlone(paperX(e), paperY(e));
        });
        overlay.addEventHandler(MouseEvent.MOUSE_MOVED, e -> vm.pointerMoved(paperX(e), paperY(e)));
        overlay.addEventHandler(MouseEvent.MOUSE_EXITED, e -> vm.pointerExited());
        overlay.addEventHandler(ScrollEvent.SCROLL, e -> {
            EcgPaperLayout layout = vm.paperLayoutProperty().get();
            boolean wider = layout != null && !Double.isNaN(areaWidth) && layout.paperWidthPx() > areaWidth + 1;
            if (e.isControlDown()) {
                if (e.getDeltaY() > 0) vm.zoomIn();
                else if (e.getDeltaY() < 0) vm.zoomOut();
                e.consume();
            } else if ((e.getDeltaX() != 0 || e.isShiftDown()) && !wider) {
                // A zoomed paper scrolls sideways in its scroll pane; a fitted one moves in time.
                double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
                vm.pan(-Math.signum(d) * 0.1);
                e.consume();
            }
        });
        redraw();
    }

    /** The part of the paper the scroll pane shows (its viewport, in this view's coordinates). */
    public void showArea(double x, double y, double width, double height) {
        if (x == areaX && y == areaY && width == areaWidth && height == areaHeight) return;
        areaX = x;
        areaY = y;
        areaWidth = width;
        areaHeight = height;
        paperRedraw.request();
    }

    public EcgPaperCanvas paper() {
        return paper;
    }

    private double paperX(MouseEvent e) {
        return e.getX() + overlay.getLayoutX();
    }

    private double paperY(MouseEvent e) {
        return e.getY() + overlay.getLayoutY();
    }

    private void redraw() {
        EcgPaperLayout layout = viewModel.paperLayoutProperty().get();
        var record = viewModel.recordProperty().get();
        if (layout == null || record == null) {
            paper.clear();
        } else {
            EcgPaperCanvas.Window window = window(layout);
            paper.relocate(window.x(), window.y());
            viewModel.reportDrawn(paper.draw(layout, record, viewModel.currentShading(), window));
            // The paper's size at this zoom; the scroll pane stretches the view over a larger viewport.
            double w = Math.floor(layout.paperWidthPx());
            double h = Math.floor(layout.paperHeightPx());
            setMinSize(w, h);
            setPrefSize(w, h);
        }
        redrawOverlay();
    }

    /** The visible part of the sheet, in whole pixels. */
    private EcgPaperCanvas.Window window(EcgPaperLayout layout) {
        EcgPaperCanvas.Window whole = EcgPaperCanvas.Window.whole(layout);
        if (Double.isNaN(areaWidth)) return whole;
        int w = (int) Math.min(whole.width(), Math.ceil(areaWidth));
        int h = (int) Math.min(whole.height(), Math.ceil(areaHeight));
        int x = (int) Math.max(0, Math.min(whole.width() - w, Math.floor(areaX)));
        int y = (int) Math.max(0, Math.min(whole.height() - h, Math.floor(areaY)));
        return new EcgPaperCanvas.Window(x, y, w, h);
    }

    private void redrawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        g.save();
        g.translate(-overlay.getLayoutX(), -overlay.getLayoutY());
        double left = overlay.getLayoutX();
        double top = overlay.getLayoutY();
        fiducials(g, viewModel.fiducialsProperty().get());
        double px = viewModel.pointerXProperty().get();
        double py = viewModel.pointerYProperty().get();
        if (!Double.isNaN(px)) {
            g.setStroke(CROSSHAIR);
            g.setLineWidth(1);
            g.strokeLine(Math.floor(px) + 0.5, top, Math.floor(px) + 0.5, top + overlay.getHeight());
            g.strokeLine(left, Math.floor(py) + 0.5, left + overlay.getWidth(), Math.floor(py) + 0.5);
        }
        Caliper c = viewModel.caliperProperty().get();
        if (c != null) {
            g.setStroke(CALIPER);
            g.setLineWidth(1.5);
            double capTop = Math.min(c.y1(), c.y2()) - 20;
            double capBottom = Math.max(c.y1(), c.y2()) + 20;
            g.strokeLine(c.x1(), capTop, c.x1(), capBottom);
            g.strokeLine(c.x2(), capTop, c.x2(), capBottom);
            g.strokeLine(c.x1(), c.y1(), c.x2(), c.y1());
            g.strokeLine(c.x2(), c.y1(), c.x2(), c.y2());
            g.setFill(CALIPER);
            g.setFont(Font.font("System", 12));
            g.fillText(viewModel.caliperTextProperty().get(), Math.min(c.x1(), c.x2()) + 4, capTop - 4);
        }
        g.restore();
    }

    /**
     * The beats' fiducials: the P wave and the QRS as light bands over the row, T end as a tick across the baseline;
     * a beat without its own delineation as a tick at the row's top; the type of a beat that is not dominant as a
     * letter above it.
     */
    private void fiducials(GraphicsContext g, FiducialMarks marks) {
        EcgPaperLayout layout = viewModel.paperLayoutProperty().get();
        if (marks.isEmpty() || layout == null) return;
        g.setFont(Font.font("System", 10));
        for (FiducialMarks.BeatMarks b : marks.beats()) {
            double top = layout.toPx(b.cell().topMm());
            double height = layout.toPx(b.cell().heightMm());
            double baseline = layout.toPx(b.cell().baselineMm());
            if (b.hasP()) {
                g.setFill(P_WAVE);
                g.fillRect(b.pOnsetX(), top + 0.2 * height, b.pOffsetX() - b.pOnsetX(), 0.6 * height);
            }
            if (b.hasQrs()) {
                g.setFill(QRS);
                g.fillRect(b.qrsOnsetX(), top + 0.1 * height, b.qrsOffsetX() - b.qrsOnsetX(), 0.8 * height);
            } else if (!Double.isNaN(b.beatX())) {
                g.setStroke(BEAT);
                g.setLineWidth(1.5);
                g.strokeLine(b.beatX(), top + 0.1 * height, b.beatX(), top + 0.2 * height);
            }
            if (!Double.isNaN(b.tEndX())) {
                g.setStroke(T_END);
                g.setLineWidth(1.5);
                g.strokeLine(b.tEndX(), baseline - 0.15 * height, b.tEndX(), baseline + 0.15 * height);
            }
            String letter = typeLetter(b.type());
            if (!letter.isEmpty() && !Double.isNaN(b.beatX())) {
                g.setFill(BEAT);
                g.fillText(letter, b.beatX() - 3, top + 0.1 * height);
            }
        }
    }

    /** The letter a Holter report prints over a beat that is not dominant. */
    static String typeLetter(BeatType type) {
        return switch (type) {
            case DOMINANT -> "";
            case PREMATURE_SUPRAVENTRICULAR -> "S";
            case VENTRICULAR_OR_WIDE -> "V";
            case PACED -> "P";
            case ARTEFACT -> "A";
            case UNTYPED -> "?";
        };
    }
}
