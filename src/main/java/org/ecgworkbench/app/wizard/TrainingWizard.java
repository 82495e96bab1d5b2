package org.ecgworkbench.app.wizard;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.controlsfx.dialog.Wizard;
import org.ecgworkbench.runs.RunRequest;

/**
 * The training wizard (ControlsFX {@link Wizard}): data folders → classes and split → preprocessing →
 * model → optimisation → compute → review; Finish hands the run requests to the runs room. Pages are
 * bound to {@link TrainingWizardViewModel}; this class only puts them together and shows them.
 */
public final class TrainingWizard {

    private TrainingWizard() {
    }

    /**
     * Shows the wizard (not blocking) over {@code owner}.
     *
     * @param runsRoom receives the runs when the user presses Finish
     * @return the wizard shown (its dialog is {@link Wizard#getDialog()})
     */
    public static Wizard show(Window owner, TrainingWizardViewModel vm, Consumer<List<RunRequest>> runsRoom) {
        Wizard wizard = new Wizard(owner, "New training run");
        wizard.setReadSettings(false); // the pages are bound to the view model
        wizard.setFlow(new Wizard.LinearFlow(TrainingWizardPages.data(vm), TrainingWizardPages.split(vm), TrainingWizardPages.pipeline(vm),
                TrainingWizardPages.model(vm), TrainingWizardPages.optimisation(vm), TrainingWizardPages.compute(vm),
                TrainingWizardPages.review(vm)));
        wizard.resultProperty().addListener((o, old, result) -> {
            if (result != ButtonType.FINISH) return;
            try {
                vm.launch(runsRoom);
            } catch (IllegalStateException | IllegalArgumentException e) {
                Alert alert = new Alert(Alert.AlertType.ERROR, "The runs were not queued: " + e.getMessage());
                alert.initOwner(owner);
                alert.show();
            }
        });
        wizard.getDialog().setOnHidden(e -> vm.data().cancel()); // a scan still running is no longer wanted
        wizard.getDialog().setResizable(true);
        wizard.getDialog().show();
        return wizard;
    }
}
