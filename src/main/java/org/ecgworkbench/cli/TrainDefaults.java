package org.ecgworkbench.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ecgworkbench.dataset.Augmentation;
import org.ecgworkbench.train.TrainingArguments;
import org.ecgworkbench.train.TrainingConfig;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code train}'s option defaults, read from {@link TrainingConfig}'s builder (where they are defined)
 * and written as the command line spells them, so {@code --help} and the parsed values never drift
 * from what a run gets when the option is left out.
 */
final class TrainDefaults implements IDefaultValueProvider {
    private static final TrainingConfig DEFAULTS = TrainingConfig.DEFAULTS;
    private static final Augmentation AUGMENT = TrainingConfig.STANDARD_AUGMENTATION;

    private static final Map<String, Function<TrainingConfig, String>> TEXT = Map.ofEntries(
            Map.entry("--arch", c -> c.architecture().id()),
            Map.entry("--width", c -> Double.toString(c.width())),
            Map.entry("--epochs", c -> Integer.toString(c.epochs())),
            Map.entry("--batch", c -> Integer.toString(c.batch())),
            Map.entry("--optimizer", c -> c.optimizer().name().toLowerCase(Locale.ROOT)),
            Map.entry("--lr", c -> number(c.learningRate())),
            Map.entry("--weight-decay", c -> number(c.weightDecay())),
            Map.entry("--momentum", c -> number(c.momentum())),
            Map.entry("--schedule", c -> c.schedule().describe()),
            Map.entry("--split", c -> percent(c.fractions()[0]) + "/" + percent(c.fractions()[1]) + "/" + percent(c.fractions()[2])),
            Map.entry("--fold", c -> Integer.toString(c.fold())),
            Map.entry("--seed", c -> Long.toString(c.seed())),
            Map.entry("--metric", c -> c.metric().key()),
            Map.entry("--patience", c -> Integer.toString(c.patience())),
            Map.entry("--class-weights", c -> c.classWeighting().key()),
            Map.entry("--augment-scale", c -> number(AUGMENT.amplitudeScale())),
            Map.entry("--augment-noise", c -> number(AUGMENT.noiseStd())),
            Map.entry("--augment-shift", c -> Integer.toString(AUGMENT.maxShift())),
            Map.entry("--augment-wander", c -> number(AUGMENT.baselineWander())),
            Map.entry("--synthetic-rare", c -> Integer.toString(c.syntheticTopUp())),
            Map.entry("--cache-precision", c -> c.precision().name().toLowerCase(Locale.ROOT)),
            Map.entry("--device", c -> c.device().key()),
            Map.entry("--checkpoint-minutes", c -> number(c.checkpointMinutes())));

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) return null;
        Function<TrainingConfig, String> text = TEXT.get(option.longestName());
        return text == null ? null : text.apply(DEFAULTS);
    }

    /** The options with a default here (a test holds them to the command's). */
    static Set<String> options() {
        return TEXT.keySet();
    }

    private static String number(double v) {
        return TrainingArguments.number(v);
    }

    private static String percent(double fraction) {
        return TrainingArguments.percent(fraction);
    }
}
