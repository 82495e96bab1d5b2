package org.ecgworkbench.app.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.app.PreviewResult;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.LeadName;
import org.ecgworkbench.signal.FilterStep;
import org.ecgworkbench.signal.LengthStep;
import org.ecgworkbench.signal.NormalizeStep;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.ecgworkbench.signal.ResampleStep;
import org.junit.jupiter.api.Test;

/** The preview's view model without the toolkit: stages, ranges, the pipeline it builds, latest wins. */
class PreviewViewModelTest {

    private static PreviewViewModel direct(EcgRecord record) {
        PreviewViewModel vm = new PreviewViewModel(BackgroundWork.direct());
        vm.recordProperty().set(record);
        return vm;
    }

    @Test
    void computesEveryStageOfTheChosenLeadAndGreysTheTruncatedEnd() {
        PreviewViewModel vm = direct(PreviewFixtures.ramp("r", 1000, 12_000));
        PreviewResult r = vm.resultProperty().get();
        assertThat(r).isNotNull();
        assertThat(r.lead()).isEqualTo("II");
        assertThat(r.stages()).extracting(PreviewResult.StageTrace::type).containsExactly("input", "resample", "length");
        assertThat(r.stages()).extracting(s -> s.samples().length).containsExactly(12_000, 6_000, 5_000);
        assertThat(r.stages()).extracting(PreviewResult.StageTrace::fs).containsExactly(1000.0, 500.0, 500.0);
        assertThat(r.output().padded()).isEmpty();
        assertThat(r.truncated()).hasSize(1);
        assertThat(r.truncated().get(0).fromSeconds()).isCloseTo(10.0, within(1e-9));
        assertThat(r.truncated().get(0).toSeconds()).isCloseTo(12.0, within(1e-9));
        assertThat(r.spectrumBefore().frequencies()[r.spectrumBefore().size() - 1]).isEqualTo(500.0);
        assertThat(r.spectrumAfter().frequencies()[r.spectrumAfter().size() - 1]).isEqualTo(250.0);
        assertThat(vm.statusProperty().get()).contains("lead II").contains("2 step(s)");

        vm.leadProperty().set(LeadName.values()[6]);
        PreviewResult v1 = vm.resultProperty().get();
        assertThat(v1.lead()).isEqualTo("V1");
        assertThat(v1.input().samples()[0]).isCloseTo(0.05 * 6, within(1e-6));
    }

    @Test
    void centredPaddingIsShadedOnBothSidesOnTheInputsTimeAxis() {
        PreviewViewModel vm = direct(PreviewFixtures.ramp("short", 1000, 8_000));
        vm.lengthPolicyProperty().set(PreviewViewModel.Length.CENTER);
        PreviewResult r = vm.resultProperty().get();
        PreviewResult.StageTrace out = r.output();
        assertThat(out.samples()).hasSize(5000);
        assertThat(out.startSample()).isEqualTo(-500);
        assertThat(out.padded()).containsExactly(new PreviewResult.TimeRange(-1.0, 0.0), new PreviewResult.TimeRange(8.0, 9.0));
        assertThat(r.truncated()).isEmpty();
        // Padding stays zero; the real samples line up with the resampled input.
        assertThat(out.samples()[0]).isZero();
        assertThat(out.samples()[500]).isEqualTo(r.stages().get(1).samples()[0]);
    }

    @Test
    void centredCropGreysBothEndsOfTheInput() {
        PreviewViewModel vm = direct(PreviewFixtures.ramp("long", 1000, 12_000));
        vm.lengthPolicyProperty().set(PreviewViewModel.Length.CENTER);
        PreviewResult r = vm.resultProperty().get();
        assertThat(r.truncated()).containsExactly(new PreviewResult.TimeRange(0, 1.0), new PreviewResult.TimeRange(11.0, 12.0));
        assertThat(r.output().padded()).isEmpty();
        assertThat(r.output().startSeconds()).isEqualTo(1.0);
    }

    @Test
    void theChoicesBuildTheExpectedPipeline() {
        PreviewViewModel vm = direct(PreviewFixtures.ramp("r", 1000, 12_000));
        assertThat(vm.pipelineJsonProperty().get()).isEqualTo(PipelineJson.write(Pipeline.defaultRecipe()));

        vm.resamplingProperty().set(PreviewViewModel.Resampling.POLYPHASE);
        vm.targetRateProperty().set(250.0);
        vm.highPassProperty().set(0.5);
        vm.lowPassProperty().set(40.0);
        vm.notchProperty().set(PreviewViewModel.Notch.HZ_50);
        vm.normalisationProperty().set(NormalizeStep.Kind.ZSCORE);
        vm.lengthPolicyProperty().set(PreviewViewModel.Length.CENTER);
        vm.lengthSamplesProperty().set(2500);
        Pipeline expected = new Pipeline(List.of(new ResampleStep(ResampleStep.Method.POLY, 250), FilterStep.highPass(0.5, 2),
                FilterStep.lowPass(40, 2), FilterStep.notch(50, FilterStep.DEFAULT_NOTCH_Q), NormalizeStep.of(NormalizeStep.Kind.ZSCORE),
                new LengthStep(2500, LengthStep.Policy.CENTER, 0)));
        assertThat(vm.pipelineProperty().get()).isEqualTo(expected);
        assertThat(vm.pipelineJsonProperty().get()).isEqualTo(PipelineJson.write(expected));
        assertThat(PipelineJson.read(vm.pipelineJsonProperty().get())).isEqualTo(expected);
        assertThat(vm.resultProperty().get().stages()).extracting(PreviewResult.StageTrace::type)
                .containsExactly("input", "resample", "highpass", "lowpass", "notch", "normalize", "length");

        vm.resamplingProperty().set(PreviewViewModel.Resampling.NONE);
        vm.notchProperty().set(PreviewViewModel.Notch.NONE);
        assertThat(vm.resultProperty().get().stages()).extracting(PreviewResult.StageTrace::type)
                .containsExactly("input", "highpass", "lowpass", "normalize", "length");

        String json = vm.useForTraining();
        assertThat(json).isEqualTo(vm.pipelineJsonProperty().get());
        assertThat(vm.trainingPipelineJsonProperty().get()).isEqualTo(json);
        assertThat(vm.trainingPipelineProperty().get()).isEqualTo(vm.pipelineProperty().get());
    }

    @Test
    void fftAndPolyphaseDifferMostAtTheEdges() {
        PreviewViewModel vm = direct(PreviewFixtures.ramp("r", 1000, 10_000));
        double[] fft = vm.resultProperty().get().stages().get(1).samples();
        long fftSum = vm.resultProperty().get().checksum();
        vm.resamplingProperty().set(PreviewViewModel.Resampling.POLYPHASE);
        double[] poly = vm.resultProperty().get().stages().get(1).samples();
        assertThat(vm.resultProperty().get().checksum()).isNotEqualTo(fftSum);
        assertThat(poly).hasSameSizeAs(fft);
        double edge = Math.max(Math.abs(fft[0] - poly[0]), Math.abs(fft[fft.length - 1] - poly[poly.length - 1]));
        double middle = 0;
        for (int i = 1000; i < 4000; i++) middle = Math.max(middle, Math.abs(fft[i] - poly[i]));
        assertThat(edge).isGreaterThan(0.1);
        assertThat(middle).isLessThan(edge / 10);
    }

    @Test
    void theVisibleRangeCoversThePaddingOrCloseUpOnAnEdge() {
        PreviewViewModel vm = direct(PreviewFixtures.ramp("short", 1000, 8_000));
        vm.lengthPolicyProperty().set(PreviewViewModel.Length.CENTER);
        assertThat(vm.visibleRangeProperty().get()).isEqualTo(new PreviewResult.TimeRange(-1.0, 9.0));
        vm.viewProperty().set(PreviewViewModel.View.START);
        assertThat(vm.visibleRangeProperty().get().fromSeconds()).isCloseTo(-0.1, within(1e-9));
        assertThat(vm.visibleRangeProperty().get().toSeconds()).isCloseTo(0.4, within(1e-9));
        vm.viewProperty().set(PreviewViewModel.View.END);
        assertThat(vm.visibleRangeProperty().get().fromSeconds()).isCloseTo(7.6, within(1e-9));
        assertThat(vm.visibleRangeProperty().get().toSeconds()).isCloseTo(8.1, within(1e-9));
    }

    /** Work held until the test releases it, in any order. */
    private static final class HeldWork implements BackgroundWork {
        final List<Runnable> pending = new ArrayList<>();

        @Override
        public <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            pending.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }
    }

    @Test
    void theLatestChangeWinsWhenResultsArriveOutOfOrder() {
        HeldWork work = new HeldWork();
        PreviewViewModel vm = new PreviewViewModel(work);
        vm.recordProperty().set(PreviewFixtures.ramp("r", 1000, 6_000));
        vm.resamplingProperty().set(PreviewViewModel.Resampling.POLYPHASE);
        vm.targetRateProperty().set(250.0);
        assertThat(work.pending).hasSize(3);
        assertThat(vm.computingProperty().get()).isTrue();
        work.pending.get(2).run();
        assertThat(vm.resultProperty().get().pipeline().steps().get(0)).isEqualTo(new ResampleStep(ResampleStep.Method.POLY, 250));
        assertThat(vm.computingProperty().get()).isFalse();
        PreviewResult latest = vm.resultProperty().get();
        work.pending.get(0).run();
        work.pending.get(1).run();
        assertThat(vm.resultProperty().get()).isSameAs(latest);
    }

    @Test
    void anImpossibleFilterIsReportedNotThrown() {
        PreviewViewModel vm = direct(PreviewFixtures.ramp("r", 1000, 6_000));
        vm.targetRateProperty().set(100.0);
        vm.lowPassProperty().set(150.0);
        assertThat(vm.statusProperty().get()).startsWith("Cannot preprocess r:").contains("150");
    }
}
