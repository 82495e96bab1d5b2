package org.ecgworkbench.app.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.train.OptimizerKind;
import org.ecgworkbench.train.ScheduleKind;
import org.ecgworkbench.train.ValidationMetric;

/**
 * The wizard's pages filled from {@code train} arguments — those it wrote itself for a run (kept in the
 * run's metadata for "Run again", and as the last configuration used): the inverse of
 * {@link TrainingWizardViewModel#trainArguments}. An option the wizard does not offer is skipped and
 * named in {@link #apply}'s result, so the user sees what was not carried over.
 */
final class WizardArguments {

    /** Options that take no value. */
    private static final List<String> FLAGS = List.of("--demographics", "--oversample", "--augment", "--drop-unlabelled");

    private WizardArguments() {
    }

    /** Option → value ("true" for a flag), in order; a repeated option keeps its last value, as picocli does. */
    static Map<String, String> parse(List<String> args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) continue;
            int eq = a.indexOf('=');
            if (eq > 0) out.put(a.substring(0, eq), a.substring(eq + 1));
            else if (FLAGS.contains(a) || i + 1 >= args.size()) out.put(a, "true");
            else out.put(a, args.get(++i));
        }
        return out;
    }

    /**
     * Sets every page from the arguments (the data folders are scanned again).
     *
     * @return the options that could not be applied, with the reason; empty when all were
     */
    static List<String> apply(List<String> args, TrainingWizardViewModel vm) {
        Map<String, String> o = parse(args);
        List<String> skipped = new ArrayList<>();
        // Flags absent from the arguments are off.
        vm.model().demographicsProperty().set(o.containsKey("--demographics"));
        vm.optimisation().oversampleProperty().set(o.containsKey("--oversample"));
        vm.optimisation().augmentProperty().set(o.containsKey("--augment"));
        vm.split().dropUnlabelledProperty().set(o.containsKey("--drop-unlabelled"));
        vm.compute().gpuProperty().set("gpu".equalsIgnoreCase(o.get("--device")));
        vm.sweep().enabledProperty().set(false);
        if (!o.containsKey("--pipeline")) vm.pipeline().useDefault();
        vm.split().kFoldProperty().set(o.containsKey("--folds"));
        for (Map.Entry<String, String> e : o.entrySet()) {
            String v = e.getValue();
            try {
                switch (e.getKey()) {
                    case "--data" -> {
                        // A folder that has gone since is left out and named, rather than failing the scan of the others.
                        List<Path> all = java.util.Arrays.stream(v.split(",")).filter(s -> !s.isBlank()).map(Path::of).toList();
                        List<Path> there = all.stream().filter(java.nio.file.Files::isDirectory).toList();
                        all.stream().filter(f -> !there.contains(f)).forEach(f -> skipped.add("--data " + f + " (no such folder now)"));
                        vm.data().setFolders(there);
                    }
                    case "--arch" -> vm.model().architectureProperty().set(Architecture.parse(v));
                    case "--width" -> vm.model().width().textProperty().set(v);
                    case "--optimizer" -> vm.optimisation().optimizerProperty().set(OptimizerKind.valueOf(v.toUpperCase(Locale.ROOT)));
                    case "--lr" -> vm.optimisation().learningRate().textProperty().set(v);
                    case "--momentum" -> vm.optimisation().momentum().textProperty().set(v);
                    case "--weight-decay" -> vm.optimisation().weightDecay().textProperty().set(v);
                    case "--batch" -> vm.optimisation().batch().textProperty().set(v);
                    case "--epochs" -> vm.optimisation().epochs().textProperty().set(v);
                    case "--schedule" -> schedule(v, vm.optimisation());
                    case "--metric" -> vm.optimisation().metricProperty().set(ValidationMetric.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_')));
                    case "--patience" -> vm.optimisation().patience().textProperty().set(v);
                    case "--class-weights" -> vm.optimisation().classWeightsProperty()
                            .set(OptimisationViewModel.ClassWeights.valueOf(v.toUpperCase(Locale.ROOT)));
                    case "--split" -> {
                        String[] parts = v.split("/");
                        if (parts.length != 3) throw new IllegalArgumentException("expected train/validation/test, not " + v);
                        vm.split().trainPercent().textProperty().set(parts[0]);
                        vm.split().validationPercent().textProperty().set(parts[1]);
                        vm.split().testPercent().textProperty().set(parts[2]);
                    }
                    case "--folds" -> vm.split().folds().textProperty().set(v);
                    case "--fold" -> vm.split().testFold().textProperty().set(v);
                    case "--seed" -> vm.split().seed().textProperty().set(v);
                    case "--pipeline" -> {
                        if (java.nio.file.Files.isRegularFile(Path.of(v))) {
                            vm.pipeline().load(Path.of(v));
                        } else {
                            vm.pipeline().useDefault();
                            skipped.add("--pipeline " + v + " (no such file now: the default recipe instead)");
                        }
                    }
                    case "--demographics", "--oversample", "--augment", "--drop-unlabelled", "--device" -> { }
                    default -> skipped.add(e.getKey() + " (not on the wizard's pages)");
                }
            } catch (IllegalArgumentException ex) {
                skipped.add(e.getKey() + " " + v + ": " + ex.getMessage());
            }
        }
        return skipped;
    }

    private static void schedule(String text, OptimisationViewModel o) {
        String[] parts = text.split(":");
        ScheduleKind kind = ScheduleKind.valueOf(parts[0].toUpperCase(Locale.ROOT).replace('-', '_'));
        o.scheduleProperty().set(kind);
        if (kind == ScheduleKind.STEP && parts.length == 3) {
            o.stepEpochs().textProperty().set(parts[1]);
            o.stepGamma().textProperty().set(parts[2]);
        }
    }
}
