package org.ecgworkbench.app.wizard;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import org.controlsfx.dialog.Wizard;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives a shown {@link TrainingWizard} through its dialog's buttons. */
public final class WizardRobot {
    /** ControlsFX's English text of the Next button. */
    static final String NEXT_TEXT = "Next";

    private final FxRobot robot;
    private final Wizard wizard;

    public WizardRobot(FxRobot robot, Wizard wizard) {
        this.robot = robot;
        this.wizard = wizard;
    }

    public DialogPane page() {
        return wizard.getDialog().getDialogPane();
    }

    public Button next() {
        return button(NEXT_TEXT);
    }

    public Button finish() {
        return (Button) page().lookupButton(ButtonType.FINISH);
    }

    Button button(String text) {
        for (ButtonType t : page().getButtonTypes()) {
            if (t.getText().equals(text)) return (Button) page().lookupButton(t);
        }
        return null;
    }

    public void clickNext() {
        robot.clickOn(next());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    public <T extends Node> T find(String id) {
        return (T) robot.from(page()).lookup(id).query();
    }

    public static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
