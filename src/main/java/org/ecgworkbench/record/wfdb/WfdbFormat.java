package org.ecgworkbench.record.wfdb;

import java.util.Arrays;
import java.util.Optional;
import org.ecgworkbench.record.mat.Mat4Header;

/**
 * WFDB sample storage formats (signal(5)): how a stream of integer samples is packed into
 * bytes. Samples of the signals sharing a file are interleaved frame by frame; the codec
 * sees only that flat stream.
 */
public enum WfdbFormat {
    /** 16-bit two's complement, little-endian. */
    F16(16, 16, -32768, 32767),
    /** 16-bit two's complement, big-endian. */
    F61(61, 16, -32768, 32767),
    /** 8-bit offset binary: stored byte minus 128. */
    F80(80, 8, -128, 127),
    /** 16-bit offset binary, little-endian: stored value minus 32768. */
    F160(160, 16, -32768, 32767),
    /** 12-bit two's complement, two samples packed in three bytes. */
    F212(212, 12, -2048, 2047),
    /** 24-bit two's complement, little-endian. */
    F24(24, 24, -(1 << 23), (1 << 23) - 1),
    /** 32-bit two's complement, little-endian. */
    F32(32, 32, Integer.MIN_VALUE, Integer.MAX_VALUE);

    private final int code;
    private final int bits;
    private final int min;
    private final int max;

    WfdbFormat(int code, int bits, int min, int max) {
        this.code = code;
        this.bits = bits;
        this.min = min;
        this.max = max;
    }

    public int code() {
        return code;
    }

    public int bitsPerSample() {
        return bits;
    }

    public int minValue() {
        return min;
    }

    public int maxValue() {
        return max;
    }

    public static Optional<WfdbFormat> of(int code) {
        return Arrays.stream(values()).filter(f -> f.code == code).findFirst();
    }

    /**
     * The format whose sample stream equals a MAT v4 matrix's data, if any: the challenge's {@code .mat}
     * files hold int16 matrices, which are format 16 (or 61 when big-endian).
     */
    public static Optional<WfdbFormat> ofMat4(Mat4Header mat) {
        if (mat.precision() == 3) return Optional.of(mat.bigEndian() ? F61 : F16);
        if (mat.precision() == 2 && !mat.bigEndian()) return Optional.of(F32);
        return Optional.empty();
    }

    /** Bytes that hold {@code samples} samples (for 212 an odd last sample takes two bytes). */
    public long bytesFor(long samples) {
        if (this == F212) return samples / 2 * 3 + (samples % 2) * 2;
        return samples * (bits / 8);
    }

    /** How many whole samples {@code bytes} bytes hold. */
    public long samplesIn(long bytes) {
        if (this == F212) return bytes / 3 * 2 + (bytes % 3 >= 2 ? 1 : 0);
        return bytes / (bits / 8);
    }

    /**
     * Decodes {@code frames} frames of {@code signals} interleaved samples starting at {@code offset}.
     * The caller guarantees {@code data} holds {@link #bytesFor} bytes of them.
     *
     * @return samples per signal: {@code [signal][frame]}
     */
    public int[][] decode(byte[] data, int offset, int signals, int frames) {
        int[][] out = new int[signals][frames];
        long total = (long) signals * frames;
        int p = offset;
        if (this == F212) {
            for (long i = 0; i < total; i += 2) {
                int b0 = data[p] & 0xFF;
                int b1 = data[p + 1] & 0xFF;
                put(out, signals, i, signExtend(((b1 & 0x0F) << 8) | b0, 12));
                if (i + 1 < total) {
                    int b2 = data[p + 2] & 0xFF;
                    put(out, signals, i + 1, signExtend(((b1 & 0xF0) << 4) | b2, 12));
                }
                p += 3;
            }
            return out;
        }
        for (int f = 0; f < frames; f++) {
            for (int s = 0; s < signals; s++) {
                out[s][f] = switch (this) {
                    case F16 -> (short) ((data[p] & 0xFF) | (data[p + 1] << 8));
                    case F61 -> (short) ((data[p + 1] & 0xFF) | (data[p] << 8));
                    case F80 -> (data[p] & 0xFF) - 128;
                    case F160 -> ((data[p] & 0xFF) | ((data[p + 1] & 0xFF) << 8)) - 32768;
                    case F24 -> signExtend((data[p] & 0xFF) | ((data[p + 1] & 0xFF) << 8) | ((data[p + 2] & 0xFF) << 16), 24);
                    case F32 -> (data[p] & 0xFF) | ((data[p + 1] & 0xFF) << 8) | ((data[p + 2] & 0xFF) << 16) | (data[p + 3] << 24);
                    case F212 -> throw new AssertionError("handled above");
                };
                p += bits / 8;
            }
        }
        return out;
    }

    /**
     * Encodes {@code [signal][frame]} samples, interleaved frame by frame.
     *
     * @throws IllegalArgumentException when a sample does not fit this format
     */
    public byte[] encode(int[][] samples) {
        int signals = samples.length;
        int frames = signals == 0 ? 0 : samples[0].length;
        long total = (long) signals * frames;
        byte[] out = new byte[Math.toIntExact(bytesFor(total))];
        int p = 0;
        for (long i = 0; i < total; i++) {
            int v = samples[(int) (i % signals)][(int) (i / signals)];
            if (v < min || v > max) {
                throw new IllegalArgumentException("sample " + v + " does not fit format " + code + " [" + min + ", " + max + "]");
            }
            switch (this) {
                case F16 -> { out[p++] = (byte) v; out[p++] = (byte) (v >> 8); }
                case F61 -> { out[p++] = (byte) (v >> 8); out[p++] = (byte) v; }
                case F80 -> out[p++] = (byte) (v + 128);
                case F160 -> { int u = v + 32768; out[p++] = (byte) u; out[p++] = (byte) (u >> 8); }
                case F24 -> { out[p++] = (byte) v; out[p++] = (byte) (v >> 8); out[p++] = (byte) (v >> 16); }
                case F32 -> { out[p++] = (byte) v; out[p++] = (byte) (v >> 8); out[p++] = (byte) (v >> 16); out[p++] = (byte) (v >> 24); }
                case F212 -> {
                    if (i % 2 == 0) {
                        out[p] = (byte) v;
                        out[p + 1] = (byte) ((v >> 8) & 0x0F);
                    } else {
                        out[p + 1] |= (byte) ((v >> 4) & 0xF0);
                        out[p + 2] = (byte) v;
                        p += 3;
                    }
                }
            }
        }
        return out;
    }

    private static void put(int[][] out, int signals, long index, int value) {
        out[(int) (index % signals)][(int) (index / signals)] = value;
    }

    private static int signExtend(int value, int bits) {
        int shift = 32 - bits;
        return (value << shift) >> shift;
    }
}
