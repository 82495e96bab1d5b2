package org.ecgworkbench.app.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.app.PipelinePreview;
import org.ecgworkbench.app.PreviewComparison;
import org.ecgworkbench.app.PreviewResult;
import org.ecgworkbench.record.LeadName;
import org.ecgworkbench.signal.NormalizeStep;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.ResampleStep;
import org.junit.jupiter.api.Test;

/** What the preview sets side by side: a step against the stage before it, FFT against polyphase, and each stage's unit. */
class PreviewComparisonTest {

    private static PreviewViewModel direct() {
        PreviewViewModel vm = new PreviewViewModel(BackgroundWork.direct());
        vm.recordProperty().set(PreviewFixtures.ramp("r", 1000, 12_000));
        return vm;
    }

    @Test
    void theDifferenceOfTwoStagesIsStageBMinusStageAOnACommonTimeBase() {
        PreviewViewModel vm = direct();
        vm.highPassProperty().set(0.5);
        // Steps: 1. resample, 2. highpass, 3. length; compare the high-pass with the resampled stage (both 500 Hz).
        assertThat(vm.compareChoices()).extracting(PreviewViewModel.Compare::label)
                .containsExactly("nothing", "1. resample − input", "2. highpass − 1. resample", "3. length − 2. highpass", "FFT − polyphase");
        vm.compareProperty().set(vm.compareChoices().get(2));
        PreviewResult r = vm.resultProperty().get();
        PreviewComparison c = r.comparison();
        assertThat(c.stage()).isEqualTo(2);
        PreviewResult.StageTrace a = r.stages().get(1);
        PreviewResult.StageTrace b = r.stages().get(2);
        assertThat(c.overlay()).isSameAs(a);
        assertThat(c.difference().samples()).hasSize(b.samples().length);
        for (int i = 0; i < b.samples().length; i++) {
            assertThat(c.difference().mask()[i]).isTrue();
            assertThat(c.difference().samples()[i]).isEqualTo(b.samples()[i] - a.samples()[i]);
        }
        assertThat(c.difference().unit()).isEqualTo("mV");
        assertThat(vm.hintProperty().get()).startsWith("2. highpass − 1. resample: largest difference").contains("mV");
    }

    @Test
    void aStageAtAnotherRateIsInterpolatedAtTheLaterStagesSampleTimes() {
        PreviewViewModel vm = direct();
        vm.compareProperty().set(vm.compareChoices().get(1)); // 1. resample (500 Hz) − input (1000 Hz)
        PreviewResult r = vm.resultProperty().get();
        PreviewResult.StageTrace in = r.input();
        PreviewResult.StageTrace out = r.stages().get(1);
        double[] d = r.comparison().difference().samples();
        // Sample i at 500 Hz sits on input sample 2i: no interpolation needed.
        for (int i = 0; i < d.length; i++) assertThat(d[i]).isEqualTo(out.samples()[i] - in.samples()[2 * i]);
    }

    @Test
    void fftMinusPolyphaseIsLargestAtTheEdgesAndTheHintSaysSo() {
        PreviewViewModel vm = direct();
        vm.compareProperty().set(PreviewViewModel.Compare.METHODS);
        PreviewResult r = vm.resultProperty().get();
        PreviewComparison c = r.comparison();
        Pipeline fftOnly = new Pipeline(List.of(new ResampleStep(ResampleStep.Method.FFT, 500)));
        Pipeline polyOnly = new Pipeline(List.of(new ResampleStep(ResampleStep.Method.POLY, 500)));
        double[] fft = PreviewViewModel.compute(PreviewFixtures.ramp("r", 1000, 12_000), LeadName.values()[1], fftOnly).output().samples();
        double[] poly = PreviewViewModel.compute(PreviewFixtures.ramp("r", 1000, 12_000), LeadName.values()[1], polyOnly).output().samples();
        for (int i = 0; i < fft.length; i++) assertThat(c.difference().samples()[i]).isEqualTo(fft[i] - poly[i]);
        assertThat(c.stage()).isEqualTo(1);
        assertThat(c.overlayName()).isEqualTo("polyphase");
        // The ramp's ends do not meet, so the FFT rings there: the edges differ far more than the middle.
        assertThat(c.edgeMax()).isGreaterThan(10 * c.middleMax());
        assertThat(c.peakSeconds()).satisfiesAnyOf(t -> assertThat(t).isLessThan(0.5), t -> assertThat(t).isGreaterThan(11.5));
        assertThat(vm.hintProperty().get()).startsWith("FFT − polyphase: largest difference").contains("edge").contains("Show → first edge");

        // Chosen the other way round, the difference is still FFT − polyphase; the overlay is then the FFT.
        vm.resamplingProperty().set(PreviewViewModel.Resampling.POLYPHASE);
        PreviewComparison again = vm.resultProperty().get().comparison();
        assertThat(vm.compareProperty().get()).isEqualTo(PreviewViewModel.Compare.METHODS);
        assertThat(again.overlayName()).isEqualTo("FFT");
        assertThat(again.difference().samples()).containsExactly(c.difference().samples());

        // Without resampling there is nothing to compare methods on: the choice falls back to nothing.
        vm.resamplingProperty().set(PreviewViewModel.Resampling.NONE);
        assertThat(vm.compareChoices()).doesNotContain(PreviewViewModel.Compare.METHODS);
        assertThat(vm.compareProperty().get()).isEqualTo(PreviewViewModel.Compare.NONE);
        assertThat(vm.resultProperty().get().comparison()).isNull();
    }

    @Test
    void withoutAComparisonTheHintPointsAtTheEdges() {
        PreviewViewModel vm = direct();
        assertThat(vm.resultProperty().get().comparison()).isNull();
        assertThat(vm.hintProperty().get()).contains("differ at the record's edges").contains("first edge").contains("FFT − polyphase");
    }

    @Test
    void stagesAreInMillivoltsUntilANormalisationAndInZAfterAZScore() {
        PreviewViewModel vm = direct();
        vm.highPassProperty().set(0.5);
        vm.normalisationProperty().set(NormalizeStep.Kind.ZSCORE);
        PreviewResult r = vm.resultProperty().get();
        assertThat(r.stages()).extracting(PreviewResult.StageTrace::type).containsExactly("input", "resample", "highpass", "normalize", "length");
        assertThat(r.stages()).extracting(PreviewResult.StageTrace::unit).containsExactly("mV", "mV", "mV", "z", "z");
        // A step that changes units is not differenced against the stage before it.
        assertThat(vm.compareChoices()).extracting(PreviewViewModel.Compare::label).doesNotContain("3. normalize − 2. highpass")
                .contains("4. length − 3. normalize");
        vm.normalisationProperty().set(NormalizeStep.Kind.MINMAX);
        assertThat(vm.resultProperty().get().output().unit()).isEqualTo("a.u.");
        assertThat(PipelinePreview.unitAfter(NormalizeStep.Kind.NONE, "mV")).isEqualTo("mV");
        assertThat(vm.resultProperty().get().comparison()).isNull();
        assertThat(vm.compareChoices().get(0)).isEqualTo(PreviewViewModel.Compare.NONE);
    }
}
