package org.ecgworkbench.app.wizard;

import static org.ecgworkbench.train.TrainingConfig.DEFAULTS;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.ecgworkbench.train.SplitMethod;
import org.ecgworkbench.train.TrainingArguments;
import org.ecgworkbench.train.TrainingConfig;

/**
 * Classes and split: hold-out percentages (60/20/20) or k-fold (K folds, one the test fold), the
 * seed, and whether records without a scored class are dropped or kept as all-negative.
 */
public final class SplitViewModel {

    private final BooleanProperty kFold = new SimpleBooleanProperty(this, "kFold", false);
    private final CheckedText<Double> trainPercent = CheckedText.decimal("train %", TrainingArguments.percent(DEFAULTS.fractions()[0]), 0, false, 100);
    private final CheckedText<Double> validationPercent = CheckedText.decimal("validation %", TrainingArguments.percent(DEFAULTS.fractions()[1]), 0, false, 100);
    private final CheckedText<Double> testPercent = CheckedText.decimal("test %", TrainingArguments.percent(DEFAULTS.fractions()[2]), 0, false, 100);
    private final CheckedText<Integer> folds = CheckedText.integer("folds", DEFAULTS.folds(), TrainingConfig.MIN_FOLDS, TrainingConfig.MAX_FOLDS);
    private final CheckedText<Integer> testFold = CheckedText.integer("test fold", DEFAULTS.fold(), 0, TrainingConfig.MAX_FOLDS - 1);
    private final CheckedText<Long> seed = new CheckedText<>("seed", Long.toString(DEFAULTS.seed()), t -> {
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, not '" + t + "'");
        }
    });
    private final BooleanProperty dropUnlabelled = new SimpleBooleanProperty(this, "dropUnlabelled", !DEFAULTS.keepUnlabelled());
    private final StringBinding problem;

    public SplitViewModel() {
        problem = Bindings.createStringBinding(this::findProblem, kFold, trainPercent.errorProperty(), validationPercent.errorProperty(),
                testPercent.errorProperty(), folds.errorProperty(), testFold.errorProperty(), seed.errorProperty(),
                trainPercent.valueProperty(), validationPercent.valueProperty(), testPercent.valueProperty(),
                folds.valueProperty(), testFold.valueProperty());
    }

    private String findProblem() {
        if (!seed.isValid()) return seed.errorProperty().get();
        if (kFold.get()) {
            if (!folds.isValid()) return folds.errorProperty().get();
            if (!testFold.isValid()) return testFold.errorProperty().get();
            if (testFold.value() >= folds.value()) {
                return "test fold must be in 0.." + (folds.value() - 1) + " (0-based), not " + testFold.value();
            }
            return "";
        }
        for (CheckedText<Double> part : List.of(trainPercent, validationPercent, testPercent)) {
            if (!part.isValid()) return part.errorProperty().get();
        }
        double sum = trainPercent.value() + validationPercent.value() + testPercent.value();
        if (Math.abs(sum - 100) > 1e-6) return "train, validation and test must add up to 100 %, not " + ArgumentText.number(sum);
        return "";
    }

    /** This page's settings. */
    void applyTo(TrainingConfig.Builder config) {
        if (kFold.get()) {
            config.kfold(folds.value(), testFold.value());
        } else {
            config.holdout(new double[] {trainPercent.value() / 100, validationPercent.value() / 100, testPercent.value() / 100});
        }
        config.seed(seed.value()).keepUnlabelled(!dropUnlabelled.get());
    }

    void fillFrom(TrainingConfig config) {
        kFold.set(config.splitMethod() == SplitMethod.KFOLD);
        double[] f = config.fractions();
        trainPercent.textProperty().set(TrainingArguments.percent(f[0]));
        validationPercent.textProperty().set(TrainingArguments.percent(f[1]));
        testPercent.textProperty().set(TrainingArguments.percent(f[2]));
        folds.textProperty().set(Integer.toString(config.folds()));
        testFold.textProperty().set(Integer.toString(config.fold()));
        seed.textProperty().set(Long.toString(config.seed()));
        dropUnlabelled.set(!config.keepUnlabelled());
    }

    public BooleanProperty kFoldProperty() {
        return kFold;
    }

    public CheckedText<Double> trainPercent() {
        return trainPercent;
    }

    public CheckedText<Double> validationPercent() {
        return validationPercent;
    }

    public CheckedText<Double> testPercent() {
        return testPercent;
    }

    public CheckedText<Integer> folds() {
        return folds;
    }

    public CheckedText<Integer> testFold() {
        return testFold;
    }

    public CheckedText<Long> seed() {
        return seed;
    }

    public BooleanProperty dropUnlabelledProperty() {
        return dropUnlabelled;
    }

    /** Why the page cannot be left yet, or empty. */
    public StringBinding problemProperty() {
        return problem;
    }
}
