package org.ecgworkbench.app.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.app.FxBackgroundWork;

/**
 * The report room as a node to put anywhere, usually a closable tab: {@code ReportRoom.open(work,
 * runFolder).tab()} shows a finished run's test report (or, given an {@code evaluate --predictions}
 * file, that evaluation), titled "Report · &lt;run&gt;".
 *
 * @param root      the room's view; its properties map holds the view model under {@code ReportViewModel.class}
 * @param viewModel the room's view model
 */
public record ReportRoom(Parent root, ReportViewModel viewModel) {

    /** An empty room; {@code viewModel().load(path)} fills it. */
    public static ReportRoom create(BackgroundWork work) {
        ReportViewModel vm = new ReportViewModel(work);
        FXMLLoader loader = new FXMLLoader(ReportRoom.class.getResource("Report.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the report room", e);
        }
        ReportController controller = loader.getController();
        controller.bind(vm);
        root.getProperties().put(ReportViewModel.class, vm);
        return new ReportRoom(root, vm);
    }

    /** A room that starts loading a run folder or predictions file in the background at once. */
    public static ReportRoom open(BackgroundWork work, Path runFolderOrPredictions) {
        ReportRoom room = create(work);
        room.viewModel().load(runFolderOrPredictions);
        return room;
    }

    /**
     * A closable "Report · &lt;run&gt;" tab for a run folder, with worker threads of its own that end
     * when the tab is closed. The room is in the tab content's properties under {@code ReportRoom.class},
     * for {@link #setOnOpenRecord}.
     */
    public static Tab open(Path runFolderOrPredictions) {
        FxBackgroundWork work = new FxBackgroundWork();
        ReportRoom room = open(work, runFolderOrPredictions);
        Tab tab = room.tab();
        tab.setOnClosed(e -> work.shutdown());
        return tab;
    }

    /** Called with the record file (header or .mat) when the user double-clicks a record. */
    public void setOnOpenRecord(Consumer<Path> hook) {
        viewModel.setOnOpenRecord(hook);
    }

    /** The room as a closable tab whose text follows the report's title; its id is {@code reportTab}. */
    public Tab tab() {
        Tab tab = new Tab();
        tab.textProperty().bind(viewModel.titleProperty());
        tab.setContent(root);
        tab.setId("reportTab");
        tab.setClosable(true);
        root.getProperties().put(ReportRoom.class, this);
        return tab;
    }
}
