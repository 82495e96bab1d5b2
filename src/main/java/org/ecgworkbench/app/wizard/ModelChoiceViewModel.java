package org.ecgworkbench.app.wizard;

import static org.ecgworkbench.train.TrainingConfig.DEFAULTS;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.app.LatestRequest;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.train.OptimizerKind;
import org.ecgworkbench.train.TrainingConfig;

/**
 * The network: ResNet18 or ResNet34, the channel width, age and sex as inputs; with its trainable
 * parameter count and DL4J's memory estimate for a training step (computed in the background, latest
 * wins) for the input length of the pipeline, the batch size and the optimiser chosen on other pages.
 */
public final class ModelChoiceViewModel {

    /** {@code train}'s limit. */
    static final double MAX_WIDTH = TrainingConfig.MAX_WIDTH;

    private final BackgroundWork work;
    private final ObjectProperty<Architecture> architecture = new SimpleObjectProperty<>(this, "architecture", DEFAULTS.architecture());
    private final CheckedText<Double> width = new CheckedText<>("width", ArgumentText.number(DEFAULTS.width()), t -> {
        double v = ArgumentText.parseNumber(t);
        if (!(v > 0 && v <= MAX_WIDTH)) throw new IllegalArgumentException("must be in (0, 4], not " + t);
        return v;
    });
    private final BooleanProperty demographics = new SimpleBooleanProperty(this, "demographics", false);
    /** Fed by the other pages: the pipeline's output length, the batch size, the optimiser. */
    private final IntegerProperty inputLength = new SimpleIntegerProperty(this, "inputLength", 5000);
    private final IntegerProperty batch = new SimpleIntegerProperty(this, "batch", 16);
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(this, "optimizer", OptimizerKind.ADAM);
    private final ReadOnlyStringWrapper parameters = new ReadOnlyStringWrapper(this, "parameters", "");
    private final ReadOnlyStringWrapper memory = new ReadOnlyStringWrapper(this, "memory", "");
    private final StringBinding problem;
    /** The memory estimates: a newer choice's estimate wins. */
    private final LatestRequest estimates = new LatestRequest();

    public ModelChoiceViewModel(BackgroundWork work) {
        this.work = Objects.requireNonNull(work);
        problem = Bindings.createStringBinding(() -> width.errorProperty().get(), width.errorProperty());
        Observable[] inputs = {architecture, width.valueProperty(), demographics, inputLength, batch, optimizer};
        for (Observable o : inputs) o.addListener(x -> refresh());
        refresh();
    }

    /** The network these choices describe, or null while the width is invalid or the length unknown. */
    public NetworkSpec spec() {
        Double w = width.value();
        if (w == null || architecture.get() == null || inputLength.get() < 32) return null;
        return NetworkSpec.of(architecture.get(), w, inputLength.get(), demographics.get());
    }

    private void refresh() {
        LatestRequest.Ticket mine = estimates.next();
        NetworkSpec spec = spec();
        if (spec == null) {
            parameters.set("—");
            memory.set("—");
            return;
        }
        parameters.set(String.format(Locale.ROOT, "%,d trainable parameters (%s, stages %s, input 12 × %d)",
                NetworkSize.trainableParameters(spec), spec.architecture().id(), spec.stageChannels(), spec.length()));
        int b = batch.get();
        OptimizerKind opt = optimizer.get() == null ? OptimizerKind.ADAM : optimizer.get();
        if (b < 1) {
            memory.set("—");
            return;
        }
        memory.set("estimating …");
        work.run("Network memory", () -> NetworkSize.trainingBytes(spec, opt, b), mine.ifLatest(bytes ->
            memory.set(String.format(Locale.ROOT, "≈ %s per training step at batch %d with %s (weights, gradients, %s state, "
                    + "layer outputs and their gradients)", bytes(bytes), b, ArgumentText.option(opt), ArgumentText.option(opt)))),
                mine.ifLatest(failure -> memory.set("cannot estimate: " + failure.getMessage())));
    }

    static String bytes(long n) {
        if (n >= 1L << 30) return String.format(Locale.ROOT, "%.1f GiB", n / (double) (1L << 30));
        return String.format(Locale.ROOT, "%.0f MiB", n / (double) (1L << 20));
    }

    /** This page's settings except the architecture, which depends on the run of a sweep. */
    void applyTo(TrainingConfig.Builder config) {
        config.width(width.value()).demographics(demographics.get());
    }

    void fillFrom(TrainingConfig config) {
        architecture.set(config.architecture());
        width.textProperty().set(ArgumentText.number(config.width()));
        demographics.set(config.demographics());
    }

    public ObjectProperty<Architecture> architectureProperty() {
        return architecture;
    }

    public CheckedText<Double> width() {
        return width;
    }

    public BooleanProperty demographicsProperty() {
        return demographics;
    }

    IntegerProperty inputLengthProperty() {
        return inputLength;
    }

    IntegerProperty batchProperty() {
        return batch;
    }

    ObjectProperty<OptimizerKind> optimizerProperty() {
        return optimizer;
    }

    /** "2,188,440 trainable parameters (…)". */
    public ReadOnlyStringProperty parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    public StringBinding problemProperty() {
        return problem;
    }
}
