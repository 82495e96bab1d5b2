package org.ecgworkbench.train;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code train} command's spelling of a {@link TrainingConfig}: the flag of each field (the command
 * line reports a refused value by it) and the arguments that ask for a given configuration (the wizard
 * shows them as the equivalent command line). The configuration, not these words, is what travels
 * between the workbench and its training processes ({@code train --config}).
 */
public final class TrainingArguments {
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("data", "--data"),
            Map.entry("keepUnlabelled", "--drop-unlabelled"),
            Map.entry("splitMethod", "--folds"),
            Map.entry("fractions", "--split"),
            Map.entry("folds", "--folds"),
            Map.entry("fold", "--fold"),
            Map.entry("seed", "--seed"),
            Map.entry("pipeline", "--pipeline"),
            Map.entry("precision", "--cache-precision"),
            Map.entry("architecture", "--arch"),
            Map.entry("width", "--width"),
            Map.entry("demographics", "--demographics"),
            Map.entry("epochs", "--epochs"),
            Map.entry("batch", "--batch"),
            Map.entry("optimizer", "--optimizer"),
            Map.entry("learningRate", "--lr"),
            Map.entry("weightDecay", "--weight-decay"),
            Map.entry("momentum", "--momentum"),
            Map.entry("schedule", "--schedule"),
            Map.entry("metric", "--metric"),
            Map.entry("patience", "--patience"),
            Map.entry("classWeighting", "--class-weights"),
            Map.entry("oversample", "--oversample"),
            Map.entry("augmentation", "--augment"),
            Map.entry("syntheticTopUp", "--synthetic-rare"),
            Map.entry("device", "--device"),
            Map.entry("checkpointMinutes", "--checkpoint-minutes"),
            Map.entry("cacheDir", "--cache-dir"));

    private TrainingArguments() {
    }

    /** The flag that sets {@code field} ({@code learningRate} → {@code --lr}), or the field itself for an unknown one. */
    public static String flag(String field) {
        return FLAGS.getOrDefault(field, field);
    }

    /** Every field's flag, by field (a test holds it to the record's components). */
    static Map<String, String> flags() {
        return FLAGS;
    }

    /**
     * The arguments after {@code train} (without {@code --out}) that ask for {@code c}; momentum only for
     * SGD (Adam does not use it), the settings the wizard has no page for only when not their default.
     *
     * @param pipelineFile where {@code c}'s pipeline is saved, for {@code --pipeline}; unused for the default recipe
     */
    public static List<String> of(TrainingConfig c, Path pipelineFile) {
        TrainingConfig d = TrainingConfig.builder(c.data()).build();
        List<String> a = new ArrayList<>();
        add(a, "--data", c.data().stream().map(Path::toString).collect(Collectors.joining(",")));
        add(a, "--arch", c.architecture().id());
        add(a, "--width", number(c.width()));
        if (c.demographics()) a.add("--demographics");
        add(a, "--optimizer", c.optimizer().name().toLowerCase(Locale.ROOT));
        add(a, "--lr", number(c.learningRate()));
        if (c.optimizer() == OptimizerKind.SGD) add(a, "--momentum", number(c.momentum()));
        add(a, "--weight-decay", number(c.weightDecay()));
        add(a, "--batch", Integer.toString(c.batch()));
        add(a, "--epochs", Integer.toString(c.epochs()));
        add(a, "--schedule", c.schedule().describe());
        add(a, "--metric", c.metric().key());
        add(a, "--patience", Integer.toString(c.patience()));
        add(a, "--class-weights", c.classWeighting().key());
        if (c.oversample()) a.add("--oversample");
        if (!c.augmentation().equals(d.augmentation())) {
            a.add("--augment");
            if (!c.augmentation().equals(TrainingConfig.STANDARD_AUGMENTATION)) {
                add(a, "--augment-scale", number(c.augmentation().amplitudeScale()));
                add(a, "--augment-noise", number(c.augmentation().noiseStd()));
                add(a, "--augment-shift", Integer.toString(c.augmentation().maxShift()));
                add(a, "--augment-wander", number(c.augmentation().baselineWander()));
            }
        }
        if (c.splitMethod() == SplitMethod.KFOLD) {
            add(a, "--folds", Integer.toString(c.folds()));
            add(a, "--fold", Integer.toString(c.fold()));
        } else {
            double[] f = c.fractions();
            add(a, "--split", percent(f[0]) + "/" + percent(f[1]) + "/" + percent(f[2]));
        }
        add(a, "--seed", Long.toString(c.seed()));
        if (!c.keepUnlabelled()) a.add("--drop-unlabelled");
        if (!c.pipeline().equals(d.pipeline())) add(a, "--pipeline", pipelineFile.toString());
        if (c.device() != d.device()) add(a, "--device", c.device().key());
        if (c.syntheticTopUp() != d.syntheticTopUp()) add(a, "--synthetic-rare", Integer.toString(c.syntheticTopUp()));
        if (c.precision() != d.precision()) add(a, "--cache-precision", c.precision().name().toLowerCase(Locale.ROOT));
        if (c.checkpointMinutes() != d.checkpointMinutes()) add(a, "--checkpoint-minutes", number(c.checkpointMinutes()));
        if (!c.cacheDir().equals(d.cacheDir())) add(a, "--cache-dir", c.cacheDir().toString());
        return List.copyOf(a);
    }

    /** {@link #of(TrainingConfig, Path)} and {@code --out out}: a whole {@code train} command line after the command's name. */
    public static List<String> of(TrainingConfig c, Path pipelineFile, Path out) {
        List<String> a = new ArrayList<>(of(c, pipelineFile));
        add(a, "--out", out.toString());
        return List.copyOf(a);
    }

    private static void add(List<String> args, String flag, String value) {
        args.add(flag);
        args.add(value);
    }

    /** The shorter of plain and scientific notation, as people type it: 0.001 → {@code 1e-3}, 0.25 → {@code 0.25}, 30 → {@code 30}. */
    public static String number(double v) {
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return Double.toString(v);
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String plain = d.toPlainString();
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String scientific = (d.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
        return scientific.length() < plain.length() ? scientific : plain;
    }

    /** A fraction as the percentage {@code --split} takes (0.6 → {@code 60}). */
    public static String percent(double fraction) {
        return number(BigDecimal.valueOf(fraction).movePointRight(2).doubleValue());
    }
}
