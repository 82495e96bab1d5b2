package org.ecgworkbench.app.wizard;

import static org.ecgworkbench.train.TrainingConfig.DEFAULTS;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ecgworkbench.train.OptimizerKind;
import org.ecgworkbench.train.ScheduleKind;
import org.ecgworkbench.train.ValidationMetric;
import org.ecgworkbench.dataset.Augmentation;
import org.ecgworkbench.train.ClassWeighting;
import org.ecgworkbench.train.LearningRateSchedule;
import org.ecgworkbench.train.TrainingConfig;

/**
 * Optimisation: optimiser, learning rate, weight decay, momentum, batch size, epochs, the learning-rate
 * schedule, early stopping (metric and patience), class weights, oversampling and augmentation. The
 * limits are {@code train}'s own (TrainingConfig), so a value accepted here is accepted there.
 */
public final class OptimisationViewModel {

    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(this, "optimizer", DEFAULTS.optimizer());
    private final CheckedText<Double> learningRate = CheckedText.decimal("learning rate", ArgumentText.number(DEFAULTS.learningRate()), 0, false, TrainingConfig.MAX_LEARNING_RATE);
    private final CheckedText<Double> weightDecay = CheckedText.decimal("weight decay", ArgumentText.number(DEFAULTS.weightDecay()), 0, true, 1);
    private final CheckedText<Double> momentum = CheckedText.decimal("momentum", ArgumentText.number(DEFAULTS.momentum()), 0, true, 1);
    private final CheckedText<Integer> batch = CheckedText.integer("batch size", DEFAULTS.batch(), 1, TrainingConfig.MAX_BATCH);
    private final CheckedText<Integer> epochs = CheckedText.integer("epochs", DEFAULTS.epochs(), 1, TrainingConfig.MAX_EPOCHS);
    private final ObjectProperty<ScheduleKind> schedule = new SimpleObjectProperty<>(this, "schedule", DEFAULTS.schedule().kind());
    private final CheckedText<Integer> stepEpochs = CheckedText.integer("step epochs", 10, 1, 100_000);
    private final CheckedText<Double> stepGamma = new CheckedText<>("step gamma", "0.1", t -> {
        double v = ArgumentText.parseNumber(t);
        if (!(v > 0 && v <= 1)) throw new IllegalArgumentException("must be in (0, 1], not " + t);
        return v;
    });
    private final ObjectProperty<ValidationMetric> metric = new SimpleObjectProperty<>(this, "metric", DEFAULTS.metric());
    private final CheckedText<Integer> patience = CheckedText.integer("patience", DEFAULTS.patience(), 0, TrainingConfig.MAX_PATIENCE);
    private final ObjectProperty<ClassWeighting> classWeights = new SimpleObjectProperty<>(this, "classWeights", DEFAULTS.classWeighting());
    private final BooleanProperty oversample = new SimpleBooleanProperty(this, "oversample", DEFAULTS.oversample());
    private final BooleanProperty augment = new SimpleBooleanProperty(this, "augment", !DEFAULTS.augmentation().equals(Augmentation.NONE));
    private final StringBinding problem;

    public OptimisationViewModel() {
        problem = Bindings.createStringBinding(this::findProblem, optimizer, schedule, learningRate.errorProperty(),
                weightDecay.errorProperty(), momentum.errorProperty(), batch.errorProperty(), epochs.errorProperty(),
                stepEpochs.errorProperty(), stepGamma.errorProperty(), patience.errorProperty());
    }

    private String findProblem() {
        for (CheckedText<?> t : List.of(learningRate, weightDecay, momentum, batch, epochs, patience)) {
            if (!t.isValid()) return t.errorProperty().get();
        }
        if (schedule.get() == ScheduleKind.STEP) {
            if (!stepEpochs.isValid()) return stepEpochs.errorProperty().get();
            if (!stepGamma.isValid()) return stepGamma.errorProperty().get();
        }
        return "";
    }

    /** The schedule chosen (step epochs and gamma only for a step schedule). */
    LearningRateSchedule scheduleValue() {
        return schedule.get() == ScheduleKind.STEP ? new LearningRateSchedule(ScheduleKind.STEP, stepEpochs.value(), stepGamma.value())
                : new LearningRateSchedule(schedule.get(), 1, 1);
    }

    /** This page's settings except the optimiser, learning rate and momentum, which depend on the run of a sweep. */
    void applyTo(TrainingConfig.Builder config) {
        config.weightDecay(weightDecay.value()).batch(batch.value()).epochs(epochs.value()).schedule(scheduleValue())
                .metric(metric.get()).patience(patience.value()).classWeighting(classWeights.get()).oversample(oversample.get())
                .augmentation(augment.get() ? TrainingConfig.STANDARD_AUGMENTATION : Augmentation.NONE);
    }

    void fillFrom(TrainingConfig config) {
        optimizer.set(config.optimizer());
        learningRate.textProperty().set(ArgumentText.number(config.learningRate()));
        momentum.textProperty().set(ArgumentText.number(config.momentum()));
        weightDecay.textProperty().set(ArgumentText.number(config.weightDecay()));
        batch.textProperty().set(Integer.toString(config.batch()));
        epochs.textProperty().set(Integer.toString(config.epochs()));
        schedule.set(config.schedule().kind());
        if (config.schedule().kind() == ScheduleKind.STEP) {
            stepEpochs.textProperty().set(Integer.toString(config.schedule().stepEpochs()));
            stepGamma.textProperty().set(ArgumentText.number(config.schedule().gamma()));
        }
        metric.set(config.metric());
        patience.textProperty().set(Integer.toString(config.patience()));
        classWeights.set(config.classWeighting());
        oversample.set(config.oversample());
        augment.set(!config.augmentation().equals(Augmentation.NONE));
    }

    public ObjectProperty<OptimizerKind> optimizerProperty() {
        return optimizer;
    }

    public CheckedText<Double> learningRate() {
        return learningRate;
    }

    public CheckedText<Double> weightDecay() {
        return weightDecay;
    }

    public CheckedText<Double> momentum() {
        return momentum;
    }

    public CheckedText<Integer> batch() {
        return batch;
    }

    public CheckedText<Integer> epochs() {
        return epochs;
    }

    public ObjectProperty<ScheduleKind> scheduleProperty() {
        return schedule;
    }

    public CheckedText<Integer> stepEpochs() {
        return stepEpochs;
    }

    public CheckedText<Double> stepGamma() {
        return stepGamma;
    }

    public ObjectProperty<ValidationMetric> metricProperty() {
        return metric;
    }

    public CheckedText<Integer> patience() {
        return patience;
    }

    public ObjectProperty<ClassWeighting> classWeightsProperty() {
        return classWeights;
    }

    public BooleanProperty oversampleProperty() {
        return oversample;
    }

    public BooleanProperty augmentProperty() {
        return augment;
    }

    public StringBinding problemProperty() {
        return problem;
    }
}
