package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, point 7: no display or no GTK 3 is a short message, found before JavaFX starts or read from its failure. */
class DesktopPrerequisitesTest {
    private static final String CMD = "java -jar target/ecg-workbench.jar";

    @TempDir
    Path tmp;

    private Path libsWithGtk() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("with-gtk"));
        if (!Files.exists(dir.resolve("libgtk-3.so.0"))) Files.createFile(dir.resolve("libgtk-3.so.0"));
        return dir;
    }

    private Path libsWithoutGtk() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("without-gtk"));
        if (!Files.exists(dir.resolve("libgtk-x11-2.0.so.0"))) Files.createFile(dir.resolve("libgtk-x11-2.0.so.0"));
        return dir;
    }

    private DesktopPrerequisites linux(Map<String, String> env, String glass, Path... libs) {
        return new DesktopPrerequisites("Linux", env, glass, List.of(libs), CMD);
    }

    @Test
    void aDisplayAndGtkAreEnough() throws IOException {
        assertThat(linux(Map.of("DISPLAY", ":0"), null, libsWithoutGtk(), libsWithGtk()).missing()).isEmpty();
        assertThat(linux(Map.of("WAYLAND_DISPLAY", "wayland-0"), null, libsWithGtk()).missing()).isEmpty();
    }

    @Test
    void noDisplaySaysSoAndPointsToTheCommands() throws IOException {
        String message = linux(Map.of("DISPLAY", " "), null, libsWithGtk()).missing().orElseThrow();

        assertThat(message).contains("no display (DISPLAY is not set)").contains(CMD + " --help").doesNotContain("Exception");
    }

    @Test
    void gtkNotFoundInTheLibraryFoldersNamesThePackageToInstall() throws IOException {
        String message = linux(Map.of("DISPLAY", ":0"), null, libsWithoutGtk(), tmp.resolve("no-such-dir")).missing().orElseThrow();

        assertThat(message).contains("GTK 3 (libgtk-3.so.0) is missing").contains("apt-get install libgtk-3-0").contains(CMD + " --help");
    }

    @Test
    void monocleAndOtherSystemsAreNotChecked() throws IOException {
        assertThat(linux(Map.of(), "Monocle", libsWithoutGtk()).missing()).isEmpty();
        assertThat(new DesktopPrerequisites("Windows 11", Map.of(), null, List.of(), CMD).missing()).isEmpty();
        assertThat(new DesktopPrerequisites("Mac OS X", Map.of(), null, List.of(), CMD).missing()).isEmpty();
    }

    @Test
    void javaFxFailuresAreTranslatedAndOthersAreNot() throws IOException {
        DesktopPrerequisites p = linux(Map.of("DISPLAY", ":7"), null, libsWithGtk());

        assertThat(p.explain(new UnsupportedOperationException("Unable to open DISPLAY"))).hasValueSatisfying(m ->
                assertThat(m).contains("the display DISPLAY=:7 cannot be opened").contains(CMD + " --help"));
        assertThat(p.explain(new RuntimeException("Application launch failed",
                new UnsupportedOperationException("Unable to load glass GTK library.")))).hasValueSatisfying(m ->
                assertThat(m).contains("apt-get install libgtk-3-0"));
        assertThat(p.explain(new UnsatisfiedLinkError("libglassgtk3.so: libgtk-3.so.0: cannot open shared object file")))
                .hasValueSatisfying(m -> assertThat(m).contains("GTK 3"));
        assertThat(p.explain(new IllegalStateException("something else"))).isEmpty();
    }

    @Test
    void theLibrarySearchFollowsTheLoaderOrderAndItsConfigIncludes() throws IOException {
        Path conf = tmp.resolve("ld.so.conf");
        Path confDir = Files.createDirectories(tmp.resolve("ld.so.conf.d"));
        Files.writeString(conf, "# comment\ninclude " + confDir + "/*.conf\n/opt/first\n");
        Files.writeString(confDir.resolve("b.conf"), "/opt/b # trailing\n");
        Files.writeString(confDir.resolve("a.conf"), "/opt/a\n");
        Files.writeString(confDir.resolve("ignored.txt"), "/opt/not-this\n");

        List<Path> search = DesktopPrerequisites.librarySearch("/ld/one::/ld/two", conf);

        assertThat(search).startsWith(Path.of("/ld/one"), Path.of("/ld/two"), Path.of("/opt/a"), Path.of("/opt/b"), Path.of("/opt/first"))
                .contains(Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/usr/lib")).doesNotContain(Path.of("/opt/not-this"));
        assertThat(DesktopPrerequisites.librarySearch(null, tmp.resolve("missing.conf"))).contains(Path.of("/usr/lib"));
    }
}
