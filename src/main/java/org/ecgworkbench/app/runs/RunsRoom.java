package org.ecgworkbench.app.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.runs.JvmTrainLauncher;
import org.ecgworkbench.runs.RunWorkspace;

/**
 * The runs room as a node to put anywhere (the main window's "Runs" tab): its root, its view model
 * and its controller. {@link #load(BackgroundWork)} uses the workspace of {@link RunWorkspace#resolve()}
 * and trains in child JVMs, then lists the workspace's runs.
 *
 * @param root      the room's view; its properties map holds the view model under {@code RunsViewModel.class}
 * @param viewModel the room's view model: {@code enqueue(List<RunRequest>)} starts runs
 */
public record RunsRoom(Parent root, RunsViewModel viewModel, RunsController controller) {

    public static RunsRoom load(BackgroundWork work) {
        return load(new RunsViewModel(RunWorkspace.resolve(), new JvmTrainLauncher(), work, System::nanoTime));
    }

    public static RunsRoom load(RunsViewModel vm) {
        FXMLLoader loader = new FXMLLoader(RunsRoom.class.getResource("Runs.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the runs room", e);
        }
        root.getStylesheets().add(RunsRoom.class.getResource("runs.css").toExternalForm());
        RunsController controller = loader.getController();
        controller.bind(vm);
        root.getProperties().put(RunsViewModel.class, vm);
        vm.loadWorkspace();
        return new RunsRoom(root, vm, controller);
    }

    /** The room as a "Runs" tab that cannot be closed; its id is {@code runsTab}. */
    public Tab tab() {
        Tab tab = new Tab("Runs", root);
        tab.setId("runsTab");
        tab.setClosable(false);
        return tab;
    }

    /** What "New run…" does (the lead connects the training wizard, which calls {@code viewModel().enqueue}). */
    public RunsRoom setOnNewRun(Runnable action) {
        viewModel.setOnNewRun(action);
        return this;
    }

    /** What "Open report" does with a finished run's folder (the lead connects the report view). */
    public RunsRoom setOnOpenReport(Consumer<Path> action) {
        viewModel.setOnOpenReport(action);
        return this;
    }
}
