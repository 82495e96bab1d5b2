package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ecgworkbench.dataset.Augmentation;
import org.ecgworkbench.dataset.CachePrecision;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.signal.LengthStep;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.ecgworkbench.signal.ResampleStep;
import org.ecgworkbench.train.ClassWeighting;
import org.ecgworkbench.train.Device;
import org.ecgworkbench.train.LearningRateSchedule;
import org.ecgworkbench.train.OptimizerKind;
import org.ecgworkbench.train.TrainingArguments;
import org.ecgworkbench.train.TrainingConfig;
import org.ecgworkbench.train.TrainingConfigJson;
import org.ecgworkbench.train.ValidationMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Issue 15: {@code train}'s options and {@code --config} map onto the one {@link TrainingConfig}; the
 * defaults are defined there only, and a value it refuses is reported by the flag that set it.
 */
class TrainConfigOptionTest {
    @TempDir
    Path tmp;

    /** The configuration {@code train} would start a run with, for these arguments. */
    private static TrainingConfig configOf(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("train"));
        all.addAll(List.of(args));
        CommandLine.ParseResult parsed = EcgWorkbenchCommand.commandLine().parseArgs(all.toArray(String[]::new)).subcommand();
        return ((TrainCommand) parsed.commandSpec().userObject()).trainingConfig();
    }

    private static CommandLine train() {
        return EcgWorkbenchCommand.commandLine().getSubcommands().get("train");
    }

    @Test
    void optionsLeftOutGiveTrainingConfigsDefaults() throws Exception {
        assertThat(configOf("--data", tmp.toString(), "--out", tmp.resolve("run").toString()))
                .isEqualTo(TrainingConfig.builder(List.of(tmp)).build());
        // Every default shown by --help comes from TrainingConfig (through TrainDefaults), none from a literal.
        for (OptionSpec o : train().getCommandSpec().options()) {
            boolean fromConfig = TrainDefaults.options().contains(o.longestName());
            assertThat(o.defaultValue()).as(o.longestName()).isNull();
            if (fromConfig) assertThat(train().getCommandSpec().defaultValueProvider().defaultValue(o)).as(o.longestName()).isNotNull();
        }
        assertThat(train().getCommandSpec().optionsMap().keySet()).containsAll(TrainDefaults.options());
    }

    @Test
    void everyFieldHasAFlagOfTheCommand() {
        Set<String> flags = new TreeSet<>();
        for (RecordComponent c : TrainingConfig.class.getRecordComponents()) flags.add(TrainingArguments.flag(c.getName()));
        assertThat(train().getCommandSpec().optionsMap().keySet()).containsAll(flags);
    }

    @Test
    void aConfigFileIsTheRunsSettingsAndOptionsGivenAsWellOverrideIt() throws Exception {
        TrainingConfig saved = TrainingConfig.builder(List.of(tmp.resolve("data"))).architecture(Architecture.RESNET18).width(0.25)
                .kfold(10, 3).optimizer(OptimizerKind.SGD).learningRate(3e-3).momentum(0.5).epochs(7)
                .schedule(LearningRateSchedule.parse("cosine")).syntheticTopUp(12).cacheDir(tmp.resolve("cache")).build();
        Path file = tmp.resolve("run/config.json");
        TrainingConfigJson.write(saved, file);
        String out = tmp.resolve("run").toString();
        assertThat(configOf("--config", file.toString(), "--out", out)).isEqualTo(saved);
        assertThat(configOf("--config", file.toString(), "--out", out, "--epochs", "9", "--fold", "4", "--data", tmp.toString()))
                .isEqualTo(saved.toBuilder().epochs(9).fold(4).data(List.of(tmp)).build());
        assertThat(configOf("--config", file.toString(), "--out", out, "--split", "70/15/15").splitMethod().key()).isEqualTo("holdout");
    }

    @Test
    void theArgumentsSpellingAConfigAskTrainForThatConfig() throws Exception {
        Pipeline pipeline = new Pipeline(List.of(new ResampleStep(ResampleStep.Method.FFT, 250), LengthStep.end(2500)));
        Path pipelineFile = Files.writeString(tmp.resolve("p.json"), PipelineJson.write(pipeline));
        TrainingConfig every = TrainingConfig.builder(List.of(tmp.resolve("a"), tmp.resolve("b"))).keepUnlabelled(false).kfold(7, 6)
                .seed(99).pipeline(pipeline).precision(CachePrecision.FLOAT16).architecture(Architecture.RESNET18).width(0.125)
                .demographics(true).epochs(3).batch(2).optimizer(OptimizerKind.SGD).learningRate(0.02).weightDecay(0.001)
                .momentum(0.8).schedule(LearningRateSchedule.parse("step:3:0.25")).metric(ValidationMetric.AUROC_MACRO).patience(2)
                .classWeighting(ClassWeighting.POSITIVE).oversample(true).augmentation(new Augmentation(0.2, 0.05, 100, 0.3))
                .syntheticTopUp(40).device(Device.GPU).checkpointMinutes(2.5).cacheDir(tmp.resolve("cache")).build();
        List<String> args = new ArrayList<>(TrainingArguments.of(every, pipelineFile, tmp.resolve("run")));
        assertThat(configOf(args.toArray(String[]::new))).isEqualTo(every);
        // Hold-out: the k-fold counts are left at their defaults (the arguments do not carry them).
        TrainingConfig holdout = every.toBuilder().holdout(new double[] {0.7, 0.15, 0.15}).kfoldCounts(5, 0)
                .augmentation(TrainingConfig.STANDARD_AUGMENTATION).build();
        args = new ArrayList<>(TrainingArguments.of(holdout, pipelineFile, tmp.resolve("run")));
        assertThat(args).contains("--split", "70/15/15", "--augment").doesNotContain("--augment-scale");
        assertThat(configOf(args.toArray(String[]::new))).isEqualTo(holdout);
    }

    @Test
    void aRefusedValueIsNamedByItsFlagOrByTheFileAndField() throws Exception {
        Path run = tmp.resolve("run");
        CliRunner weights = CliRunner.run("train", "--data", tmp.toString(), "--out", run.toString(), "--class-weights", "some");
        assertThat(weights.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(weights.err()).startsWith("error: --class-weights: expected none or positive, got some");
        assertThat(CliRunner.run("train", "--data", tmp.toString(), "--out", run.toString(), "--device", "TPU").err())
                .startsWith("error: --device: expected cpu or gpu, got tpu");
        assertThat(CliRunner.run("train", "--data", tmp.toString(), "--out", run.toString(), "--folds", "5", "--fold", "5").err())
                .startsWith("error: --fold: must be in 0..4, got 5");

        Path file = tmp.resolve("config.json");
        TrainingConfigJson.write(TrainingConfig.builder(List.of(tmp)).build(), file);
        Files.writeString(file, Files.readString(file).replace("\"epochs\" : 30", "\"epochs\" : 0"));
        CliRunner bad = CliRunner.run("train", "--config", file.toString(), "--out", run.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).startsWith("error: " + file + ": epochs: must be in 1..10000, got 0");
        assertThat(CliRunner.run("train", "--resume", tmp.toString(), "--config", file.toString()).err()).contains("drop --config");
        assertThat(run).doesNotExist();
    }
}
