package org.ecgworkbench.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, point 7: {@code java -jar target/ecg-workbench.jar} where the desktop cannot start prints
 * what is missing and how to fix it, exits 2, and shows no stack trace; JavaFX's "unnamed module"
 * warning is not printed. The missing-GTK case is {@code DesktopPrerequisitesTest}'s (GTK is installed here).
 */
class DesktopStartIT {
    private static final String JAR = "target/ecg-workbench.jar";

    private record Outcome(int exitCode, String output) {
    }

    private static Outcome start(Map<String, String> display) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Decg.config.dir=" + Path.of("target", "desktop-start-it-config").toAbsolutePath(), "-jar", JAR)
                .redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().putAll(display);
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the program ended").isTrue();
        return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void withoutADisplayItSaysSoAndExitsTwo() throws Exception {
        assertThat(Path.of(JAR)).isRegularFile();

        Outcome o = start(Map.of());

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.output()).contains("no display (DISPLAY is not set)").contains("java -jar " + JAR + " --help")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Unsupported JavaFX configuration");
        assertThat(o.output().lines().count()).as("a short message:\n" + o.output()).isLessThanOrEqualTo(4);
    }

    @Test
    void aDisplayThatCannotBeOpenedIsTranslatedFromJavaFxsFailureWithoutItsWarning() throws Exception {
        Outcome o = start(Map.of("DISPLAY", ":4097"));

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.output()).contains("the display DISPLAY=:4097 cannot be opened").contains("--help")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Unsupported JavaFX configuration");
        List<String> lines = o.output().lines().toList();
        assertThat(lines).as(o.output()).hasSizeLessThanOrEqualTo(4);
    }
}
