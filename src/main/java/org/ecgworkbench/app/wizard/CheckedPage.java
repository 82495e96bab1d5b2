package org.ecgworkbench.app.wizard;

import java.util.Locale;
import javafx.beans.binding.StringBinding;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/**
 * A wizard page whose Next (and on the last page, Finish) button is disabled while its view model
 * reports a problem; the problem is shown in red under the page's fields.
 */
final class CheckedPage extends WizardPane {

    private final StringBinding problem;
    private final Runnable onEnter;

    CheckedPage(WizardPage page, StringBinding problem, Runnable onEnter, Node... content) {
        this.problem = problem;
        this.onEnter = onEnter;
        setId("page-" + page.name().toLowerCase(Locale.ROOT));
        setHeaderText(page.ordinal() + 1 + " / " + WizardPage.values().length + "  " + page.title());
        VBox box = new VBox(8, content);
        box.getChildren().add(WizardForms.problem(problem));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(460);
        setContent(scroll);
        setPrefWidth(860); // one width for every page: the dialog takes each page's own size
        getStylesheets().add(CheckedPage.class.getResource("wizard.css").toExternalForm());
        problem.addListener((o, old, now) -> updateFinish());
    }

    @Override
    public void onEnteringPage(Wizard wizard) {
        onEnter.run();
        wizard.invalidProperty().unbind();
        wizard.invalidProperty().bind(problem.isNotEmpty());
        updateFinish();
    }

    /** On the last page the Wizard shows Finish, which its invalid property does not cover. */
    private void updateFinish() {
        Node finish = lookupButton(ButtonType.FINISH);
        if (finish != null && !finish.disableProperty().isBound()) finish.setDisable(!problem.get().isEmpty());
    }
}
