package org.ecgworkbench.app.wizard;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.train.Device;
import org.ecgworkbench.train.TrainingConfig;

/** CPU or GPU, with what was detected; choosing the GPU where there is none is flagged with the reason. */
public final class ComputeViewModel {

    private final BooleanProperty gpu = new SimpleBooleanProperty(this, "gpu", TrainingConfig.DEFAULTS.device() == Device.GPU);
    private final ReadOnlyObjectWrapper<ComputeDetection> detection = new ReadOnlyObjectWrapper<>(this, "detection");
    private final ReadOnlyStringWrapper cpuText = new ReadOnlyStringWrapper(this, "cpuText", "detecting …");
    private final ReadOnlyStringWrapper gpuText = new ReadOnlyStringWrapper(this, "gpuText", "detecting …");
    private final StringBinding problem;

    /** @param detect looks at the build and the host; runs in {@code work} */
    public ComputeViewModel(BackgroundWork work, Supplier<ComputeDetection> detect) {
        Objects.requireNonNull(detect);
        problem = Bindings.createStringBinding(this::findProblem, gpu, detection);
        work.run("Detecting compute devices", detect::get, this::show, failure -> {
            cpuText.set("CPU");
            gpuText.set("not available: " + failure.getMessage());
            detection.set(new ComputeDetection("CPU", Optional.empty(), Optional.empty(), String.valueOf(failure.getMessage())));
        });
    }

    private void show(ComputeDetection d) {
        cpuText.set(d.cpu());
        gpuText.set(d.gpuAvailable()
                ? d.gpu().get() + d.gpuMemory().map(m -> ", " + m).orElse(", memory unknown (no nvidia-smi)")
                : "not available: " + d.noGpu());
        detection.set(d);
    }

    private String findProblem() {
        if (!gpu.get()) return "";
        ComputeDetection d = detection.get();
        if (d == null) return "Still detecting the GPU …";
        return d.gpuAvailable() ? "" : "GPU chosen, but " + d.noGpu();
    }

    void applyTo(TrainingConfig.Builder config) {
        config.device(gpu.get() ? Device.GPU : Device.CPU);
    }

    void fillFrom(TrainingConfig config) {
        gpu.set(config.device() == Device.GPU);
    }

    /** True: train on the GPU; false: on the CPU. */
    public BooleanProperty gpuProperty() {
        return gpu;
    }

    public ReadOnlyObjectProperty<ComputeDetection> detectionProperty() {
        return detection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cpuTextProperty() {
        return cpuText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gpuTextProperty() {
        return gpuText.getReadOnlyProperty();
    }

    public StringBinding problemProperty() {
        return problem;
    }
}
