package org.ecgworkbench.app.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.record.EcgRecord;

/**
 * The preprocessing preview as a room to put anywhere (a tab of the main window, a stage of its own):
 * its root node and its view model, which follows the given record (the one the viewer shows).
 *
 * @param root      the room's view; its properties map holds the view model under {@code PreviewViewModel.class}
 * @param viewModel the room's view model
 */
public record PreviewRoom(Parent root, PreviewViewModel viewModel) {

    public static PreviewRoom load(BackgroundWork work, ObservableValue<EcgRecord> shownRecord) {
        PreviewViewModel vm = new PreviewViewModel(work);
        vm.recordProperty().bind(shownRecord);
        FXMLLoader loader = new FXMLLoader(PreviewRoom.class.getResource("Preview.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the preview room", e);
        }
        PreviewController controller = loader.getController();
        controller.bind(vm);
        root.getProperties().put(PreviewViewModel.class, vm);
        return new PreviewRoom(root, vm);
    }

    /** The room as a "Preview" tab that cannot be closed; its id is {@code previewTab}. */
    public Tab tab() {
        Tab tab = new Tab("Preview", root);
        tab.setId("previewTab");
        tab.setClosable(false);
        return tab;
    }
}
