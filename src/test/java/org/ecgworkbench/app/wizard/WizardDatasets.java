package org.ecgworkbench.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.cli.EcgWorkbenchCommand;
import org.ecgworkbench.cli.TrainCommand;
import org.ecgworkbench.train.TrainingConfig;
import picocli.CommandLine;

/** A small synthetic dataset written by the real {@code synth} command, and {@code train}'s reading of arguments. */
final class WizardDatasets {
    private WizardDatasets() {
    }

    /** 12 records of three classes at 250 Hz, 10 s. */
    static Path synth(Path dir) {
        int code = EcgWorkbenchCommand.run("synth", "--out", dir.toString(), "--count", "12", "--classes", "NSR,AF,RBBB",
                "--fs", "250", "--duration", "10", "--seed", "3", "--threads", "1");
        assertThat(code).isZero();
        return dir;
    }

    /** What {@code train} makes of these arguments (plus the --out the runs room adds): parsed by picocli as Main does. */
    static CommandLine.ParseResult parseTrain(List<String> trainArguments, Path out) {
        List<String> all = new ArrayList<>();
        all.add("train");
        all.addAll(trainArguments);
        all.add("--out");
        all.add(out.toString());
        return EcgWorkbenchCommand.commandLine().parseArgs(all.toArray(String[]::new)).subcommand();
    }

    /** The TrainingConfig {@code train} builds from parsed arguments (its private config(), the code the run uses). */
    static TrainingConfig trainingConfig(CommandLine.ParseResult parsed) throws Exception {
        Object command = parsed.commandSpec().userObject();
        assertThat(command).isInstanceOf(TrainCommand.class);
        Method config = TrainCommand.class.getDeclaredMethod("config");
        config.setAccessible(true);
        return (TrainingConfig) config.invoke(command);
    }

    @SuppressWarnings("unchecked")
    static <T> T option(CommandLine.ParseResult parsed, String name) {
        return (T) parsed.commandSpec().findOption(name).getValue();
    }
}
