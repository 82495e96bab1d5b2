package org.ecgworkbench.record.mat;

import com.jmatio.io.MatFileFilter;
import com.jmatio.io.MatFileReader;
import com.jmatio.types.MLArray;
import com.jmatio.types.MLCell;
import com.jmatio.types.MLChar;
import com.jmatio.types.MLEmptyArray;
import com.jmatio.types.MLNumericArray;
import com.jmatio.types.MLStructure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.record.Sex;

/**
 * Reads ECG records from MATLAB level 5 MAT-files through JMatIO.
 *
 * <p>Two layouts are understood (see {@link Mat5Content}): the CPSC-2018 original struct
 * {@code ECG} (fields {@code data}, {@code age}, {@code sex}), and a numeric matrix {@code val}
 * with optional {@code fs}, {@code leads}, {@code id}, {@code age}, {@code sex} and {@code dx}
 * (what {@link Mat5Writer} writes). When a file has both, the struct wins.
 *
 * <p>Every malformed input ends in a {@link RecordFormatException} naming the file and, when
 * known, the variable or field. JMatIO trusts declared sizes, so the file is first read into
 * memory (at most {@link #MAX_FILE_BYTES}) and walked by {@link Mat5Scanner}, which bounds every
 * size by the bytes present, inflates compressed variables under a cap and checks the variables
 * to be parsed completely; only then does JMatIO parse the file, and anything it throws is
 * wrapped. The file must not change between the two reads (size, modification time and file
 * key are compared); a change is reported as an error.
 */
public final class Mat5Reader {

    /** Larger files are refused before anything is read. */
    public static final long MAX_FILE_BYTES = 256L << 20;

    static final String ECG_STRUCT = "ECG";
    static final String VAL = "val";
    static final Set<String> CPSC_VARIABLES = Set.of(ECG_STRUCT);
    static final Set<String> VAL_VARIABLES = Set.of(VAL, "fs", "leads", "id", "age", "sex", "dx");

    private static final String HEADER_TEXT = "MATLAB 5.0 MAT-file";
    private static final Set<String> ALL_VARIABLES;

    static {
        Set<String> all = new LinkedHashSet<>(CPSC_VARIABLES);
        all.addAll(VAL_VARIABLES);
        ALL_VARIABLES = Set.copyOf(all);
    }

    private Mat5Reader() {
    }

    /**
     * True when {@code firstBytes} start with a MAT level 5 header: descriptive text beginning
     * "MATLAB 5.0 MAT-file", version 0x0100 and endian indicator "IM" or "MI" at bytes 124–127.
     */
    public static boolean isMat5(byte[] firstBytes) {
        if (firstBytes == null || firstBytes.length < Mat5Scanner.HEADER_BYTES) return false;
        for (int i = 0; i < HEADER_TEXT.length(); i++) {
            if (firstBytes[i] != HEADER_TEXT.charAt(i)) return false;
        }
        byte v0 = firstBytes[124];
        byte v1 = firstBytes[125];
        byte e0 = firstBytes[126];
        byte e1 = firstBytes[127];
        if (e0 == 'I' && e1 == 'M') return v0 == 0x00 && v1 == 0x01; // little-endian 0x0100
        if (e0 == 'M' && e1 == 'I') return v0 == 0x01 && v1 == 0x00; // big-endian 0x0100
        return false;
    }

    /**
     * Reads an ECG from a MAT level 5 file.
     *
     * @return a {@link Mat5Content.CpscEcg} for the CPSC-2018 struct, else a {@link Mat5Content.Signals}
     * @throws RecordFormatException for any unreadable, malformed or unexpected content
     */
    public static Mat5Content read(Path file) throws RecordFormatException {
        Objects.requireNonNull(file, "file");
        BasicFileAttributes before = attributes(file);
        byte[] bytes = readBounded(file, before);
        checkHeader(file, bytes);

        Mat5Scanner.Result scan = Mat5Scanner.scan(file, bytes, ALL_VARIABLES);
        List<Mat5Scanner.Variable> variables = scan.variables();
        Mat5Scanner.Variable ecg = first(variables, ECG_STRUCT);
        Mat5Scanner.Variable val = first(variables, VAL);
        boolean cpsc = ecg != null && ecg.mxClass() == Mat5Scanner.MX_STRUCT;
        if (!cpsc && val == null) {
            if (ecg != null) {
                throw new RecordFormatException(file, "variable " + ECG_STRUCT, "is " + ecg.describe()
                        + "; expected a struct with fields data, age and sex (CPSC-2018)");
            }
            throw new RecordFormatException(file, null, "no ECG found: the file holds "
                    + (variables.isEmpty() ? "no variables" : "the variables " + variables.stream()
                    .map(Mat5Scanner.Variable::describe).collect(Collectors.joining(", ")))
                    + "; expected a struct 'ECG' with fields data, age, sex (CPSC-2018) or a numeric matrix"
                    + " 'val' (rows = signals) with optional 'fs' and 'leads'");
        }
        Set<String> wanted = cpsc ? CPSC_VARIABLES : VAL_VARIABLES;
        for (Mat5Scanner.Variable v : variables) {
            if (wanted.contains(v.name()) && v.problem() != null) throw v.problem();
        }
        checkHeap(file, bytes.length, scan);
        bytes = null; // let it go before JMatIO reads its own copy

        Map<String, MLArray> content = parse(file, wanted);
        if (!sameFile(before, attributes(file))) {
            throw new RecordFormatException(file, null, "the file changed while it was being read");
        }
        return cpsc ? cpscEcg(file, content) : signals(file, content);
    }

    // -------------------------------------------------------------------------------------------
    // Reading and checking the raw file

    private static BasicFileAttributes attributes(Path file) throws RecordFormatException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | RuntimeException e) {
            throw new RecordFormatException(file, null, "cannot read file: " + e, e);
        }
    }

    private static boolean sameFile(BasicFileAttributes a, BasicFileAttributes b) {
        return a.size() == b.size() && a.lastModifiedTime().equals(b.lastModifiedTime())
                && Objects.equals(a.fileKey(), b.fileKey());
    }

    private static byte[] readBounded(Path file, BasicFileAttributes attributes) throws RecordFormatException {
        if (!attributes.isRegularFile()) {
            throw new RecordFormatException(file, null, "not a regular file");
        }
        if (attributes.size() > MAX_FILE_BYTES) {
            throw new RecordFormatException(file, null, "file of " + attributes.size() + " bytes is larger than the "
                    + (MAX_FILE_BYTES >> 20) + " MiB a MAT record may have");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            throw new RecordFormatException(file, null, "cannot read file: " + e, e);
        }
        if (bytes.length != attributes.size()) {
            throw new RecordFormatException(file, null, "the file changed while it was being read");
        }
        return bytes;
    }

    private static void checkHeader(Path file, byte[] bytes) throws RecordFormatException {
        if (bytes.length == 0) {
            throw new RecordFormatException(file, null, "empty file");
        }
        if (isMat5(bytes)) return;
        if (looksLikeMat4(bytes)) {
            throw new RecordFormatException(file, null, "a MATLAB level 4 MAT-file, not level 5");
        }
        String text = new String(bytes, 0, Math.min(bytes.length, 116), StandardCharsets.ISO_8859_1);
        if (text.startsWith("MATLAB 7.3 MAT-file")) {
            throw new RecordFormatException(file, null, "a MAT v7.3 (HDF5) file; save it with -v7 or -v6 instead");
        }
        if (bytes.length < Mat5Scanner.HEADER_BYTES) {
            throw new RecordFormatException(file, null, "only " + bytes.length
                    + " bytes; a MAT level 5 header alone takes " + Mat5Scanner.HEADER_BYTES);
        }
        if (!text.startsWith(HEADER_TEXT)) {
            throw new RecordFormatException(file, "byte 0", "not a MAT level 5 file: the header does not start with '"
                    + HEADER_TEXT + "'");
        }
        throw new RecordFormatException(file, "byte 124", String.format(
                "unsupported MAT header: version bytes %02x %02x, endian indicator bytes %02x %02x"
                        + " (expected version 0x0100 with 'IM' or 'MI')",
                bytes[124], bytes[125], bytes[126], bytes[127]));
    }

    /** A level 4 header: type MOPT (M 0..4, O 0, P 0..5, T 0..2), rows, columns, imagf, name length. */
    private static boolean looksLikeMat4(byte[] b) {
        if (b.length < 20) return false;
        for (boolean little : new boolean[] {true, false}) {
            int type = int32(b, 0, little);
            int rows = int32(b, 4, little);
            int cols = int32(b, 8, little);
            int imagf = int32(b, 12, little);
            int nameLength = int32(b, 16, little);
            int m = type / 1000;
            int o = type / 100 % 10;
            int p = type / 10 % 10;
            int t = type % 10;
            if (type >= 0 && m <= 4 && o == 0 && p <= 5 && t <= 2 && rows >= 0 && cols >= 0
                    && (imagf == 0 || imagf == 1) && nameLength >= 1 && nameLength <= 4096) {
                return true;
            }
        }
        return false;
    }

    private static int int32(byte[] b, int p, boolean little) {
        int b0 = b[p] & 0xff;
        int b1 = b[p + 1] & 0xff;
        int b2 = b[p + 2] & 0xff;
        int b3 = b[p + 3] & 0xff;
        return little ? b0 | b1 << 8 | b2 << 16 | b3 << 24 : b3 | b2 << 8 | b1 << 16 | b0 << 24;
    }

    private static Mat5Scanner.Variable first(List<Mat5Scanner.Variable> variables, String name) {
        for (Mat5Scanner.Variable v : variables) {
            if (v.name().equals(name)) return v;
        }
        return null;
    }

    /**
     * JMatIO holds the whole file, the inflated bytes of one compressed variable (more while its
     * output buffer grows) and the parsed arrays; this keeps that well inside the heap.
     */
    private static void checkHeap(Path file, long fileBytes, Mat5Scanner.Result scan) throws RecordFormatException {
        long need = 2 * fileBytes + 3 * scan.largestInflated() + 2 * scan.decodedBytes();
        long max = Runtime.getRuntime().maxMemory();
        if (need > max / 2) {
            throw new RecordFormatException(file, null, "reading this file needs about " + (need >> 20)
                    + " MiB of memory; the Java heap allows " + (max >> 20) + " MiB");
        }
    }

    private static Map<String, MLArray> parse(Path file, Set<String> names) throws RecordFormatException {
        try {
            MatFileFilter filter = new MatFileFilter(names.toArray(new String[0]));
            return new MatFileReader().read(file.toFile(), filter, MatFileReader.HEAP_BYTE_BUFFER);
        } catch (IOException e) {
            throw new RecordFormatException(file, null, "MAT parser failed: " + e, e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw new RecordFormatException(file, null, "MAT parser failed: " + e, e);
        }
    }

    // -------------------------------------------------------------------------------------------
    // From JMatIO arrays to records

    private static Mat5Content.CpscEcg cpscEcg(Path file, Map<String, MLArray> content) throws RecordFormatException {
        MLArray array = content.get(ECG_STRUCT);
        if (!(array instanceof MLStructure struct)) {
            throw new RecordFormatException(file, "variable " + ECG_STRUCT, "was not parsed as a struct");
        }
        long elements = Mat5Scanner.elementCount(struct.getDimensions());
        if (elements != 1) {
            throw new RecordFormatException(file, "variable " + ECG_STRUCT, "is a struct array of " + elements
                    + " elements; expected a single struct");
        }
        Collection<String> fields = struct.getFieldNames();
        MLArray data = fields.contains("data") ? struct.getField("data") : null;
        if (isAbsent(data)) {
            throw new RecordFormatException(file, "variable " + ECG_STRUCT, "has no field 'data' (its fields: "
                    + String.join(", ", fields) + ")");
        }
        double[][] rows = matrix(file, data, ECG_STRUCT + ".data");
        float[][] leads = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            leads[r] = new float[rows[r].length];
            for (int i = 0; i < rows[r].length; i++) {
                float f = (float) rows[r][i];
                if (!Float.isFinite(f)) {
                    throw new RecordFormatException(file, "variable " + ECG_STRUCT + ".data",
                            "value " + rows[r][i] + " at row " + (r + 1) + ", column " + (i + 1) + " is out of range");
                }
                leads[r][i] = f;
            }
        }
        OptionalDouble age = fields.contains("age") ? age(file, struct.getField("age"), ECG_STRUCT + ".age")
                : OptionalDouble.empty();
        Optional<Sex> sex = fields.contains("sex") ? sex(file, struct.getField("sex"), ECG_STRUCT + ".sex")
                : Optional.empty();
        return new Mat5Content.CpscEcg(leads, age, sex);
    }

    private static Mat5Content.Signals signals(Path file, Map<String, MLArray> content) throws RecordFormatException {
        MLArray val = content.get(VAL);
        if (isAbsent(val)) {
            throw new RecordFormatException(file, "variable " + VAL, "is empty");
        }
        double[][] rows = matrix(file, val, VAL);

        OptionalDouble fs = scalar(file, content.get("fs"), "fs");
        if (fs.isPresent() && !(Double.isFinite(fs.getAsDouble()) && fs.getAsDouble() > 0)) {
            throw new RecordFormatException(file, "variable fs", "sampling frequency " + fs.getAsDouble()
                    + " is not a finite positive number");
        }
        List<String> leads = isAbsent(content.get("leads")) ? List.of() : texts(file, content.get("leads"), "leads");
        if (!leads.isEmpty() && leads.size() != rows.length) {
            throw new RecordFormatException(file, "variable leads", leads.size() + " lead names for "
                    + rows.length + " rows of val");
        }
        Optional<String> id = isAbsent(content.get("id")) ? Optional.empty()
                : Optional.of(text(file, content.get("id"), "id"));
        OptionalDouble age = age(file, content.get("age"), "age");
        Optional<Sex> sex = sex(file, content.get("sex"), "sex");
        List<String> dx = isAbsent(content.get("dx")) ? List.of() : texts(file, content.get("dx"), "dx");
        return new Mat5Content.Signals(rows, fs, leads, id, age, sex, dx);
    }

    private static boolean isAbsent(MLArray a) {
        return a == null || a instanceof MLEmptyArray || Mat5Scanner.elementCount(a.getDimensions()) == 0;
    }

    private static OptionalDouble age(Path file, MLArray a, String path) throws RecordFormatException {
        OptionalDouble age = scalar(file, a, path);
        if (age.isEmpty() || Double.isNaN(age.getAsDouble())) return OptionalDouble.empty();
        if (!(Double.isFinite(age.getAsDouble()) && age.getAsDouble() >= 0)) {
            throw new RecordFormatException(file, "variable " + path, "age " + age.getAsDouble() + " is not valid");
        }
        return age;
    }

    private static Optional<Sex> sex(Path file, MLArray a, String path) throws RecordFormatException {
        return isAbsent(a) ? Optional.empty() : Sex.parse(text(file, a, path));
    }

    /** A numeric scalar, or empty when the variable is absent or empty. */
    private static OptionalDouble scalar(Path file, MLArray a, String path) throws RecordFormatException {
        if (isAbsent(a)) return OptionalDouble.empty();
        Values values = values(file, a, path);
        if (values.count != 1) {
            throw new RecordFormatException(file, "variable " + path, "is " + describe(a) + "; expected a scalar");
        }
        return OptionalDouble.of(values.at(0));
    }

    /** A 2-D numeric matrix, rows = signals, with 1..4096 rows, at least one column and finite values. */
    private static double[][] matrix(Path file, MLArray a, String path) throws RecordFormatException {
        int[] dims = a.getDimensions();
        if (dims == null || dims.length != 2) {
            throw new RecordFormatException(file, "variable " + path, "is " + describe(a) + "; expected a 2-D matrix");
        }
        int m = dims[0];
        int n = dims[1];
        if (m < 1 || m > Mat5Content.MAX_SIGNALS) {
            throw new RecordFormatException(file, "variable " + path, "has " + m + " rows; expected 1.."
                    + Mat5Content.MAX_SIGNALS + " signals");
        }
        if (n < 1) {
            throw new RecordFormatException(file, "variable " + path, "has no samples (" + describe(a) + ")");
        }
        Values values = values(file, a, path);
        double[][] rows = new double[m][n];
        for (int c = 0; c < n; c++) {
            int base = c * m;
            for (int r = 0; r < m; r++) {
                double v = values.at(base + r);
                if (!Double.isFinite(v)) {
                    throw new RecordFormatException(file, "variable " + path, "value at row " + (r + 1) + ", column "
                            + (c + 1) + " is " + v + "; ECG data must be finite");
                }
                rows[r][c] = v;
            }
        }
        return rows;
    }

    /** Column-major access to a real numeric array's values, whatever its class. */
    private static final class Values {
        private final ByteBuffer buffer;
        private final int mxClass;
        private final int width;
        final int count;

        Values(ByteBuffer buffer, int mxClass, int count) {
            this.buffer = buffer;
            this.mxClass = mxClass;
            this.width = Mat5Scanner.classBytes(mxClass);
            this.count = count;
        }

        double at(int i) {
            int p = i * width;
            return switch (mxClass) {
                case MLArray.mxDOUBLE_CLASS -> buffer.getDouble(p);
                case MLArray.mxSINGLE_CLASS -> buffer.getFloat(p);
                case MLArray.mxINT8_CLASS -> buffer.get(p);
                case MLArray.mxUINT8_CLASS -> buffer.get(p) & 0xff;
                case MLArray.mxINT16_CLASS -> buffer.getShort(p);
                case MLArray.mxINT32_CLASS -> buffer.getInt(p);
                case MLArray.mxUINT32_CLASS -> buffer.getInt(p) & 0xffffffffL;
                case MLArray.mxINT64_CLASS -> buffer.getLong(p);
                default -> unsignedToDouble(buffer.getLong(p)); // uint64
            };
        }

        private static double unsignedToDouble(long v) {
            double d = (double) (v >>> 1) * 2.0;
            return d + (v & 1);
        }
    }

    private static Values values(Path file, MLArray a, String path) throws RecordFormatException {
        int type = a.getType();
        boolean numeric = type >= MLArray.mxDOUBLE_CLASS && type <= MLArray.mxUINT64_CLASS
                && type != MLArray.mxUINT16_CLASS;
        if (!numeric || !(a instanceof MLNumericArray<?> array) || a.isSparse()) {
            throw new RecordFormatException(file, "variable " + path, "is " + describe(a) + "; expected a numeric array");
        }
        if (a.isComplex()) {
            throw new RecordFormatException(file, "variable " + path, "holds complex values");
        }
        long count = Mat5Scanner.elementCount(a.getDimensions());
        ByteBuffer buffer = array.getRealByteBuffer();
        if (buffer == null || count > Integer.MAX_VALUE
                || buffer.capacity() < count * Mat5Scanner.classBytes(type)) {
            throw new RecordFormatException(file, "variable " + path, "was not parsed completely");
        }
        return new Values(buffer, type, (int) count);
    }

    /** One line of text from a char array (empty for an empty array). */
    private static String text(Path file, MLArray a, String path) throws RecordFormatException {
        List<String> lines = charRows(file, a, path);
        if (lines.size() > 1) {
            throw new RecordFormatException(file, "variable " + path, "is " + describe(a) + "; expected one line of text");
        }
        return lines.isEmpty() ? "" : lines.get(0);
    }

    /** Strings from a cell array of char arrays, a char matrix (one per row) or integral numbers. */
    private static List<String> texts(Path file, MLArray a, String path) throws RecordFormatException {
        if (a instanceof MLCell cell) {
            List<String> out = new ArrayList<>();
            long count = Mat5Scanner.elementCount(cell.getDimensions());
            for (int i = 0; i < count; i++) {
                MLArray element = cell.get(i);
                String elementPath = path + "{" + (i + 1) + "}";
                out.add(isAbsent(element) ? "" : text(file, element, elementPath));
            }
            return out;
        }
        if (a instanceof MLChar) {
            return charRows(file, a, path);
        }
        Values values = values(file, a, path);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.count; i++) {
            double v = values.at(i);
            if (v != Math.rint(v) || Math.abs(v) > 1e15) {
                throw new RecordFormatException(file, "variable " + path, "value " + v + " is not a whole-number code");
            }
            out.add(Long.toString((long) v));
        }
        return out;
    }

    /** The rows of a 2-D char array, trailing padding removed. */
    private static List<String> charRows(Path file, MLArray a, String path) throws RecordFormatException {
        if (!(a instanceof MLChar chars)) {
            throw new RecordFormatException(file, "variable " + path, "is " + describe(a) + "; expected text");
        }
        int[] dims = a.getDimensions();
        if (dims == null || dims.length != 2) {
            throw new RecordFormatException(file, "variable " + path, "is " + describe(a) + "; expected 2-D text");
        }
        List<String> rows = new ArrayList<>();
        for (int m = 0; m < dims[0]; m++) {
            StringBuilder sb = new StringBuilder(dims[1]);
            for (int n = 0; n < dims[1]; n++) {
                Character c = chars.getChar(m, n);
                if (c == null) {
                    throw new RecordFormatException(file, "variable " + path, "holds characters that could not be decoded");
                }
                sb.append(c.charValue());
            }
            rows.add(sb.toString().trim());
        }
        return rows;
    }

    private static String describe(MLArray a) {
        return Mat5Scanner.className(a.getType()) + " " + Mat5Scanner.dimsText(a.getDimensions());
    }
}
