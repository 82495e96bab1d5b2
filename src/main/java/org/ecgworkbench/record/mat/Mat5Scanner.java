package org.ecgworkbench.record.mat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.ecgworkbench.record.RecordFormatException;

/**
 * Walks a MAT level 5 file byte by byte before JMatIO sees it. JMatIO trusts every declared
 * size, so this scanner checks everything JMatIO will touch: each top-level data element (tag,
 * size against the bytes present), each {@code miCOMPRESSED} element (inflated here under a cap,
 * the zlib stream must end exactly at the element's end), each matrix header (flags, dimensions,
 * name) and, for the variables the reader will ask JMatIO to parse, the whole matrix recursively
 * (dimensions × element size against the data really present, cell and struct layouts, nesting
 * depth, the memory JMatIO will allocate).
 *
 * <p>The checks mirror how JMatIO 1.0 reads (e.g. a tag is in the small format when its upper
 * 16 bits are non-zero; a matrix inside a cell or struct follows the previous one without
 * padding), so that a file passing them is read by JMatIO without surprises.
 */
final class Mat5Scanner {

    // MAT-file data types
    static final int MI_INT8 = 1;
    static final int MI_UINT8 = 2;
    static final int MI_INT16 = 3;
    static final int MI_UINT16 = 4;
    static final int MI_INT32 = 5;
    static final int MI_UINT32 = 6;
    static final int MI_SINGLE = 7;
    static final int MI_DOUBLE = 9;
    static final int MI_INT64 = 12;
    static final int MI_UINT64 = 13;
    static final int MI_MATRIX = 14;
    static final int MI_COMPRESSED = 15;
    static final int MI_UTF8 = 16;

    // MATLAB array classes
    static final int MX_CELL = 1;
    static final int MX_STRUCT = 2;
    static final int MX_CHAR = 4;
    static final int MX_DOUBLE = 6;
    static final int MX_UINT16 = 11;
    static final int MX_UINT64 = 15;

    static final int HEADER_BYTES = 128;
    /** Cap on one miCOMPRESSED element's inflated size: this many times its compressed size... */
    static final long INFLATE_RATIO = 64;
    /** ...but never less than this, so that flat (highly compressible) recordings still load. */
    static final long INFLATE_FLOOR = 16L << 20;
    /** Cap on all inflated bytes of a file together. */
    static final long MAX_INFLATED_TOTAL = 512L << 20;
    /** Cap on the memory JMatIO allocates for one numeric or char array. */
    static final long MAX_ARRAY_BYTES = 256L << 20;
    /** Cap on the memory JMatIO allocates for all parsed variables together. */
    static final long MAX_DECODED_TOTAL = 512L << 20;
    /** Cap on the elements of one cell array or struct array (× fields). */
    static final int MAX_CONTAINER_ELEMENTS = 1 << 16;
    static final int MAX_FIELDS = 4096;
    static final int MAX_FIELD_NAME_LENGTH = 4096;
    static final int MAX_DIMENSIONS = 32;
    static final int MAX_DEPTH = 16;

    /** A top-level variable as found in the file. */
    record Variable(String name, int mxClass, int[] dims, boolean complex, long byteOffset,
                    RecordFormatException problem) {

        long elementCount() {
            return Mat5Scanner.elementCount(dims);
        }

        /** e.g. "val (double 12×5000)". */
        String describe() {
            StringBuilder sb = new StringBuilder().append(name).append(" (").append(className(mxClass));
            if (complex) sb.append(" complex");
            sb.append(' ');
            for (int i = 0; i < dims.length; i++) {
                if (i > 0) sb.append('×');
                sb.append(dims[i]);
            }
            return sb.append(')').toString();
        }
    }

    /**
     * The scan's outcome. {@code problem} of a variable is set when its deep check failed: the
     * reader decides whether that variable matters.
     */
    record Result(boolean littleEndian, List<Variable> variables, long largestInflated, long decodedBytes) {
    }

    private final Path file;
    private final byte[] bytes;
    private final boolean littleEndian;
    private final Set<String> deepNames;
    private long inflatedTotal;
    private long largestInflated;
    private long decodedTotal;

    private Mat5Scanner(Path file, byte[] bytes, Set<String> deepNames) {
        this.file = file;
        this.bytes = bytes;
        this.littleEndian = bytes[126] == 'I' && bytes[127] == 'M';
        this.deepNames = deepNames;
    }

    /**
     * Scans a whole file whose 128-byte header has already been checked.
     *
     * @param deepNames variables to check completely (the ones JMatIO will be asked to parse)
     * @throws RecordFormatException when the element framing is broken anywhere in the file
     */
    static Result scan(Path file, byte[] bytes, Set<String> deepNames) throws RecordFormatException {
        Mat5Scanner scanner = new Mat5Scanner(file, bytes, deepNames);
        List<Variable> variables = scanner.scanTopLevel();
        return new Result(scanner.littleEndian, variables, scanner.largestInflated, scanner.decodedTotal);
    }

    private List<Variable> scanTopLevel() throws RecordFormatException {
        Region region = new Region(bytes, littleEndian, -1);
        List<Variable> variables = new ArrayList<>();
        int pos = HEADER_BYTES;
        while (pos < bytes.length) {
            Tag tag = tag(region, pos, bytes.length, null, "top-level data element");
            if (tag.small) {
                throw error(region, pos, null, "top-level data element in the small format (type "
                        + tag.type + ", " + tag.size + " bytes); expected miMATRIX or miCOMPRESSED");
            }
            if (tag.type == MI_MATRIX) {
                variables.add(topLevelMatrix(region, tag, pos));
            } else if (tag.type == MI_COMPRESSED) {
                variables.add(compressed(region, tag, pos));
            } else {
                throw error(region, pos, null, "unexpected top-level data element type " + tag.type
                        + "; expected miMATRIX (14) or miCOMPRESSED (15)");
            }
            pos = tag.data + (int) tag.size;
        }
        return variables;
    }

    private Variable compressed(Region fileRegion, Tag tag, int pos) throws RecordFormatException {
        int compressedSize = (int) tag.size;
        long cap = Math.min(Math.max(INFLATE_RATIO * compressedSize, INFLATE_FLOOR), MAX_INFLATED_TOTAL - inflatedTotal);
        byte[] inflated = inflate(fileRegion, tag.data, compressedSize, cap, pos);
        inflatedTotal += inflated.length;
        largestInflated = Math.max(largestInflated, inflated.length);
        Region inner = new Region(inflated, littleEndian, pos);
        Tag innerTag = tag(inner, 0, inflated.length, null, "compressed variable");
        if (innerTag.small || innerTag.type != MI_MATRIX) {
            throw error(inner, 0, null, "compressed element holds data type " + innerTag.type
                    + (innerTag.small ? " in the small format" : "") + "; expected miMATRIX (14)");
        }
        // JMatIO reads the one matrix and ignores anything after it in the inflated data.
        return topLevelMatrix(inner, innerTag, 0);
    }

    private Variable topLevelMatrix(Region region, Tag tag, int pos) throws RecordFormatException {
        if (tag.size == 0) {
            throw error(region, pos, null, "empty top-level miMATRIX element");
        }
        int start = tag.data;
        int end = tag.data + (int) tag.size;
        Header header = header(region, start, end, null);
        long offset = region.elementOffset >= 0 ? region.elementOffset : pos;
        RecordFormatException problem = null;
        if (deepNames.contains(header.name)) {
            try {
                body(region, header, end, header.name, 0);
            } catch (RecordFormatException e) {
                problem = e;
            }
        }
        return new Variable(header.name, header.mxClass, header.dims, header.complex, offset, problem);
    }

    /** Inflates a zlib stream that must end exactly at the end of the element, under a cap. */
    private byte[] inflate(Region region, int start, int length, long cap, int elementPos) throws RecordFormatException {
        if (cap <= 0) {
            throw error(region, elementPos, null, "compressed variables inflate to more than "
                    + (MAX_INFLATED_TOTAL >> 20) + " MiB in total");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes, start, length);
            int capacity = (int) Math.min(cap + 1, Math.max(4096L, Math.min(4L * length, 1L << 24)));
            byte[] out = new byte[capacity];
            int count = 0;
            while (!inflater.finished()) {
                if (count == out.length) {
                    if (count > cap) {
                        throw error(region, elementPos, null, "compressed element inflates to more than " + cap
                                + " bytes (" + length + " bytes compressed); refusing to inflate further");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(cap + 1, 2L * out.length));
                }
                int n = inflater.inflate(out, count, out.length - count);
                count += n;
                if (n == 0 && !inflater.finished()) {
                    if (inflater.needsDictionary()) {
                        throw error(region, elementPos, null, "compressed element needs a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        throw error(region, elementPos, null, "compressed data is truncated (the zlib stream"
                                + " does not end within the element's " + length + " bytes)");
                    }
                    if (count < out.length) {
                        throw error(region, elementPos, null, "compressed data makes the inflater stall");
                    }
                }
            }
            if (count > cap) {
                throw error(region, elementPos, null, "compressed element inflates to more than " + cap
                        + " bytes (" + length + " bytes compressed)");
            }
            if (inflater.getRemaining() != 0) {
                throw error(region, elementPos, null, "compressed element has " + inflater.getRemaining()
                        + " bytes after the end of its zlib stream");
            }
            return count == out.length ? out : Arrays.copyOf(out, count);
        } catch (DataFormatException e) {
            throw error(region, elementPos, null, "corrupt compressed data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Matrices

    private record Header(String name, int mxClass, boolean complex, int[] dims, int dataStart) {
    }

    /** Array flags, dimensions and name: what JMatIO reads of every matrix, wanted or not. */
    private Header header(Region r, int start, int end, String path) throws RecordFormatException {
        Tag flags = tag(r, start, end, path, "array flags");
        if (flags.small || (flags.type != MI_UINT32 && flags.type != MI_INT32) || flags.size != 8) {
            throw error(r, start, path, "array flags must be 8 bytes of miUINT32, found type " + flags.type
                    + " with " + flags.size + " bytes");
        }
        int attributes = r.i32(flags.data);
        int mxClass = attributes & 0xff;
        boolean complex = (attributes & 0x800) != 0;

        Tag dimsTag = tag(r, flags.next, end, path, "dimensions");
        if (dimsTag.type != MI_INT32 || dimsTag.size % 4 != 0 || dimsTag.size < 8
                || dimsTag.size > 4L * MAX_DIMENSIONS) {
            throw error(r, flags.next, path, "dimensions must be 2.." + MAX_DIMENSIONS
                    + " miINT32 values, found type " + dimsTag.type + " with " + dimsTag.size + " bytes");
        }
        int[] dims = new int[(int) dimsTag.size / 4];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = r.i32(dimsTag.data + 4 * i);
            if (dims[i] < 0) {
                throw error(r, flags.next, path, "negative dimension " + dims[i]);
            }
        }

        Tag nameTag = tag(r, dimsTag.next, end, path, "array name");
        if (nameTag.type != MI_INT8 && nameTag.type != MI_UINT8 && nameTag.type != MI_UTF8) {
            throw error(r, dimsTag.next, path, "array name has data type " + nameTag.type + "; expected miINT8");
        }
        String name = new String(r.bytes, nameTag.data, (int) nameTag.size, StandardCharsets.UTF_8);
        return new Header(name, mxClass, complex, dims, nameTag.next);
    }

    /** Checks the rest of a matrix after its header; it must end exactly at {@code end}. */
    private void body(Region r, Header h, int end, String path, int depth) throws RecordFormatException {
        if (depth > MAX_DEPTH) {
            throw error(r, h.dataStart, path, "cells/structs nested deeper than " + MAX_DEPTH + " levels");
        }
        long count = elementCount(h.dims);
        int pos = h.dataStart;
        switch (h.mxClass) {
            case MX_CELL -> pos = cell(r, pos, end, path, count, depth);
            case MX_STRUCT -> pos = struct(r, pos, end, path, count, depth);
            case MX_CHAR -> pos = chars(r, h, pos, end, path, count);
            default -> {
                if (h.mxClass < MX_DOUBLE || h.mxClass > MX_UINT64) {
                    throw error(r, h.dataStart, path, "MATLAB class " + className(h.mxClass) + " is not supported");
                }
                if (h.mxClass == MX_UINT16) {
                    throw error(r, h.dataStart, path, "MATLAB class uint16 is not supported by the MAT reader");
                }
                pos = numeric(r, h, pos, end, path, count);
            }
        }
        if (pos != end) {
            throw error(r, pos, path, "matrix contents end at offset " + pos + " but the element declares "
                    + (end - h.dataStart) + " more bytes up to offset " + end);
        }
    }

    private int numeric(Region r, Header h, int pos, int end, String path, long count) throws RecordFormatException {
        long allocated = count * classBytes(h.mxClass) * (h.complex ? 2 : 1);
        charge(r, pos, path, count > MAX_ARRAY_BYTES ? Long.MAX_VALUE : allocated);
        for (int part = 0; part < (h.complex ? 2 : 1); part++) {
            String what = part == 0 ? "real part" : "imaginary part";
            Tag data = tag(r, pos, end, path, what);
            int unit = storedBytes(data.type);
            if (unit == 0) {
                throw error(r, pos, path, what + " has data type " + data.type + ", not a numeric MAT type");
            }
            if (data.size != count * unit) {
                throw error(r, pos, path, what + " holds " + data.size + " bytes, but " + dimsText(h.dims)
                        + " elements of data type " + data.type + " need " + count * unit);
            }
            pos = data.next;
        }
        return pos;
    }

    private int chars(Region r, Header h, int pos, int end, String path, long count) throws RecordFormatException {
        if (h.complex) {
            throw error(r, pos, path, "complex char array");
        }
        charge(r, pos, path, count > MAX_ARRAY_BYTES ? Long.MAX_VALUE : 8 * count);
        Tag data = tag(r, pos, end, path, "characters");
        int unit = switch (data.type) {
            case MI_UINT16 -> 2;
            case MI_INT8, MI_UINT8, MI_UTF8 -> 1;
            default -> 0;
        };
        if (unit == 0) {
            throw error(r, pos, path, "characters have data type " + data.type + "; expected miUINT16 or miUTF8");
        }
        boolean fits = data.type == MI_UTF8
                ? data.size >= count && data.size <= 4 * count // UTF-8: 1..4 bytes a character
                : data.size == count * unit;
        if (!fits) {
            throw error(r, pos, path, "characters take " + data.size + " bytes, but " + dimsText(h.dims)
                    + " characters of data type " + data.type + " need " + count * unit);
        }
        return data.next;
    }

    private int cell(Region r, int pos, int end, String path, long count, int depth) throws RecordFormatException {
        if (count > MAX_CONTAINER_ELEMENTS || count * 8 > end - pos) {
            throw error(r, pos, path, "cell array of " + count + " elements does not fit in the "
                    + (end - pos) + " bytes it occupies");
        }
        charge(r, pos, path, 64 * count);
        for (int i = 0; i < count; i++) {
            pos = nested(r, pos, end, path + "{" + (i + 1) + "}", depth);
        }
        return pos;
    }

    private int struct(Region r, int pos, int end, String path, long count, int depth) throws RecordFormatException {
        Tag lengthTag = tag(r, pos, end, path, "field name length");
        if (!lengthTag.small || lengthTag.type != MI_INT32 || lengthTag.size != 4) {
            throw error(r, pos, path, "struct field name length must be one miINT32 in the small format");
        }
        int maxLength = r.i32(lengthTag.data);
        if (maxLength < 1 || maxLength > MAX_FIELD_NAME_LENGTH) {
            throw error(r, pos, path, "struct field name length " + maxLength + " is out of range 1.."
                    + MAX_FIELD_NAME_LENGTH);
        }
        pos = lengthTag.next;
        Tag namesTag = tag(r, pos, end, path, "field names");
        if ((namesTag.type != MI_INT8 && namesTag.type != MI_UINT8) || namesTag.size % maxLength != 0) {
            throw error(r, pos, path, "struct field names must be miINT8 in blocks of " + maxLength
                    + " bytes, found type " + namesTag.type + " with " + namesTag.size + " bytes");
        }
        int fieldCount = (int) (namesTag.size / maxLength);
        if (fieldCount > MAX_FIELDS) {
            throw error(r, pos, path, "struct has " + fieldCount + " fields, more than " + MAX_FIELDS);
        }
        String[] fields = new String[fieldCount];
        for (int f = 0; f < fieldCount; f++) {
            int at = namesTag.data + f * maxLength;
            int len = 0;
            while (len < maxLength && r.bytes[at + len] != 0) len++;
            fields[f] = new String(r.bytes, at, len, StandardCharsets.UTF_8);
        }
        pos = namesTag.next;
        long slots = count * fieldCount;
        if (count > MAX_CONTAINER_ELEMENTS || slots > MAX_CONTAINER_ELEMENTS || slots * 8 > end - pos) {
            throw error(r, pos, path, "struct array of " + count + " elements × " + fieldCount
                    + " fields does not fit in the " + (end - pos) + " bytes it occupies");
        }
        charge(r, pos, path, 64 * slots);
        for (long s = 0; s < slots; s++) {
            int element = (int) (s / fieldCount);
            String fieldPath = path + (count > 1 ? "(" + (element + 1) + ")" : "") + "." + fields[(int) (s % fieldCount)];
            pos = nested(r, pos, end, fieldPath, depth);
        }
        return pos;
    }

    /** A matrix inside a cell or struct: a miMATRIX tag, then (unless empty) a whole matrix. */
    private int nested(Region r, int pos, int end, String path, int depth) throws RecordFormatException {
        Tag tag = tag(r, pos, end, path, "element");
        if (tag.small || tag.type != MI_MATRIX) {
            throw error(r, pos, path, "expected a miMATRIX element, found data type " + tag.type);
        }
        if (tag.size == 0) {
            return tag.next;
        }
        int elementEnd = tag.data + (int) tag.size;
        Header header = header(r, tag.data, elementEnd, path);
        body(r, header, elementEnd, path, depth + 1);
        return elementEnd;
    }

    private void charge(Region r, int pos, String path, long allocatedBytes) throws RecordFormatException {
        if (allocatedBytes > MAX_ARRAY_BYTES) {
            throw error(r, pos, path, "array would need " + (allocatedBytes == Long.MAX_VALUE ? "too many"
                    : String.valueOf(allocatedBytes)) + " bytes in memory; the limit is " + (MAX_ARRAY_BYTES >> 20) + " MiB");
        }
        decodedTotal += allocatedBytes;
        if (decodedTotal > MAX_DECODED_TOTAL) {
            throw error(r, pos, path, "variables would need more than " + (MAX_DECODED_TOTAL >> 20) + " MiB in memory");
        }
    }

    // ---------------------------------------------------------------------------------------
    // Tags and bytes

    private record Tag(int type, long size, int data, int next, boolean small) {
    }

    /**
     * Reads a data element tag at {@code pos} and checks that the element (with its padding to
     * 8 bytes, except for miCOMPRESSED) lies within {@code end}.
     */
    private Tag tag(Region r, int pos, int end, String path, String what) throws RecordFormatException {
        if (end - pos < 8) {
            throw error(r, pos, path, what + " is truncated: a data element tag needs 8 bytes, "
                    + Math.max(0, end - pos) + " left");
        }
        int word = r.i32(pos);
        if ((word >>> 16) != 0) {
            int size = word >>> 16;
            if (size > 4) {
                throw error(r, pos, path, what + ": small data element declares " + size + " bytes (at most 4)");
            }
            return new Tag(word & 0xffff, size, pos + 4, pos + 8, true);
        }
        long size = r.i32(pos + 4) & 0xffffffffL;
        long available = end - pos - 8L;
        if (size > available) {
            throw error(r, pos, path, what + " declares " + size + " bytes but only " + available + " remain");
        }
        if (word == MI_MATRIX && size % 8 != 0) {
            throw error(r, pos, path, what + ": miMATRIX size " + size + " is not a multiple of 8");
        }
        long padded = word == MI_COMPRESSED ? size : (size + 7) & ~7L;
        if (padded > available) {
            throw error(r, pos, path, what + ": padding after " + size + " bytes runs past the end");
        }
        return new Tag(word, size, pos + 8, (int) (pos + 8 + padded), false);
    }

    private static final class Region {
        final byte[] bytes;
        final boolean littleEndian;
        /** -1 for the file itself, else the file offset of the miCOMPRESSED element inflated here. */
        final long elementOffset;

        Region(byte[] bytes, boolean littleEndian, long elementOffset) {
            this.bytes = bytes;
            this.littleEndian = littleEndian;
            this.elementOffset = elementOffset;
        }

        int i32(int p) {
            int b0 = bytes[p] & 0xff;
            int b1 = bytes[p + 1] & 0xff;
            int b2 = bytes[p + 2] & 0xff;
            int b3 = bytes[p + 3] & 0xff;
            return littleEndian ? b0 | b1 << 8 | b2 << 16 | b3 << 24 : b3 | b2 << 8 | b1 << 16 | b0 << 24;
        }

        String at(int pos) {
            return elementOffset < 0 ? "byte " + pos
                    : "byte " + pos + " of the data inflated from the element at byte " + elementOffset;
        }
    }

    private RecordFormatException error(Region r, int pos, String path, String problem) {
        String location = (path == null ? "" : "variable " + path + ", ") + r.at(pos);
        return new RecordFormatException(file, location, problem);
    }

    static long elementCount(int[] dims) {
        long n = 1;
        for (int d : dims) {
            n *= d;
            if (n > (1L << 40)) return 1L << 40; // saturate: far above every limit
        }
        return n;
    }

    static String dimsText(int[] dims) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) sb.append('×');
            sb.append(dims[i]);
        }
        return sb.toString();
    }

    /** Bytes of one element of a numeric MAT data type, 0 when the type is not numeric. */
    static int storedBytes(int miType) {
        return switch (miType) {
            case MI_INT8, MI_UINT8 -> 1;
            case MI_INT16, MI_UINT16 -> 2;
            case MI_INT32, MI_UINT32, MI_SINGLE -> 4;
            case MI_DOUBLE, MI_INT64, MI_UINT64 -> 8;
            default -> 0;
        };
    }

    /** Bytes JMatIO allocates per element of a numeric class. */
    static int classBytes(int mxClass) {
        return switch (mxClass) {
            case 8, 9 -> 1;
            case 10, 11 -> 2;
            case 7, 12, 13 -> 4;
            default -> 8;
        };
    }

    private static final Map<Integer, String> CLASS_NAMES = new HashMap<>();

    static {
        String[] names = {"unknown", "cell", "struct", "object", "char", "sparse", "double", "single", "int8",
            "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "function", "opaque"};
        for (int i = 0; i < names.length; i++) CLASS_NAMES.put(i, names[i]);
    }

    static String className(int mxClass) {
        return CLASS_NAMES.getOrDefault(mxClass, "#" + mxClass);
    }
}
