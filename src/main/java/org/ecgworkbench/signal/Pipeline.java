package org.ecgworkbench.signal;

import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.record.EcgRecord;

/**
 * An ordered list of preprocessing steps. The same value is saved inside every model bundle and
 * used unchanged by training, evaluation, prediction and the desktop preview, so what a student
 * sees is what the model sees. Serialised with {@link PipelineJson}.
 */
public record Pipeline(List<PipelineStep> steps) {

    /** Default model input: 500 Hz and 10 s. */
    public static final double DEFAULT_FS = 500;
    public static final int DEFAULT_LENGTH = 5000;

    public Pipeline {
        steps = List.copyOf(steps);
    }

    /**
     * The dissertation's intent, corrected: FFT-resample to 500 Hz with the right number of samples
     * (round(n · 500 / fs), not 500), no filter, physical millivolts, truncate or zero-pad at the end to 5000.
     */
    public static Pipeline defaultRecipe() {
        return new Pipeline(List.of(new ResampleStep(ResampleStep.Method.FFT, DEFAULT_FS), LengthStep.end(DEFAULT_LENGTH)));
    }

    /** The model's input(s): one block, or one per window. */
    public List<SignalBlock> apply(EcgRecord record) {
        return run(SignalBlock.of(record), null);
    }

    public List<SignalBlock> apply(SignalBlock input) {
        return run(input, null);
    }

    /** Every intermediate stage, the input first, for the preview and {@code preprocess --stages}. */
    public List<Stage> stages(EcgRecord record) {
        List<Stage> stages = new ArrayList<>();
        SignalBlock input = SignalBlock.of(record);
        stages.add(new Stage(0, "input", "The record's 12 standard leads in millivolts at " + org.ecgworkbench.record.PlainNumber.format(input.fs()) + " Hz", List.of(input)));
        run(input, stages);
        return stages;
    }

    private List<SignalBlock> run(SignalBlock input, List<Stage> stages) {
        List<SignalBlock> blocks = List.of(input);
        for (int i = 0; i < steps.size(); i++) {
            PipelineStep step = steps.get(i);
            List<SignalBlock> next = new ArrayList<>();
            for (SignalBlock b : blocks) next.addAll(step.apply(b));
            blocks = List.copyOf(next);
            if (stages != null) stages.add(new Stage(i + 1, step.type(), step.describe(), blocks));
        }
        return blocks;
    }

    /** The steps in words, numbered, one per line. */
    public String describe() {
        if (steps.isEmpty()) return "No preprocessing: the record as read, in millivolts";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) sb.append('\n');
            sb.append(i + 1).append(". ").append(steps.get(i).describe());
        }
        return sb.toString();
    }

    /**
     * The signal after one step (index 0 is the input).
     *
     * @param index       position: 0 input, then one per step
     * @param type        the step's type ("input" for the first)
     * @param description what the step does, in words
     * @param blocks      the signal after it (several after a windows length step)
     */
    public record Stage(int index, String type, String description, List<SignalBlock> blocks) {
        public Stage {
            blocks = List.copyOf(blocks);
        }
    }
}
