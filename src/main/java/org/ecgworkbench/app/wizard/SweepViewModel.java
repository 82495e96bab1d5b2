package org.ecgworkbench.app.wizard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.train.OptimizerKind;
import org.ecgworkbench.train.TrainingConfig;

/**
 * A sweep: lists of architectures, optimisers and learning rates, one run per combination
 * (resnet18,resnet34 × adam,sgd × 1e-3,1e-4 is eight runs: the dissertation's Table 4 in one click).
 */
public final class SweepViewModel {

    /** One run of a sweep. */
    public record Combination(Architecture architecture, OptimizerKind optimizer, double learningRate) {

        /** "resnet34 · adam · lr 1e-3". */
        public String label() {
            return architecture.id() + " · " + ArgumentText.option(optimizer) + " · lr " + ArgumentText.number(learningRate);
        }

        /**
         * {@code base} with this run's network, optimiser and learning rate; {@code sgdMomentum} for an SGD
         * run (an Adam run keeps the base's, which it does not use).
         */
        public TrainingConfig applyTo(TrainingConfig base, double sgdMomentum) {
            TrainingConfig.Builder b = base.toBuilder().architecture(architecture).optimizer(optimizer).learningRate(learningRate);
            if (optimizer == OptimizerKind.SGD) b.momentum(sgdMomentum);
            return b.build();
        }
    }

    /** More runs than this in one click is a typing mistake more likely than a plan. */
    static final int MAX_RUNS = 64;

    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", false);
    private final CheckedText<List<Architecture>> architectures = new CheckedText<>("architectures", "resnet18,resnet34",
            t -> list(t, Architecture::parse));
    private final CheckedText<List<OptimizerKind>> optimizers = new CheckedText<>("optimisers", "adam,sgd",
            t -> list(t, SweepViewModel::optimizer));
    private final CheckedText<List<Double>> learningRates = new CheckedText<>("learning rates", "1e-3,1e-4",
            t -> list(t, SweepViewModel::learningRate));
    private final StringBinding problem;

    public SweepViewModel() {
        problem = Bindings.createStringBinding(this::findProblem, enabled, architectures.valueProperty(), optimizers.valueProperty(),
                learningRates.valueProperty(), architectures.errorProperty(), optimizers.errorProperty(), learningRates.errorProperty());
    }

    private String findProblem() {
        if (!enabled.get()) return "";
        for (CheckedText<?> t : List.of(architectures, optimizers, learningRates)) {
            if (!t.isValid()) return t.errorProperty().get();
        }
        int runs = architectures.value().size() * optimizers.value().size() * learningRates.value().size();
        if (runs > MAX_RUNS) return "a sweep of " + runs + " runs is more than " + MAX_RUNS + " at once";
        return "";
    }

    /** Comma-separated, each item parsed, duplicates once, in the order given. */
    static <T> List<T> list(String text, Function<String, T> parse) {
        LinkedHashSet<T> out = new LinkedHashSet<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) throw new IllegalArgumentException("has an empty item in '" + text + "'");
            out.add(parse.apply(item.trim()));
        }
        return List.copyOf(out);
    }

    static OptimizerKind optimizer(String text) {
        for (OptimizerKind k : OptimizerKind.values()) {
            if (ArgumentText.option(k).equalsIgnoreCase(text)) return k;
        }
        throw new IllegalArgumentException("'" + text + "' is not an optimiser (adam, sgd)");
    }

    static double learningRate(String text) {
        double v = ArgumentText.parseNumber(text);
        if (!(v > 0 && v < 10)) throw new IllegalArgumentException("must each be in (0, 10), not " + text);
        return v;
    }

    /** One configuration per combination, in {@link #combinations()}'s order: {@code base} with each run's choices. */
    public List<TrainingConfig> configs(TrainingConfig base, double sgdMomentum) {
        return combinations().stream().map(c -> c.applyTo(base, sgdMomentum)).toList();
    }

    /** Every combination, architectures outermost, learning rates innermost. */
    public List<Combination> combinations() {
        List<Combination> out = new ArrayList<>();
        for (Architecture a : architectures.value()) {
            for (OptimizerKind o : optimizers.value()) {
                for (double lr : learningRates.value()) out.add(new Combination(a, o, lr));
            }
        }
        return out;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public CheckedText<List<Architecture>> architectures() {
        return architectures;
    }

    public CheckedText<List<OptimizerKind>> optimizers() {
        return optimizers;
    }

    public CheckedText<List<Double>> learningRates() {
        return learningRates;
    }

    public StringBinding problemProperty() {
        return problem;
    }
}
