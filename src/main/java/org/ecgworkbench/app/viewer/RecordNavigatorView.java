package org.ecgworkbench.app.viewer;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.ecgworkbench.app.CanvasPane;

/**
 * The whole record in one strip under the paper: lead II's envelope, and the part the page shows
 * as a blue box. Click or drag to move the page there.
 */
public final class RecordNavigatorView extends CanvasPane {

    private static final Color TRACE = Color.rgb(40, 40, 40);
    private static final Color PAGE_FILL = Color.rgb(0, 90, 200, 0.18);
    private static final Color PAGE_EDGE = Color.rgb(0, 90, 200);
    /** Envelopes are scaled to at most ±3 mV so one artefact cannot flatten the rest. */
    private static final double CLIP_MV = 3;

    private EcgViewerViewModel viewModel;

    public RecordNavigatorView() {
        setId("recordNavigator");
        setPrefHeight(44);
        setMinHeight(44);
    }

    public void bind(EcgViewerViewModel vm) {
        this.viewModel = vm;
        vm.overviewProperty().addListener(o -> redraw());
        vm.startSecondsProperty().addListener(o -> redraw());
        vm.pageSecondsProperty().addListener(o -> redraw());
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> moveTo(e.getX()));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> moveTo(e.getX()));
        redraw();
    }

    private void moveTo(double x) {
        RecordOverview o = viewModel.overviewProperty().get();
        if (o != null && getWidth() > 0) viewModel.centreOn(x / getWidth() * o.seconds());
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        if (viewModel == null) return;
        RecordOverview o = viewModel.overviewProperty().get();
        if (o == null || o.seconds() <= 0) return;
        double lo = 0;
        double hi = 0;
        for (int b = 0; b < o.buckets(); b++) {
            lo = Math.min(lo, o.minAt(b));
            hi = Math.max(hi, o.maxAt(b));
        }
        lo = Math.max(lo, -CLIP_MV);
        hi = Math.min(hi, CLIP_MV);
        double span = Math.max(hi - lo, 0.1);
        double pad = 3;
        g.setStroke(TRACE);
        g.setLineWidth(1);
        for (int b = 0; b < o.buckets(); b++) {
            double x = Math.floor((b + 0.5) * width / o.buckets()) + 0.5;
            double y1 = pad + (hi - Math.min(hi, o.maxAt(b))) / span * (height - 2 * pad);
            double y2 = pad + (hi - Math.max(lo, o.minAt(b))) / span * (height - 2 * pad);
            g.strokeLine(x, y1, x, Math.max(y2, y1 + 1));
        }
        double x0 = viewModel.startSecondsProperty().get() / o.seconds() * width;
        double w = Math.min(width - x0, viewModel.pageSecondsProperty().get() / o.seconds() * width);
        g.setFill(PAGE_FILL);
        g.fillRect(x0, 0, w, height);
        g.setStroke(PAGE_EDGE);
        g.setLineWidth(1.5);
        g.strokeRect(x0 + 0.75, 0.75, Math.max(1, w - 1.5), height - 1.5);
    }
}
