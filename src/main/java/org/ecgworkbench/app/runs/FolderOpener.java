package org.ecgworkbench.app.runs;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Opens a run folder in the desktop's file manager when AWT can (off the FX thread: it may block);
 * otherwise (headless, no desktop support) puts its path on the clipboard.
 */
final class FolderOpener {
    private FolderOpener() {
    }

    /** @param said receives what happened, on the FX thread */
    static void open(Path folder, Consumer<String> said) {
        if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            Thread t = new Thread(() -> {
                try {
                    Desktop.getDesktop().open(folder.toFile());
                    Platform.runLater(() -> said.accept("opened " + folder));
                } catch (Exception e) {
                    Platform.runLater(() -> copy(folder, said));
                }
            }, "open-run-folder");
            t.setDaemon(true);
            t.start();
        } else {
            copy(folder, said);
        }
    }

    private static void copy(Path folder, Consumer<String> said) {
        ClipboardContent content = new ClipboardContent();
        content.putString(folder.toString());
        Clipboard.getSystemClipboard().setContent(content);
        said.accept("copied the path " + folder + " (no file manager to open it)");
    }
}
