package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ecgworkbench.app.help.HelpViewModel;
import org.ecgworkbench.app.help.Shortcut;
import org.ecgworkbench.model.SoftwareVersion;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Help menu at 1280×720: the shortcuts dialog lists exactly the accelerators the menus define (plus
 * the menus' Alt keys), About shows the version, the data credit and the not-a-medical-device
 * statement, and F1 opens the user guide: an existing file handed to the desktop and its text shown.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class HelpMenuAppTest {

    @TempDir
    Path temp;

    private EcgWorkbenchApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new EcgWorkbenchApp();
        app.start(stage);
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @Test
    void theShortcutsListIsTheAcceleratorsTheMenusDefine(FxRobot robot) {
        robot.clickOn("Help").clickOn("Keyboard shortcuts");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<Shortcut> table = robot.lookup("#shortcutTable").queryAs(TableView.class);
        MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup("#menuBar");
        List<String> accelerators = new ArrayList<>();
        for (Menu m : bar.getMenus()) acceleratorsOf(m, accelerators);
        stage.getScene().getAccelerators().keySet().forEach(k -> accelerators.add(k.getDisplayText()));
        List<String> listed = table.getItems().stream().map(Shortcut::keys).filter(k -> !k.startsWith("Alt+")).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(accelerators.stream().distinct().toList());
        assertThat(table.getItems()).contains(new Shortcut("Ctrl+O", "File › Open record…"), new Shortcut("F1", "Help › User guide"),
                new Shortcut("Alt+H", "open the Help menu"), new Shortcut("F10", "move to the menu bar"));
    }

    private static void acceleratorsOf(Menu menu, List<String> out) {
        for (MenuItem item : menu.getItems()) {
            if (item.getAccelerator() != null) out.add(item.getAccelerator().getDisplayText());
            if (item instanceof Menu sub) acceleratorsOf(sub, out);
        }
    }

    @Test
    void aboutShowsTheVersionTheCreditAndTheStatement(FxRobot robot) {
        robot.clickOn("Help").clickOn("About ECG Workbench");
        WaitForAsyncUtils.waitForFxEvents();
        String text = robot.lookup("#aboutText").queryAs(TextArea.class).getText();
        assertThat(text).contains("ECG Workbench " + SoftwareVersion.current(), "Not a medical device.",
                "must not be used for the care of patients", "PhysioNet", "Perez Alday", "JavaFX", "Apache 2.0");
    }

    @Test
    void f1OpensTheUserGuide(FxRobot robot) throws Exception {
        List<String> opened = new ArrayList<>();
        robot.interact(() -> app.controller().setHelp(new HelpViewModel(Path.of("").toAbsolutePath(), temp, opened::add)));
        robot.clickOn("#recordList").type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).hasSize(1);
        Path file = Path.of(URI.create(opened.get(0)));
        assertThat(file).isRegularFile();
        assertThat(robot.lookup("#userGuideText").queryAs(TextArea.class).getText()).isEqualTo(Files.readString(file));
    }
}
