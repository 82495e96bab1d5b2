package org.ecgworkbench.record.mat;

import com.jmatio.io.MatFileWriter;
import com.jmatio.types.MLArray;
import com.jmatio.types.MLCell;
import com.jmatio.types.MLChar;
import com.jmatio.types.MLDouble;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.Sex;

/**
 * Writes an ECG as a MATLAB level 5 MAT-file through JMatIO (every variable compressed):
 * <ul>
 *   <li>{@code val}: double, signals × samples, in physical units (mV);</li>
 *   <li>{@code fs}: double scalar, Hz (when known);</li>
 *   <li>{@code leads}: cell array (n×1) of lead names (when known);</li>
 *   <li>{@code id}: char, {@code age}: double scalar, {@code sex}: char "Male"/"Female" (when known);</li>
 *   <li>{@code dx}: cell array (k×1) of diagnosis codes as text (when there are any).</li>
 * </ul>
 * {@link Mat5Reader#read} reads it back as an equal {@link Mat5Content.Signals}; scipy's
 * {@code loadmat} reads it too.
 *
 * <p>The file is written to a temporary file in the target's directory, flushed to disk, and
 * then moved onto the target, so that readers never see a half-written record.
 */
public final class Mat5Writer {

    private static final int MI_INT8 = 1;
    private static final int MI_INT32 = 5;
    private static final int MI_UINT32 = 6;
    private static final int MI_DOUBLE = 9;
    private static final int MI_MATRIX = 14;
    private static final int MX_DOUBLE_CLASS = 6;
    /** Bytes of samples buffered between writes (a multiple of 8; at least one column of any width). */
    private static final int CHUNK_BYTES = 1 << 20;

    private Mat5Writer() {
    }

    /** About the file's size: 8-byte doubles, leads × samples, and the small fields (for the disk check). */
    public static long estimatedBytes(EcgRecord record) {
        return 4096 + (long) record.samples() * record.leads().size() * Double.BYTES;
    }

    /**
     * Writes a record's physical values (mV) with its rate, lead names, id, age, sex and diagnoses. The
     * samples go straight from the record's float leads to the file, a chunk at a time: no double copy.
     */
    public static void write(Path target, EcgRecord record, boolean replaceExisting) throws IOException {
        List<float[]> leads = record.leads().stream().map(Lead::millivolts).toList();
        List<String> names = record.leads().stream().map(Lead::name).toList();
        String id = record.id().trim();
        write(target, new MatrixSource(leads.size(), record.samples(), (lead, sample) -> leads.get(lead)[sample]),
                smallArrays(OptionalDouble.of(record.fs()), names, id.isEmpty() ? Optional.empty() : Optional.of(id),
                        record.age(), record.sex(), record.dx()), replaceExisting);
    }

    /**
     * Writes {@code signals} to {@code target}.
     *
     * @param replaceExisting when true an existing target is replaced (atomically where the file
     *                        system allows; the replacement keeps the old file's POSIX permissions);
     *                        when false an existing target is left alone and
     *                        {@link FileAlreadyExistsException} is thrown
     * @throws FileAlreadyExistsException when the target exists and {@code replaceExisting} is false
     * @throws IOException                when writing fails; the target is then unchanged
     */
    public static void write(Path target, Mat5Content.Signals signals, boolean replaceExisting) throws IOException {
        Objects.requireNonNull(signals, "signals");
        write(target, new MatrixSource(signals.signalCount(), signals.sampleCount(), signals::value),
                smallArrays(signals.fs(), signals.leadNames(), signals.id(), signals.age(), signals.sex(), signals.dx()),
                replaceExisting);
    }

    /** The {@code val} matrix, read one element at a time as it is streamed out. */
    private record MatrixSource(int rows, int cols, Element element) {
        interface Element {
            double at(int row, int col);
        }
    }

    private static void write(Path target, MatrixSource val, List<MLArray> arrays, boolean replaceExisting) throws IOException {
        Objects.requireNonNull(target, "target");
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || absolute.getFileName() == null) {
            throw new IOException("not a file path: " + target);
        }
        if (!replaceExisting && Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        AtomicFiles.writeFile(target, replaceExisting, temporary -> {
            try {
                writeFile(temporary, val, arrays);
            } catch (RuntimeException e) {
                throw new IOException("MAT writer failed for " + target + ": " + e, e);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        });
    }

    /**
     * The header and the small variables as JMatIO writes them (each compressed on its own), with
     * {@code val} first as one uncompressed miDOUBLE matrix streamed column by column in chunks, so that a
     * long record never needs a second copy of its samples (a MAT v5 file is a header and a sequence of
     * independent data elements).
     */
    private static void writeFile(Path file, MatrixSource val, List<MLArray> small) throws IOException {
        ByteArrayOutputStream jmatio = new ByteArrayOutputStream();
        new MatFileWriter(Channels.newChannel(jmatio), small);
        byte[] bytes = jmatio.toByteArray();
        ByteOrder order = bytes[126] == 'M' && bytes[127] == 'I' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long elements = (long) val.rows() * val.cols();
        long payload = elements * Double.BYTES;
        long matrixBytes = 16 + 16 + 8 + 8 + payload; // flags, dimensions, name "val", real-part tag, data
        if (matrixBytes > 0xFFFF_FFFFL) throw new IOException("val has " + elements + " values, more than a MAT v5 matrix holds");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(bytes, 0, 128));
            ByteBuffer head = ByteBuffer.allocate(8 + 48).order(order);
            head.putInt(MI_MATRIX).putInt((int) matrixBytes);
            head.putInt(MI_UINT32).putInt(8).putInt(MX_DOUBLE_CLASS).putInt(0);
            head.putInt(MI_INT32).putInt(8).putInt(val.rows()).putInt(val.cols());
            head.putInt((3 << 16) | MI_INT8).put((byte) 'v').put((byte) 'a').put((byte) 'l').put((byte) 0);
            head.putInt(MI_DOUBLE).putInt((int) payload);
            writeFully(out, head.flip());
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(order);
            for (int c = 0; c < val.cols(); c++) { // column-major: every row of a column, then the next column
                if (chunk.remaining() < val.rows() * Double.BYTES) writeFully(out, chunk.flip()).clear();
                for (int r = 0; r < val.rows(); r++) chunk.putDouble(val.element().at(r, c));
            }
            writeFully(out, chunk.flip());
            out.write(ByteBuffer.wrap(bytes, 128, bytes.length - 128));
        }
    }

    private static ByteBuffer writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) out.write(buffer);
        return buffer;
    }

    /** Every variable but {@code val}, which {@link #writeFile} streams. */
    private static List<MLArray> smallArrays(OptionalDouble fs, List<String> leadNames, Optional<String> id, OptionalDouble age,
                                             Optional<Sex> sex, List<String> dx) {
        List<MLArray> arrays = new ArrayList<>();
        fs.ifPresent(f -> arrays.add(scalar("fs", f)));
        if (!leadNames.isEmpty()) arrays.add(texts("leads", leadNames));
        id.ifPresent(i -> arrays.add(new MLChar("id", i)));
        age.ifPresent(a -> arrays.add(scalar("age", a)));
        sex.ifPresent(x -> arrays.add(new MLChar("sex", x.label())));
        if (!dx.isEmpty()) arrays.add(texts("dx", dx));
        return arrays;
    }

    private static MLDouble scalar(String name, double value) {
        return new MLDouble(name, new double[] {value}, 1);
    }

    /** An n×1 cell array of 1×k char arrays; an empty string becomes a 0×0 char array. */
    private static MLCell texts(String name, List<String> values) {
        MLCell cell = new MLCell(name, new int[] {values.size(), 1});
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            cell.set(value.isEmpty() ? new MLChar("", new int[] {0, 0}, MLArray.mxCHAR_CLASS, 0)
                    : new MLChar("", value), i);
        }
        return cell;
    }

}
