package org.ecgworkbench.app.viewer;

import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import org.ecgworkbench.app.LabelledConverter;

/** The paper's view (Viewer.fxml): binds its settings, the paper, the navigator and the readouts to {@link EcgViewerViewModel}. */
public final class ViewerController {

    @FXML private ChoiceBox<EcgLayout> layoutChoice;
    @FXML private ChoiceBox<PaperSpeed> speedChoice;
    @FXML private ChoiceBox<PaperGain> gainChoice;
    @FXML private Button zoomInButton;
    @FXML private Button zoomOutButton;
    @FXML private Button zoomFitButton;
    @FXML private ToggleButton fiducialsToggle;
    @FXML private Label zoomLabel;
    @FXML private ScrollPane paperScroll;
    @FXML private EcgPaperView paperView;
    @FXML private RecordNavigatorView navigator;
    @FXML private ScrollBar timeBar;
    @FXML private Label caliperLabel;
    @FXML private Label crosshairLabel;

    private EcgViewerViewModel viewer;

    public void bind(EcgViewerViewModel viewer) {
        this.viewer = viewer;
        layoutChoice.getItems().setAll(EcgLayout.values());
        layoutChoice.setConverter(LabelledConverter.of(EcgLayout.class));
        layoutChoice.valueProperty().bindBidirectional(viewer.layoutProperty());
        speedChoice.getItems().setAll(PaperSpeed.values());
        speedChoice.setConverter(LabelledConverter.of(PaperSpeed.class));
        speedChoice.valueProperty().bindBidirectional(viewer.speedProperty());
        gainChoice.getItems().setAll(PaperGain.values());
        gainChoice.setConverter(LabelledConverter.of(PaperGain.class));
        gainChoice.valueProperty().bindBidirectional(viewer.gainProperty());
        zoomLabel.textProperty().bind(Bindings.when(viewer.zoomProperty().lessThanOrEqualTo(1)).then("Fit")
                .otherwise(viewer.zoomProperty().asString(Locale.ROOT, "%.0f×")));
        zoomInButton.disableProperty().bind(viewer.zoomProperty().greaterThanOrEqualTo(EcgViewerViewModel.MAX_ZOOM));
        zoomOutButton.disableProperty().bind(viewer.zoomProperty().lessThanOrEqualTo(1));
        zoomFitButton.disableProperty().bind(viewer.zoomProperty().lessThanOrEqualTo(1));

        fiducialsToggle.selectedProperty().bindBidirectional(viewer.showFiducialsProperty());
        paperView.bind(viewer);
        // The viewport's size sets the fitted scale; its position (scrolled) is the part of the paper drawn.
        paperScroll.viewportBoundsProperty().addListener((o, old, now) -> {
            if (now.getWidth() > 0 && now.getHeight() > 0) {
                viewer.viewportWidthProperty().set(now.getWidth());
                viewer.viewportHeightProperty().set(now.getHeight());
            }
        });
        InvalidationListener visibleArea = o -> showVisibleArea();
        paperScroll.viewportBoundsProperty().addListener(visibleArea);
        paperScroll.hvalueProperty().addListener(visibleArea);
        paperScroll.vvalueProperty().addListener(visibleArea);
        paperView.widthProperty().addListener(visibleArea);
        paperView.heightProperty().addListener(visibleArea);

        navigator.bind(viewer);
        navigator.visibleProperty().bind(viewer.maxStartSecondsProperty().greaterThan(0));
        navigator.managedProperty().bind(navigator.visibleProperty());
        timeBar.setMin(0);
        timeBar.maxProperty().bind(viewer.maxStartSecondsProperty());
        timeBar.disableProperty().bind(viewer.maxStartSecondsProperty().lessThanOrEqualTo(0));
        timeBar.valueProperty().bindBidirectional(viewer.startSecondsProperty());
        viewer.paperLayoutProperty().addListener((o, old, now) -> {
            if (now != null) {
                timeBar.setVisibleAmount(now.pageSeconds());
                timeBar.setBlockIncrement(now.pageSeconds() / 2);
                timeBar.setUnitIncrement(now.pageSeconds() / 20);
            }
        });

        caliperLabel.textProperty().bind(viewer.caliperTextProperty());
        crosshairLabel.textProperty().bind(viewer.crosshairTextProperty());
    }

    /** The scroll pane's visible part of the paper, in the paper's coordinates (scroll values are 0…1). */
    private void showVisibleArea() {
        var viewport = paperScroll.getViewportBounds();
        double x = paperScroll.getHvalue() * Math.max(0, paperView.getWidth() - viewport.getWidth());
        double y = paperScroll.getVvalue() * Math.max(0, paperView.getHeight() - viewport.getHeight());
        paperView.showArea(x, y, viewport.getWidth(), viewport.getHeight());
    }

    @FXML
    private void zoomIn() {
        viewer.zoomIn();
    }

    @FXML
    private void zoomOut() {
        viewer.zoomOut();
    }

    @FXML
    private void zoomToFit() {
        viewer.zoomToFit();
    }
}
