package org.ecgworkbench.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the desktop workbench needs before JavaFX starts, and a short message naming what is missing
 * and how to fix it, instead of the toolkit's stack trace. On Linux, JavaFX's default (GTK) platform
 * needs a display ({@code DISPLAY}, or a Wayland session) and GTK 3 ({@code libgtk-3.so.0}); the Monocle
 * platform ({@code -Dglass.platform=Monocle}, the headless tests) needs neither. The library search
 * follows the dynamic loader's order: {@code LD_LIBRARY_PATH}, the folders of {@code /etc/ld.so.conf}
 * (and its {@code include}s), then the usual system folders.
 *
 * @param osName        {@code os.name}
 * @param env           the environment
 * @param glassPlatform {@code glass.platform}, or null
 * @param librarySearch where to look for {@code libgtk-3.so.0}, in order
 * @param command       how the user runs a command, e.g. {@code java -jar target/ecg-workbench.jar}
 */
public record DesktopPrerequisites(String osName, Map<String, String> env, String glassPlatform, List<Path> librarySearch, String command) {
    /** The library JavaFX's GTK glass opens (JavaFX 21 has no GTK 2 fallback). */
    static final String GTK_LIBRARY = "libgtk-3.so.0";
    /** What to install on Debian and Ubuntu. */
    static final String GTK_PACKAGE = "libgtk-3-0";
    private static final List<Path> SYSTEM_LIBRARY_DIRS = List.of(Path.of("/lib/x86_64-linux-gnu"), Path.of("/usr/lib/x86_64-linux-gnu"),
            Path.of("/lib/aarch64-linux-gnu"), Path.of("/usr/lib/aarch64-linux-gnu"), Path.of("/lib64"), Path.of("/usr/lib64"),
            Path.of("/lib"), Path.of("/usr/lib"), Path.of("/usr/local/lib"));

    public DesktopPrerequisites {
        env = Map.copyOf(env);
        librarySearch = List.copyOf(librarySearch);
    }

    /** This process: its system properties, environment and the loader's library folders. */
    public static DesktopPrerequisites ofThisProcess() {
        Map<String, String> env = System.getenv();
        return new DesktopPrerequisites(System.getProperty("os.name", ""), env, System.getProperty("glass.platform"),
                librarySearch(env.get("LD_LIBRARY_PATH"), Path.of("/etc/ld.so.conf")), commandOfThisProcess());
    }

    /** What keeps the workbench from starting, as a message for the terminal; empty when it can start (as far as can be told). */
    public Optional<String> missing() {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux") || "monocle".equalsIgnoreCase(glassPlatform)) return Optional.empty();
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) return Optional.of(noDisplay("DISPLAY is not set"));
        if (librarySearch.stream().noneMatch(dir -> Files.exists(dir.resolve(GTK_LIBRARY)))) return Optional.of(noGtk());
        return Optional.empty();
    }

    /**
     * The message for a toolkit that failed to start anyway (a display that cannot be opened, GTK that does
     * not load), read from JavaFX's exception; empty for any other failure, which keeps its stack trace.
     */
    public Optional<String> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Unable to open DISPLAY")) {
                return Optional.of(noDisplay("the display " + describeDisplay() + " cannot be opened"));
            }
            if (m.contains("glass GTK library") || m.contains(GTK_LIBRARY) || m.contains("libgtk-3")) return Optional.of(noGtk());
            if (t.getCause() == t) break;
        }
        return Optional.empty();
    }

    private String noDisplay(String why) {
        return "ecg-workbench: cannot open the desktop workbench: no display (" + why + ").\n"
                + "Start it in a graphical session (or over ssh -X, or under Xvfb).\n"
                + "The commands need no display: " + command + " --help";
    }

    private String noGtk() {
        return "ecg-workbench: cannot open the desktop workbench: GTK 3 (" + GTK_LIBRARY + ") is missing.\n"
                + "Install it: sudo apt-get install " + GTK_PACKAGE + "   (Debian, Ubuntu; gtk3 on Fedora)\n"
                + "The commands need no display: " + command + " --help";
    }

    private String describeDisplay() {
        if (!blank(env.get("DISPLAY"))) return "DISPLAY=" + env.get("DISPLAY");
        return "WAYLAND_DISPLAY=" + env.get("WAYLAND_DISPLAY") + ", and DISPLAY (XWayland) is not set";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** {@code LD_LIBRARY_PATH}'s folders, those of the loader's configuration file, then the system folders. */
    static List<Path> librarySearch(String ldLibraryPath, Path ldSoConf) {
        Set<Path> dirs = new LinkedHashSet<>();
        if (ldLibraryPath != null) {
            for (String d : ldLibraryPath.split(":")) if (!d.isBlank()) dirs.add(Path.of(d));
        }
        readLoaderConfig(ldSoConf, dirs, 0);
        dirs.addAll(SYSTEM_LIBRARY_DIRS);
        return new ArrayList<>(dirs);
    }

    /** Adds the folders listed in an {@code ld.so.conf}-style file, following {@code include GLOB} lines (a few levels deep). */
    private static void readLoaderConfig(Path file, Set<Path> dirs, int depth) {
        if (depth > 3 || !Files.isRegularFile(file)) return;
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException unreadable) {
            return; // the system folders are still searched
        }
        for (String raw : lines) {
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.startsWith("include ")) {
                String glob = line.substring("include ".length()).strip();
                Path pattern = file.getParent().resolve(glob);
                Path dir = pattern.getParent();
                if (dir == null || !Files.isDirectory(dir)) continue;
                try (DirectoryStream<Path> matches = Files.newDirectoryStream(dir, pattern.getFileName().toString())) {
                    List<Path> sorted = new ArrayList<>();
                    matches.forEach(sorted::add);
                    sorted.sort(null);
                    for (Path m : sorted) readLoaderConfig(m, dirs, depth + 1);
                } catch (IOException | RuntimeException unreadable) {
                    // skip this include
                }
            } else if (line.startsWith("/")) {
                dirs.add(Path.of(line));
            }
        }
    }

    /**
     * How this program is run: the packaged launcher ({@code jpackage.app-path}), else
     * {@code java -jar JAR} when started from a jar, else {@code ecg-workbench}.
     */
    static String commandOfThisProcess() {
        String appPath = System.getProperty("jpackage.app-path");
        if (appPath != null && !appPath.isBlank()) return appPath;
        String cp = System.getProperty("java.class.path", "");
        if (!cp.contains(File.pathSeparator) && cp.endsWith(".jar")) return "java -jar " + cp;
        return "ecg-workbench";
    }
}
