package org.ecgworkbench.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.cli.EcgWorkbenchCommand;
import org.ecgworkbench.cli.TrainCommand;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.signal.FilterStep;
import org.ecgworkbench.signal.LengthStep;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.ResampleStep;
import org.ecgworkbench.train.ClassWeighting;
import org.ecgworkbench.train.OptimizerKind;
import org.ecgworkbench.train.ScheduleKind;
import org.ecgworkbench.train.TrainingConfig;
import org.ecgworkbench.train.ValidationMetric;
import picocli.CommandLine;

/** A small synthetic dataset written by the real {@code synth} command, {@code train}'s reading of arguments, and a wizard with every choice made. */
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

    /** The TrainingConfig {@code train} builds from parsed arguments (its private trainingConfig(), the code the run uses). */
    static TrainingConfig trainingConfig(CommandLine.ParseResult parsed) throws Exception {
        Object command = parsed.commandSpec().userObject();
        assertThat(command).isInstanceOf(TrainCommand.class);
        Method config = TrainCommand.class.getDeclaredMethod("trainingConfig");
        config.setAccessible(true);
        return (TrainingConfig) config.invoke(command);
    }

    /** A pipeline other than the default recipe (the Preview room's choice in the tests). */
    static final Pipeline CHOSEN_PIPELINE = new Pipeline(List.of(new ResampleStep(ResampleStep.Method.POLY, 250),
            FilterStep.highPass(0.5, FilterStep.DEFAULT_ORDER), LengthStep.end(2500)));

    /** Every page away from its default (the wizard offered {@link #CHOSEN_PIPELINE} and a GPU). */
    static TrainingWizardViewModel chooseEverything(TrainingWizardViewModel vm, Path data) {
        vm.data().addFolder(data);
        vm.split().kFoldProperty().set(true);
        vm.split().folds().textProperty().set("10");
        vm.split().testFold().textProperty().set("3");
        vm.split().seed().textProperty().set("42");
        vm.split().dropUnlabelledProperty().set(true);
        vm.model().architectureProperty().set(Architecture.RESNET18);
        vm.model().width().textProperty().set("0.5");
        vm.model().demographicsProperty().set(true);
        vm.optimisation().optimizerProperty().set(OptimizerKind.SGD);
        vm.optimisation().learningRate().textProperty().set("0.01");
        vm.optimisation().momentum().textProperty().set("0.95");
        vm.optimisation().weightDecay().textProperty().set("0");
        vm.optimisation().batch().textProperty().set("8");
        vm.optimisation().epochs().textProperty().set("3");
        vm.optimisation().scheduleProperty().set(ScheduleKind.STEP);
        vm.optimisation().stepEpochs().textProperty().set("2");
        vm.optimisation().stepGamma().textProperty().set("0.5");
        vm.optimisation().metricProperty().set(ValidationMetric.F1_MACRO);
        vm.optimisation().patience().textProperty().set("0");
        vm.optimisation().classWeightsProperty().set(ClassWeighting.POSITIVE);
        vm.optimisation().oversampleProperty().set(true);
        vm.optimisation().augmentProperty().set(true);
        vm.compute().gpuProperty().set(true);
        return vm;
    }

    @SuppressWarnings("unchecked")
    static <T> T option(CommandLine.ParseResult parsed, String name) {
        return (T) parsed.commandSpec().findOption(name).getValue();
    }
}
