package org.ecgworkbench.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LengthStepTest {

    /** A block whose every lead holds 1, 2, …, n. */
    static SignalBlock ramp(int n) {
        double[][] s = new double[SignalBlock.LEADS][n];
        for (double[] lead : s) for (int i = 0; i < n; i++) lead[i] = i + 1;
        boolean[] mask = new boolean[n];
        Arrays.fill(mask, true);
        return new SignalBlock(500, s, mask, 0, List.of());
    }

    @Test
    void endTruncatesOrPadsAtTheEndWithAMask() {
        SignalBlock cut = LengthStep.end(3).apply(ramp(5)).get(0);
        assertThat(cut.samples()[4]).containsExactly(1, 2, 3);
        assertThat(cut.mask()).containsExactly(true, true, true);
        SignalBlock padded = LengthStep.end(5).apply(ramp(3)).get(0);
        assertThat(padded.samples()[0]).containsExactly(1, 2, 3, 0, 0);
        assertThat(padded.mask()).containsExactly(true, true, true, false, false);
    }

    @Test
    void centerCropsTheMiddleOrPadsBothSides() {
        SignalBlock crop = new LengthStep(3, LengthStep.Policy.CENTER, 0).apply(ramp(6)).get(0);
        assertThat(crop.samples()[0]).containsExactly(2, 3, 4);
        assertThat(crop.startSample()).isEqualTo(1);
        SignalBlock pad = new LengthStep(6, LengthStep.Policy.CENTER, 0).apply(ramp(3)).get(0);
        assertThat(pad.samples()[0]).containsExactly(0, 1, 2, 3, 0, 0);
        assertThat(pad.mask()).containsExactly(false, true, true, true, false, false);
        assertThat(pad.startSample()).isEqualTo(-1);
    }

    @Test
    void windowsCoverTheWholeRecordingIncludingTheEnd() {
        List<SignalBlock> w = new LengthStep(4, LengthStep.Policy.WINDOWS, 3).apply(ramp(11));
        assertThat(w).extracting(SignalBlock::startSample).containsExactly(0, 3, 6, 7);
        assertThat(w.get(3).samples()[0]).containsExactly(8, 9, 10, 11);
        List<SignalBlock> exact = new LengthStep(4, LengthStep.Policy.WINDOWS, 2).apply(ramp(8));
        assertThat(exact).extracting(SignalBlock::startSample).containsExactly(0, 2, 4);
        List<SignalBlock> shortOne = new LengthStep(4, LengthStep.Policy.WINDOWS, 2).apply(ramp(2));
        assertThat(shortOne).hasSize(1);
        assertThat(shortOne.get(0).mask()).containsExactly(true, true, false, false);
    }

    @Test
    void windowsCountedAndPlacedOneByOneAreThoseOfTheLoopOverTheRecording() {
        for (int length : new int[] {1, 4, 7}) {
            for (int hop : new int[] {1, 2, 3, 4, 5, 9}) {
                LengthStep step = new LengthStep(length, LengthStep.Policy.WINDOWS, hop);
                for (int n = 1; n < 40; n++) {
                    // The windows as they were first cut: every hop while one fits, then one ending at the last sample.
                    List<Integer> starts = new ArrayList<>();
                    if (n <= length) {
                        starts.add(0);
                    } else {
                        int start = 0;
                        for (; start + length <= n; start += hop) starts.add(start);
                        if (start - hop + length < n) starts.add(n - length);
                    }
                    assertThat(step.windowCount(n)).as("length %d hop %d n %d", length, hop, n).isEqualTo(starts.size());
                    for (int i = 0; i < starts.size(); i++) assertThat(step.windowStart(n, i)).isEqualTo(starts.get(i));
                }
            }
        }
    }

    @Test
    void zeroKeepsTheLength() {
        SignalBlock in = ramp(7);
        assertThat(LengthStep.end(0).apply(in).get(0)).isSameAs(in);
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> LengthStep.end(-1)).hasMessageContaining("length").hasMessageContaining("-1");
        assertThatThrownBy(() -> new LengthStep(10, LengthStep.Policy.WINDOWS, 0)).hasMessageContaining("hop");
    }
}
