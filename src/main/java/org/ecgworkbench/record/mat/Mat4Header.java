package org.ecgworkbench.record.mat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ecgworkbench.record.RecordFormatException;

/**
 * The header of the first matrix in a MATLAB level 4 file: five 32-bit integers
 * (type {@code MOPT}, rows, columns, imaginary flag, name length) and the name.
 * The challenge's {@code .mat} files hold one int16 matrix {@code val}, signals × samples,
 * column-major, so its data are WFDB format 16 frames at byte offset 24.
 *
 * @param bigEndian  M digit of the type: 0 little-endian, 1 big-endian
 * @param precision  P digit: 0 double, 1 single, 2 int32, 3 int16, 4 uint16, 5 uint8
 * @param rows       matrix rows
 * @param cols       matrix columns
 * @param name       variable name
 * @param dataOffset byte offset of the first element
 */
public record Mat4Header(boolean bigEndian, int precision, int rows, int cols, String name, long dataOffset) {

    private static final int FIXED_BYTES = 20;
    private static final int MAX_NAME = 64;

    /** Bytes per element for each precision digit. */
    public int elementBytes() {
        return switch (precision) {
            case 0 -> 8;
            case 1, 2 -> 4;
            case 3, 4 -> 2;
            default -> 1;
        };
    }

    /** Whether the first bytes look like a level 4 file (a MAT v5 file starts with text instead). */
    public static boolean looksLikeMat4(byte[] head) {
        if (head.length < FIXED_BYTES) return false;
        return typeIsValid(ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(0))
                || typeIsValid(ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN).getInt(0));
    }

    /**
     * Parses and checks the header against the file size.
     *
     * @param head     the first bytes of the file (at least 20 + name length when available)
     * @param fileSize the file's size, to check that the declared matrix fits
     */
    public static Mat4Header parse(Path file, byte[] head, long fileSize) throws RecordFormatException {
        if (head.length < FIXED_BYTES) {
            throw new RecordFormatException(file, "MAT v4 header", "file too short (" + head.length + " bytes) for a MAT v4 header");
        }
        ByteBuffer bb = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int type = bb.getInt(0);
        if (!typeIsValid(type) || type / 1000 != 0) {
            bb.order(ByteOrder.BIG_ENDIAN);
            type = bb.getInt(0);
            if (!typeIsValid(type) || type / 1000 != 1) {
                throw new RecordFormatException(file, "MAT v4 header, type", "not a MATLAB level 4 numeric matrix (type " + type + ")");
            }
        }
        int precision = type / 10 % 10;
        int rows = bb.getInt(4);
        int cols = bb.getInt(8);
        int imagf = bb.getInt(12);
        int namlen = bb.getInt(16);
        if (rows < 0 || cols < 0) {
            throw new RecordFormatException(file, "MAT v4 header, dimensions", rows + " × " + cols + " is not a matrix size");
        }
        if (imagf != 0) {
            throw new RecordFormatException(file, "MAT v4 header, imagf", "complex matrices are not ECG samples");
        }
        if (namlen < 1 || namlen > MAX_NAME || FIXED_BYTES + namlen > head.length) {
            throw new RecordFormatException(file, "MAT v4 header, name length", namlen + " is not a variable name length");
        }
        int end = FIXED_BYTES;
        while (end < FIXED_BYTES + namlen && head[end] != 0) end++;
        String name = new String(head, FIXED_BYTES, end - FIXED_BYTES, StandardCharsets.US_ASCII);
        Mat4Header h = new Mat4Header(bb.order() == ByteOrder.BIG_ENDIAN, precision, rows, cols, name, FIXED_BYTES + namlen);
        // rows × cols × 8 can exceed a long (2^31 · 2^31 · 8 = 2^65), and an overflowed size would pass the check.
        long needed;
        try {
            needed = Math.addExact(h.dataOffset, Math.multiplyExact(Math.multiplyExact((long) rows, (long) cols), h.elementBytes()));
        } catch (ArithmeticException overflow) {
            needed = Long.MAX_VALUE;
        }
        if (needed > fileSize) {
            throw new RecordFormatException(file, "MAT v4 header, dimensions",
                    "matrix '" + name + "' " + rows + " × " + cols + " needs " + needed + " bytes but the file has " + fileSize);
        }
        return h;
    }

    /** {@code MOPT}: M in {0,1} (byte order), O = 0, P in 0..5, T = 0 (full numeric matrix). */
    private static boolean typeIsValid(int type) {
        if (type < 0 || type > 1059) return false;
        int m = type / 1000;
        int o = type / 100 % 10;
        int p = type / 10 % 10;
        int t = type % 10;
        return m <= 1 && o == 0 && p <= 5 && t == 0;
    }
}
