package org.ecgworkbench.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineJsonTest {
    private static final Pipeline EVERY_STEP = new Pipeline(List.of(
            new ResampleStep(ResampleStep.Method.POLY, 250),
            FilterStep.highPass(0.5, 2), FilterStep.lowPass(40, 4), FilterStep.bandPass(0.67, 150, 3),
            FilterStep.notch(60, 25), new NormalizeStep(NormalizeStep.Kind.SCALE, 0.001),
            NormalizeStep.of(NormalizeStep.Kind.ZSCORE), new LengthStep(2500, LengthStep.Policy.WINDOWS, 1250)));

    @Test
    void everyStepRoundTripsAndTheTextIsStable() {
        String json = PipelineJson.write(EVERY_STEP);
        assertThat(PipelineJson.read(json)).isEqualTo(EVERY_STEP);
        assertThat(PipelineJson.write(PipelineJson.read(json))).isEqualTo(json);
        assertThat(json).contains("\"format\" : \"ecg-workbench-pipeline\"").contains("\"version\" : 1");
    }

    @Test
    void defaultRecipeIsFftTo500AndEndPaddingTo5000() {
        assertThat(PipelineJson.write(Pipeline.defaultRecipe())).isEqualTo("""
                {
                  "format" : "ecg-workbench-pipeline",
                  "version" : 1,
                  "steps" : [ {
                    "step" : "resample",
                    "method" : "fft",
                    "target_hz" : 500.0
                  }, {
                    "step" : "length",
                    "samples" : 5000,
                    "policy" : "end"
                  } ]
                }""");
        assertThat(Pipeline.defaultRecipe().describe()).isEqualTo(
                "1. Resample to 500 Hz (FFT, as scipy.signal.resample)\n2. Truncate or zero-pad at the end to 5000 samples");
    }

    @Test
    void badJsonIsRefusedNamingTheStepAndField() {
        String head = "{\"format\":\"ecg-workbench-pipeline\",\"version\":1,\"steps\":[";
        assertThatThrownBy(() -> PipelineJson.read(head + "{\"step\":\"resample\",\"method\":\"fft\",\"target_hz\":-500}]}"))
                .hasMessageContaining("step 1").hasMessageContaining("target rate -500");
        assertThatThrownBy(() -> PipelineJson.read(head + "{\"step\":\"length\",\"samples\":-1,\"policy\":\"end\"}]}"))
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> PipelineJson.read(head + "{\"step\":\"notch\",\"frequency_hz\":50}]}"))
                .hasMessageContaining("'q'");
        assertThatThrownBy(() -> PipelineJson.read(head + "{\"step\":\"blur\"}]}")).hasMessageContaining("unknown step 'blur'");
        assertThatThrownBy(() -> PipelineJson.read(head + "{\"step\":\"highpass\",\"cutoff_hz\":1,\"order\":2,\"typo\":1}]}"))
                .hasMessageContaining("unknown field 'typo'");
        assertThatThrownBy(() -> PipelineJson.read("{\"format\":\"ecg-workbench-pipeline\",\"version\":2,\"steps\":[]}"))
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> PipelineJson.read("[1,2")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> PipelineJson.read(head + "{\"step\":\"normalize\",\"kind\":\"l2\"}]}"))
                .hasMessageContaining("'l2' is not one of [none, zscore, minmax, scale]");
    }

    @Test
    void aNotchAboveNyquistIsNamedWhenTheRateIsKnown() {
        SignalBlock at100Hz = LengthStepTest.ramp(1000);
        at100Hz = new SignalBlock(100, at100Hz.samples(), at100Hz.mask(), 0, List.of());
        SignalBlock input = at100Hz;
        assertThatThrownBy(() -> new Pipeline(List.of(FilterStep.notch(60, 30))).apply(input))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("60").hasMessageContaining("Nyquist");
    }
}
