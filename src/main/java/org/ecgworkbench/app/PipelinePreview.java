package org.ecgworkbench.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.LeadName;
import org.ecgworkbench.signal.NormalizeStep;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.SignalBlock;
import org.ecgworkbench.signal.dsp.MagnitudeSpectrum;

/**
 * One lead of a record through a pipeline, stage by stage, as the Preview room and the wizard's pipeline
 * page show it (in {@link PreviewStagesView}). Pure; runs on a worker thread.
 */
public final class PipelinePreview {

    private PipelinePreview() {
    }

    /** The stages of one lead, with no comparison. */
    public static PreviewResult compute(EcgRecord record, LeadName lead, Pipeline pipeline) {
        return compute(record, lead, pipeline, (traces, duration) -> null);
    }

    /**
     * The stages of one lead and what {@code comparison} makes of them (given the stages and the input's
     * duration in seconds; null for none), timed together.
     */
    public static PreviewResult compute(EcgRecord record, LeadName lead, Pipeline pipeline,
            BiFunction<List<PreviewResult.StageTrace>, Double, PreviewComparison> comparison) {
        long t0 = System.nanoTime();
        List<PreviewResult.StageTrace> traces = traces(record, lead, pipeline);
        PreviewResult.StageTrace in = traces.get(0);
        PreviewResult.StageTrace out = traces.get(traces.size() - 1);
        List<PreviewResult.TimeRange> truncated = new ArrayList<>();
        double duration = in.samples().length / in.fs();
        int[] span = out.realSpan();
        if (span == null) {
            truncated.add(new PreviewResult.TimeRange(0, duration));
        } else {
            double keptFrom = out.secondsOf(span[0]);
            double keptTo = out.secondsOf(span[1]);
            double tolerance = 0.5 / in.fs();
            if (keptFrom > tolerance) truncated.add(new PreviewResult.TimeRange(0, keptFrom));
            if (keptTo < duration - tolerance) truncated.add(new PreviewResult.TimeRange(keptTo, duration));
        }
        MagnitudeSpectrum before = MagnitudeSpectrum.of(in.samples(), in.fs(), MagnitudeSpectrum.Window.HANN);
        double[] real = span == null ? out.samples() : Arrays.copyOfRange(out.samples(), span[0], span[1]);
        MagnitudeSpectrum after = MagnitudeSpectrum.of(real.length == 0 ? new double[1] : real, out.fs(), MagnitudeSpectrum.Window.HANN);
        PreviewComparison compared = comparison.apply(traces, duration);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new PreviewResult(record.id(), lead.label(), pipeline, traces, truncated, before, after, ms, compared);
    }

    /** The lead after every stage, each with its amplitude unit. */
    public static List<PreviewResult.StageTrace> traces(EcgRecord record, LeadName lead, Pipeline pipeline) {
        List<Pipeline.Stage> stages = pipeline.stages(record);
        int li = lead.ordinal();
        List<PreviewResult.StageTrace> traces = new ArrayList<>();
        String unit = "mV";
        for (Pipeline.Stage s : stages) {
            if (s.index() > 0 && pipeline.steps().get(s.index() - 1) instanceof NormalizeStep n) unit = unitAfter(n.kind(), unit);
            SignalBlock b = s.blocks().get(0);
            traces.add(new PreviewResult.StageTrace(s.index(), s.type(), s.description(), b.fs(), b.samples()[li].clone(), b.mask().clone(),
                    b.startSample(), unit));
        }
        return traces;
    }

    /** The amplitude's unit after a normalisation: z-scores are "z", min–max and scaling leave no unit. */
    public static String unitAfter(NormalizeStep.Kind kind, String before) {
        return switch (kind) {
            case NONE -> before;
            case ZSCORE -> "z";
            case MINMAX, SCALE -> "a.u.";
        };
    }
}
