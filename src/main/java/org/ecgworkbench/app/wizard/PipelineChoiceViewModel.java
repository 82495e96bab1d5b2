package org.ecgworkbench.app.wizard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.app.LatestRequest;
import org.ecgworkbench.app.PipelinePreview;
import org.ecgworkbench.app.PreviewResult;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.LeadName;
import org.ecgworkbench.signal.LengthStep;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.ecgworkbench.signal.PipelineStep;
import org.ecgworkbench.signal.ResampleStep;
import org.ecgworkbench.train.TrainingConfig;

/**
 * The preprocessing pipeline of the run: the default recipe, the Preview room's current one, or a
 * pipeline JSON file; with one record of the data shown
 * through it (lead II, computed as the Preview room computes it, in the background).
 */
public final class PipelineChoiceViewModel {

    private final BackgroundWork work;
    private final ObjectProperty<Pipeline> pipeline = new SimpleObjectProperty<>(this, "pipeline", Pipeline.defaultRecipe());
    private final ReadOnlyStringWrapper origin = new ReadOnlyStringWrapper(this, "origin", "default recipe");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final ReadOnlyObjectWrapper<PreviewResult> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper previewStatus = new ReadOnlyStringWrapper(this, "previewStatus", "No record to preview yet.");
    private final StringBinding description;
    private final StringBinding problem;
    private Path previewRecord;
    /** The previews: a newer record's or pipeline's preview wins. */
    private final LatestRequest previews = new LatestRequest();

    public PipelineChoiceViewModel(BackgroundWork work) {
        this.work = Objects.requireNonNull(work);
        description = Bindings.createStringBinding(() -> pipeline.get() == null ? "" : pipeline.get().describe(), pipeline);
        problem = Bindings.createStringBinding(this::findProblem, pipeline, loadError);
        pipeline.addListener((o, old, now) -> refreshPreview());
    }

    private String findProblem() {
        if (!loadError.get().isEmpty()) return loadError.get();
        if (pipeline.get() == null) return "Choose a pipeline.";
        int length = inputLength(pipeline.get());
        if (length <= 0) return "The pipeline must end in a fixed length (a length step after any resampling) for training.";
        if (length < 32) return "The pipeline's length of " + length + " samples is too short for the network (at least 32).";
        return "";
    }

    /**
     * Samples per lead the network sees: the last length step's, 0 when the pipeline leaves the length
     * open (no length step after the last resampling; the tensor cache refuses those too).
     */
    public static int inputLength(Pipeline p) {
        int length = 0;
        for (PipelineStep step : p.steps()) {
            if (step instanceof LengthStep l) length = l.policy() == LengthStep.Policy.WINDOWS ? 0 : l.samples();
            if (step instanceof ResampleStep) length = 0;
        }
        return length;
    }

    /** The Preview room's choice, when the student made one. */
    public void useFromPreview(Pipeline fromPreview) {
        if (fromPreview == null) return;
        loadError.set("");
        origin.set("from the Preview room");
        pipeline.set(fromPreview);
    }

    public void useDefault() {
        loadError.set("");
        origin.set("default recipe");
        pipeline.set(Pipeline.defaultRecipe());
    }

    /** Reads a pipeline JSON file; a bad one is reported on the page, naming the file. */
    public void load(Path file) {
        try {
            Pipeline p = PipelineJson.read(Files.readString(file, StandardCharsets.UTF_8));
            loadError.set("");
            origin.set(file.toString());
            pipeline.set(p);
        } catch (IOException | IllegalArgumentException e) {
            loadError.set(file + ": " + e.getMessage());
        }
    }

    /** Shows this record through the pipeline (lead II). */
    public void previewRecord(Path record) {
        if (Objects.equals(record, previewRecord)) return;
        previewRecord = record;
        refreshPreview();
    }

    private void refreshPreview() {
        LatestRequest.Ticket mine = previews.next();
        Path record = previewRecord;
        Pipeline p = pipeline.get();
        if (record == null || p == null) {
            preview.set(null);
            previewStatus.set("No record to preview yet.");
            return;
        }
        previewStatus.set("Preprocessing " + record.getFileName() + " …");
        work.run("Pipeline preview", () -> PipelinePreview.compute(EcgRecordReader.read(record), LeadName.II, p), mine.ifLatest(r -> {
            preview.set(r);
            previewStatus.set(r.recordId() + " · lead " + r.lead() + " · " + (r.stages().size() - 1) + " step(s) in " + r.computeMillis() + " ms");
        }), mine.ifLatest(failure -> {
            preview.set(null);
            previewStatus.set("Cannot preview " + record.getFileName() + ": " + failure.getMessage());
        }));
    }

    void applyTo(TrainingConfig.Builder config) {
        config.pipeline(pipeline.get());
    }

    /** A run's pipeline: the default recipe, or the run's own. */
    void fillFrom(TrainingConfig config, String from) {
        if (config.pipeline().equals(Pipeline.defaultRecipe())) {
            useDefault();
            return;
        }
        loadError.set("");
        origin.set(from);
        pipeline.set(config.pipeline());
    }

    /**
     * The pipeline's JSON written into {@code folder} under a name taken from its content (the same
     * pipeline, the same file; written to a temporary file and renamed), for the review's command line.
     */
    static Path writePipeline(Pipeline p, Path folder) throws IOException {
        String json = PipelineJson.write(p);
        Path file = folder.toAbsolutePath().normalize().resolve("pipeline-" + shortHash(json) + ".json");
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(json)) return file;
        Files.createDirectories(folder);
        AtomicFiles.write(file, true, out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
        return file;
    }

    private static String shortHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ObjectProperty<Pipeline> pipelineProperty() {
        return pipeline;
    }

    /** Where the pipeline came from: default recipe, the Preview room, or a file. */
    public ReadOnlyStringProperty originProperty() {
        return origin.getReadOnlyProperty();
    }

    /** The steps in words. */
    public StringBinding descriptionProperty() {
        return description;
    }

    public ReadOnlyObjectProperty<PreviewResult> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewStatusProperty() {
        return previewStatus.getReadOnlyProperty();
    }

    public StringBinding problemProperty() {
        return problem;
    }
}
