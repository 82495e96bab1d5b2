package org.ecgworkbench.signal;

import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.PlainNumber;

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

    /**
     * The same blocks as {@link #apply(EcgRecord)}, made one at a time: the steps before a windows length
     * step run on the whole record once (resampling, filters and normalisation need all of it to give
     * the same values), each window and the steps after it only when asked for. When those first steps
     * leave the record as it is (already at the target rate, no filter), the windows are cut straight
     * from the record's float leads, without a whole-record {@code double} copy; a first resample step
     * reads the float leads two at a time ({@link ResampleStep#applyTo}).
     */
    public SignalWindows windows(EcgRecord record) {
        int w = windowsStep();
        if (w < 0) return SignalWindows.of(apply(record));
        LengthStep windows = (LengthStep) steps.get(w);
        List<PipelineStep> after = steps.subList(w + 1, steps.size());
        if (leavesAsItIs(steps.subList(0, w), record.fs())) return SignalWindows.cutFrom(record, windows, after);
        if (w > 0 && steps.get(0) instanceof ResampleStep resample) {
            return SignalWindows.cutFrom(runOne(resample.applyTo(record), steps.subList(1, w)), windows, after);
        }
        return SignalWindows.cutFrom(runOne(SignalBlock.of(record), steps.subList(0, w)), windows, after);
    }

    /**
     * About how many bytes of heap {@link #windows(EcgRecord)} needs beyond the record itself while the steps
     * before the windows run on the whole record (0 when the windows are cut straight from it): the
     * {@code double} blocks before and after a rate change, and a pair of leads' FFT buffers. Measured on a
     * 12 × 4,166,666-sample record resampled from 1000 to 500 Hz (1.76 GB resident with {@code -Xmx2g}; generous,
     * so the estimate errs towards refusing), so a
     * caller can refuse a record that cannot fit before spending a minute on it.
     */
    public long wholeRecordBytes(EcgRecord record) {
        int w = windowsStep();
        List<PipelineStep> before = w < 0 ? steps : steps.subList(0, w);
        if (w >= 0 && leavesAsItIs(before, record.fs())) return 0;
        double ratio = 1;
        for (PipelineStep step : before) {
            if (step instanceof ResampleStep r) ratio = Math.max(ratio, r.targetFs() / record.fs());
        }
        long n = record.samples();
        return (long) (SignalBlock.LEADS * n * Double.BYTES * (1 + ratio)) + 2 * n * 96;
    }

    /** {@link #windows(EcgRecord)} for a block already made. */
    public SignalWindows windows(SignalBlock input) {
        int w = windowsStep();
        if (w < 0) return SignalWindows.of(apply(input));
        return SignalWindows.cutFrom(runOne(input, steps.subList(0, w)), (LengthStep) steps.get(w), steps.subList(w + 1, steps.size()));
    }

    /**
     * The index of the one windows length step, or -1 when there is none or more than one (then the
     * blocks are all made at once: no bundle's inference pipeline has two).
     */
    private int windowsStep() {
        int found = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof LengthStep l && l.policy() == LengthStep.Policy.WINDOWS) {
                if (found >= 0) return -1;
                found = i;
            }
        }
        return found;
    }

    /** Whether each step returns a record at {@code fs} unchanged (a resample to its own rate, no normalisation, keep length). */
    private static boolean leavesAsItIs(List<PipelineStep> steps, double fs) {
        for (PipelineStep step : steps) {
            boolean same = step instanceof ResampleStep r && r.targetFs() == fs
                    || step instanceof NormalizeStep n && n.kind() == NormalizeStep.Kind.NONE
                    || step instanceof LengthStep l && l.samples() == 0;
            if (!same) return false;
        }
        return true;
    }

    /** One block through steps that each give one block (every step but a windows length step). */
    static SignalBlock runOne(SignalBlock input, List<PipelineStep> steps) {
        SignalBlock block = input;
        for (PipelineStep step : steps) {
            List<SignalBlock> out = step.apply(block);
            if (out.size() != 1) throw new IllegalStateException(step.type() + " gave " + out.size() + " blocks where one was expected");
            block = out.get(0);
        }
        return block;
    }

    /** Every intermediate stage, the input first, for the preview and {@code preprocess --stages}. */
    public List<Stage> stages(EcgRecord record) {
        List<Stage> stages = new ArrayList<>();
        SignalBlock input = SignalBlock.of(record);
        stages.add(new Stage(0, "input", "The record's 12 standard leads in millivolts at " + PlainNumber.format(input.fs()) + " Hz", List.of(input)));
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
