package org.ecgworkbench.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ecgworkbench.cli.TrainCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** Issue 13, point 1: the child starts in its run folder, so nothing relative may reach it. */
class JvmTrainLauncherTest {
    private static final Path HOME = Path.of("/opt/jdk");
    private static final Path CWD = Path.of("/home/ann/ecg-workbench");

    @Test
    void theRelativeClassPathOfJavaDashJarIsResolvedAgainstTheWorkingDirectory() {
        List<String> cmd = JvmTrainLauncher.commandLine(HOME, "target/ecg-workbench.jar", CWD, List.of("--epochs", "1"));

        assertThat(cmd).containsExactly("/opt/jdk/bin/java", JvmTrainLauncher.HEAP, "-cp",
                "/home/ann/ecg-workbench/target/ecg-workbench.jar", "org.ecgworkbench.Main", "train", "--epochs", "1");
    }

    @Test
    void everyClassPathEntryBecomesAbsoluteAndAbsoluteOnesStayAsTheyAre() {
        String cp = String.join(File.pathSeparator, "target/classes", "/m2/picocli.jar", "../lib/*", "", "./x.jar");

        String child = JvmTrainLauncher.commandLine(HOME, cp, CWD, List.of()).get(3);

        assertThat(child.split(File.pathSeparator, -1)).containsExactly("/home/ann/ecg-workbench/target/classes", "/m2/picocli.jar",
                "/home/ann/ecg-workbench/../lib/*", "/home/ann/ecg-workbench", "/home/ann/ecg-workbench/./x.jar");
    }

    @Test
    void pathArgumentsBecomeAbsoluteInBothFormsAndOthersAreLeftAlone() {
        List<String> args = List.of("--data", "data/a,/abs/b", "--arch", "resnet18", "--pipeline=p.json", "--cache-dir", "cache",
                "--out", "/w/runs/x", "--lr", "1e-3", "--resume=runs/y");

        List<String> cmd = JvmTrainLauncher.commandLine(HOME, "/a.jar", CWD, args);

        assertThat(cmd.subList(6, cmd.size())).containsExactly("--data", "/home/ann/ecg-workbench/data/a,/abs/b", "--arch", "resnet18",
                "--pipeline=/home/ann/ecg-workbench/p.json", "--cache-dir", "/home/ann/ecg-workbench/cache",
                "--out", "/w/runs/x", "--lr", "1e-3", "--resume=/home/ann/ecg-workbench/runs/y");
    }

    @Test
    void aPathOptionWithoutItsValueIsRefusedRatherThanPassedOn() {
        assertThatThrownBy(() -> JvmTrainLauncher.commandLine(HOME, "/a.jar", CWD, List.of("--epochs", "1", "--data")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--data");
    }

    @Test
    void theLauncherKnowsEveryFileOrFolderOptionOfTrain() {
        Set<String> pathOptions = new CommandLine(new TrainCommand()).getCommandSpec().options().stream()
                .filter(o -> o.type() == Path.class || List.of(o.auxiliaryTypes()).contains(Path.class))
                .map(OptionSpec::longestName).collect(Collectors.toSet());

        assertThat(TrainPaths.PATH_OPTIONS).isEqualTo(pathOptions);
    }

    @Test
    void theProcessUsesThisJvmAndItsWorkingDirectory() {
        List<String> cmd = new JvmTrainLauncher().command(List.of("--data", "d")).command();

        assertThat(cmd.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(cmd.get(cmd.size() - 1)).isEqualTo(Path.of(System.getProperty("user.dir")).resolve("d").toString());
        assertThat(Path.of(cmd.get(3).split(File.pathSeparator)[0])).isAbsolute();
    }
}
