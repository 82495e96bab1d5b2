package org.ecgworkbench.record.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class WfdbFormatTest {

    @ParameterizedTest
    @EnumSource(WfdbFormat.class)
    void encodeThenDecodeIsIdentityOverTheWholeRange(WfdbFormat format) {
        Random rnd = new Random(format.code());
        for (int signals = 1; signals <= 3; signals++) {
            for (int frames : new int[] {0, 1, 2, 3, 7, 100}) {
                int[][] samples = new int[signals][frames];
                for (int[] s : samples) {
                    for (int f = 0; f < frames; f++) {
                        long span = (long) format.maxValue() - format.minValue() + 1;
                        s[f] = (int) (format.minValue() + (long) (rnd.nextDouble() * span));
                    }
                }
                if (frames > 0) {
                    samples[0][0] = format.minValue();
                    samples[signals - 1][frames - 1] = format.maxValue();
                }
                byte[] bytes = format.encode(samples);
                assertThat((long) bytes.length).isEqualTo(format.bytesFor((long) signals * frames));
                assertThat(format.samplesIn(bytes.length)).isEqualTo((long) signals * frames);
                assertThat(format.decode(bytes, 0, signals, frames)).isDeepEqualTo(samples);
            }
        }
    }

    @Test
    void format212PacksTwelveBitPairsAsTheSpecificationSays() {
        // Samples 0x123 and 0x456 (signal 0 then 1): byte0 = low 8 bits of s0, byte1 = high nibbles
        // (s1's in the upper half, s0's in the lower), byte2 = low 8 bits of s1.
        byte[] bytes = WfdbFormat.F212.encode(new int[][] {{0x123}, {0x456}});
        assertThat(bytes).containsExactly(0x23, 0x41, 0x56);
        assertThat(WfdbFormat.F212.decode(new byte[] {(byte) 0xFF, (byte) 0x8F, 0x00}, 0, 2, 1))
                .isDeepEqualTo(new int[][] {{-1}, {-2048}});
    }

    @Test
    void knownByteLayouts() {
        assertThat(WfdbFormat.F16.encode(new int[][] {{-2}})).containsExactly(0xFE, 0xFF);
        assertThat(WfdbFormat.F61.encode(new int[][] {{-2}})).containsExactly(0xFF, 0xFE);
        assertThat(WfdbFormat.F80.encode(new int[][] {{-128, 0, 127}})).containsExactly(0x00, 0x80, 0xFF);
        assertThat(WfdbFormat.F160.encode(new int[][] {{0}})).containsExactly(0x00, 0x80);
        assertThat(WfdbFormat.F24.encode(new int[][] {{-1}})).containsExactly(0xFF, 0xFF, 0xFF);
        assertThat(WfdbFormat.F24.decode(new byte[] {0x00, 0x00, (byte) 0x80}, 0, 1, 1)[0][0]).isEqualTo(-(1 << 23));
    }

    @Test
    void outOfRangeSamplesAreRefused() {
        assertThatThrownBy(() -> WfdbFormat.F212.encode(new int[][] {{2048}})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WfdbFormat.F80.encode(new int[][] {{-129}})).isInstanceOf(IllegalArgumentException.class);
    }
}
