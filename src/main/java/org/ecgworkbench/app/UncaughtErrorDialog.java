package org.ecgworkbench.app;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.ecgworkbench.model.SoftwareVersion;

/**
 * The last resort for an exception nothing caught, on the FX thread or any other: it is written to the log
 * ({@link WorkbenchLog}) and shown in a dialog whose "Copy details" button puts the {@link ErrorReport} on the
 * clipboard, for a bug report. One dialog at a time: an error that repeats (in a redraw, say) is logged each
 * time but does not stack dialogs.
 */
public final class UncaughtErrorDialog implements Thread.UncaughtExceptionHandler {
    static final String COPY = "Copy details";
    private static final Logger LOG = System.getLogger(UncaughtErrorDialog.class.getName());

    private final Path logFile;
    private final AtomicBoolean showing = new AtomicBoolean();

    UncaughtErrorDialog(Path logFile) {
        this.logFile = logFile;
    }

    /** Makes this the handler of every thread without one of its own, the FX application thread included. */
    public static UncaughtErrorDialog install(WorkbenchLog log) {
        UncaughtErrorDialog handler = new UncaughtErrorDialog(log.writesFile() ? log.file() : null);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        return handler;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        ErrorReport report = new ErrorReport(Instant.now(), thread.getName(), SoftwareVersion.current(), logFile, error);
        LOG.log(Level.ERROR, "uncaught on thread " + thread.getName(), error);
        if (!showing.compareAndSet(false, true)) return;
        try {
            if (Platform.isFxApplicationThread()) show(report);
            else Platform.runLater(() -> show(report));
        } catch (IllegalStateException toolkitGone) {
            showing.set(false); // the toolkit is not running (yet or any more): the log has it
        }
    }

    /** The dialog, built and shown on the FX thread; returns when it is closed. */
    void show(ErrorReport report) {
        try {
            dialog(report).showAndWait();
        } finally {
            showing.set(false);
        }
    }

    static Alert dialog(ErrorReport report) {
        ButtonType copy = new ButtonType(COPY, ButtonData.LEFT);
        Alert alert = new Alert(Alert.AlertType.ERROR, "", copy, ButtonType.CLOSE);
        alert.setTitle("ECG Workbench: unexpected error");
        alert.setHeaderText("Something went wrong that the workbench did not expect.");
        alert.setContentText(report.summary() + "\n\n" + (report.logFile() == null
                ? "The details are below; please copy them into a bug report."
                : "The details are in " + report.logFile() + "; please copy them into a bug report."));
        TextArea details = new TextArea(report.details());
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(14);
        alert.getDialogPane().setExpandableContent(details);
        // Copying keeps the dialog open.
        Button copyButton = (Button) alert.getDialogPane().lookupButton(copy);
        copyButton.addEventFilter(ActionEvent.ACTION, e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(report.details());
            Clipboard.getSystemClipboard().setContent(content);
            e.consume();
        });
        return alert;
    }
}
