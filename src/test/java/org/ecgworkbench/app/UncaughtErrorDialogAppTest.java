package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An exception nothing caught on the FX thread is written to the log and shown; "Copy details" copies the report. */
@ExtendWith(ApplicationExtension.class)
@FxTest
class UncaughtErrorDialogAppTest {
    @TempDir
    Path config;
    private WorkbenchLog log;
    private Thread.UncaughtExceptionHandler before;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @BeforeEach
    void install() {
        before = Thread.getDefaultUncaughtExceptionHandler();
        log = WorkbenchLog.install(config);
        UncaughtErrorDialog.install(log);
    }

    @AfterEach
    void restore(FxRobot robot) {
        Thread.setDefaultUncaughtExceptionHandler(before);
        log.uninstall();
        robot.interact(() -> Window.getWindows().stream().filter(w -> w.getScene().getRoot() instanceof DialogPane)
                .toList().forEach(w -> ((Stage) w).close()));
    }

    @Test
    void anErrorOnTheFxThreadIsLoggedAndShownAndItsDetailsCopied(FxRobot robot) throws Exception {
        Platform.runLater(() -> {
            throw new IllegalStateException("the paper has no leads");
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dialog() != null);
        DialogPane pane = dialog();
        assertThat(pane.getContentText()).contains("IllegalStateException: the paper has no leads")
                .contains(log.file().toString());
        String details = ((TextArea) pane.getExpandableContent()).getText();
        assertThat(details).contains("thread: JavaFX Application Thread").contains("\tat ");

        Button copy = robot.lookup(UncaughtErrorDialog.COPY).queryButton();
        robot.interact(copy::fire);
        robot.interact(() -> assertThat(Clipboard.getSystemClipboard().getString()).isEqualTo(details));
        assertThat(dialog()).as("copying keeps the dialog open").isNotNull();
        assertThat(Files.readString(log.file())).contains("uncaught on thread JavaFX Application Thread")
                .contains("java.lang.IllegalStateException: the paper has no leads");
    }

    @Test
    void anErrorOnAnotherThreadIsShownOnceEvenWhenItRepeats() throws Exception {
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                throw new IllegalArgumentException("worker failed");
            }, "worker-" + i);
            t.start();
            t.join();
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dialog() != null);
        WaitForAsyncUtils.waitForFxEvents();
        long dialogs = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w.getScene().getRoot() instanceof DialogPane).count()).get(10, TimeUnit.SECONDS);
        assertThat(dialogs).isEqualTo(1);
        assertThat(Files.readString(log.file()).split("uncaught on thread worker-", -1)).hasSize(4);
    }

    private static DialogPane dialog() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                    .map(w -> w.getScene().getRoot()).filter(DialogPane.class::isInstance).map(DialogPane.class::cast)
                    .findFirst().orElse(null)).get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
