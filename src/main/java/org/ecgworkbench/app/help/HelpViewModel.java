package org.ecgworkbench.app.help;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Help menu's state: what About says, where the user guide is, and the shortcuts shown. The
 * view reads the shortcuts from the window's menus (so the list is the accelerators really defined)
 * and hands them here; opening a document goes through the {@code opener} the application gives
 * (its HostServices), and the guide's text is shown in the window as well in case no desktop
 * viewer answers.
 */
public final class HelpViewModel {
    private final Path workingDir;
    private final Path tempDir;
    private final Consumer<String> opener;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    /**
     * @param workingDir where a checkout's {@code docs/user-guide.md} would be
     * @param tempDir    where the bundled guide is written when there is none
     * @param opener     opens a URI with the desktop's viewer (HostServices.showDocument)
     */
    public HelpViewModel(Path workingDir, Path tempDir, Consumer<String> opener) {
        this.workingDir = Objects.requireNonNull(workingDir);
        this.tempDir = Objects.requireNonNull(tempDir);
        this.opener = Objects.requireNonNull(opener);
    }

    /** The help of the running workbench: the working directory, the system's temporary folder. */
    public static HelpViewModel forThisProcess(Consumer<String> opener) {
        return new HelpViewModel(Path.of("").toAbsolutePath(), Path.of(System.getProperty("java.io.tmpdir")), opener);
    }

    public About about() {
        return About.current();
    }

    /**
     * Finds the guide and asks the desktop to open it; the guide (its path and text) is returned for
     * the window to show too. Null, with the reason in {@link #statusProperty()}, when it cannot be written.
     */
    public UserGuide openUserGuide() {
        UserGuide guide;
        try {
            guide = UserGuide.resolve(workingDir, tempDir);
        } catch (IOException | RuntimeException e) {
            status.set("Cannot write the user guide into " + tempDir + ": " + e.getMessage());
            return null;
        }
        try {
            opener.accept(guide.file().toUri().toString());
            status.set("Handed to the desktop's viewer as well.");
        } catch (RuntimeException e) {
            status.set("No desktop viewer for " + guide.file() + " (" + e.getMessage() + "); shown in the window");
        }
        return guide;
    }

    /** The shortcuts in the order the menus define them, without repeats (one action can sit in two menus). */
    public List<Shortcut> shortcuts(List<Shortcut> fromMenus) {
        return fromMenus.stream().distinct().toList();
    }

    /** The last thing the help said (shown in the status bar of the room the user is in). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
