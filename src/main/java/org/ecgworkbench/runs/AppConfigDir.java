package org.ecgworkbench.runs;

import java.nio.file.Path;

/**
 * Where the workbench keeps its small per-user files (recent files, the workspace the user chose): the system property
 * {@code ecg.config.dir} when set (tests point it at {@code target/}), else
 * {@code $XDG_CONFIG_HOME/ecg-workbench}, {@code %APPDATA%\ecg-workbench} on Windows, or
 * {@code ~/.config/ecg-workbench}. It lives beside the workspace, not in {@code app}, so the {@code runs}
 * command finds the workspace the workbench chose ({@link RunWorkspace#resolve}) without JavaFX.
 */
public final class AppConfigDir {
    public static final String PROPERTY = "ecg.config.dir";

    private AppConfigDir() {
    }

    public static Path resolve() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) return Path.of(override);
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "ecg-workbench");
        String appData = System.getenv("APPDATA");
        if (appData != null && !appData.isBlank() && System.getProperty("os.name", "").startsWith("Windows")) {
            return Path.of(appData, "ecg-workbench");
        }
        return Path.of(System.getProperty("user.home"), ".config", "ecg-workbench");
    }
}
