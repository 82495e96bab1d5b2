package org.ecgworkbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Float16Test {

    @Test
    void everyHalfRoundTripsExactly() {
        for (int h = 0; h < 65536; h++) {
            float f = Float16.toFloat((short) h);
            short back = Float16.fromFloat(f);
            if (Float.isNaN(f)) {
                assertThat(Float.isNaN(Float16.toFloat(back))).as("NaN %04x", h).isTrue();
                assertThat(back & 0xffff).as("NaN payload %04x", h).isEqualTo(h);
            } else {
                assertThat(back & 0xffff).as("half %04x = %s", h, f).isEqualTo(h);
            }
        }
    }

    @Test
    void knownValues() {
        assertThat(Float16.fromFloat(1f)).isEqualTo((short) 0x3c00);
        assertThat(Float16.fromFloat(-2f)).isEqualTo((short) 0xc000);
        assertThat(Float16.fromFloat(65504f)).isEqualTo((short) 0x7bff);
        assertThat(Float16.fromFloat(65519.99f)).isEqualTo((short) 0x7bff);
        assertThat(Float16.fromFloat(65520f)).isEqualTo((short) 0x7c00); // the tie rounds up to infinity
        assertThat(Float16.fromFloat(Float.POSITIVE_INFINITY)).isEqualTo((short) 0x7c00);
        assertThat(Float16.fromFloat(0x1p-24f)).isEqualTo((short) 0x0001);
        assertThat(Float16.fromFloat(0x1p-25f)).isEqualTo((short) 0x0000); // tie to even: zero
        assertThat(Float16.fromFloat(0x1.8p-25f)).isEqualTo((short) 0x0001);
        assertThat(Float16.fromFloat(-0f)).isEqualTo((short) 0x8000);
        assertThat(Float.isNaN(Float16.toFloat(Float16.fromFloat(Float.NaN)))).isTrue();
        // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties to even (1); 1 + 3·2^-11 ties up to 1 + 2^-9.
        assertThat(Float16.fromFloat(1f + 0x1p-11f)).isEqualTo((short) 0x3c00);
        assertThat(Float16.fromFloat(1f + 3 * 0x1p-11f)).isEqualTo((short) 0x3c02);
    }

    /** Against a brute-force nearest half (ties to the even code) for random floats of every magnitude. */
    @Test
    void roundsToTheNearestHalf() {
        float[] positives = new float[0x7c00 + 1];
        for (int h = 0; h <= 0x7c00; h++) positives[h] = Float16.toFloat((short) h); // ascending, +inf last
        Random random = new Random(1);
        for (int k = 0; k < 200_000; k++) {
            float f = Float.intBitsToFloat(random.nextInt()) ;
            if (Float.isNaN(f) || Float.isInfinite(f)) continue;
            float a = Math.abs(f);
            int expected = nearest(positives, a) | (f < 0 || (f == 0 && 1 / f < 0) ? 0x8000 : 0);
            assertThat(Float16.fromFloat(f) & 0xffff).as("%s", f).isEqualTo(expected);
        }
    }

    private static int nearest(float[] halves, float a) {
        if (a >= 65520f) return 0x7c00;
        int i = Arrays.binarySearch(halves, 0, 0x7c00, a);
        if (i >= 0) return i;
        int hi = -i - 1;
        int lo = hi - 1;
        if (hi >= 0x7c00) return 0x7bff;
        double dLo = (double) a - halves[lo];
        double dHi = (double) halves[hi] - a;
        if (dLo < dHi) return lo;
        if (dHi < dLo) return hi;
        return (lo & 1) == 0 ? lo : hi;
    }
}
