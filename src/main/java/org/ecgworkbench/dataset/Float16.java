package org.ecgworkbench.dataset;

/**
 * IEEE 754 binary16 ("half") conversions. Java 17 has no {@code Float.floatToFloat16} (it came in
 * Java 20), so the cache does its own: round to nearest, ties to even, overflow to infinity,
 * subnormals kept, NaN stays NaN (its payload truncated, never turned into infinity).
 */
public final class Float16 {

    /** Every half's float value, so decoding a sample is a table look-up. */
    private static final float[] DECODE = new float[1 << 16];

    static {
        for (int h = 0; h < DECODE.length; h++) DECODE[h] = decode(h);
    }

    private Float16() {
    }

    /** The float value of a half (exact: every half is a float). */
    public static float toFloat(short half) {
        return DECODE[half & 0xffff];
    }

    /** The half nearest to {@code value} (ties to even). */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xff;
        int mant = bits & 0x7fffff;
        if (exp == 0xff) {
            if (mant == 0) return (short) (sign | 0x7c00);
            int m = mant >>> 13;
            return (short) (sign | 0x7c00 | (m == 0 ? 0x200 : m)); // a NaN whose payload would vanish stays NaN
        }
        int e = exp - 127 + 15;
        if (e >= 0x1f) return (short) (sign | 0x7c00);
        if (e <= 0) {
            // Below 2^-25 everything rounds to zero (2^-25 itself ties to the even 0).
            if (e < -10) return (short) sign;
            mant |= 0x800000;
            int shift = 14 - e;
            int half = mant >>> shift;
            int rem = mant & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (rem > halfway || (rem == halfway && (half & 1) == 1)) half++; // a carry makes the smallest normal, correctly
            return (short) (sign | half);
        }
        int half = (e << 10) | (mant >>> 13);
        int rem = mant & 0x1fff;
        if (rem > 0x1000 || (rem == 0x1000 && (half & 1) == 1)) half++; // a carry into the exponent is right, up to infinity
        return (short) (sign | half);
    }

    private static float decode(int h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
