package org.ecgworkbench.record;

import com.jmatio.io.MatFileWriter;
import com.jmatio.types.MLArray;
import com.jmatio.types.MLCell;
import com.jmatio.types.MLChar;
import com.jmatio.types.MLDouble;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.Optional;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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

    private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    private Mat5Writer() {
    }

    /** Writes a record's physical values (mV) with its rate, lead names, id, age, sex and diagnoses. */
    /** About the file's size: 8-byte doubles, leads × samples, and the small fields (for the disk check). */
    public static long estimatedBytes(EcgRecord record) {
        return 4096 + (long) record.samples() * record.leads().size() * Double.BYTES;
    }

    public static void write(Path target, EcgRecord record, boolean replaceExisting) throws IOException {
        double[][] rows = new double[record.leads().size()][];
        for (int i = 0; i < rows.length; i++) {
            float[] mv = record.leads().get(i).millivolts();
            rows[i] = new double[mv.length];
            for (int j = 0; j < mv.length; j++) rows[i][j] = mv[j];
        }
        write(target, new Mat5Content.Signals(rows, OptionalDouble.of(record.fs()),
                record.leads().stream().map(Lead::name).toList(), Optional.of(record.id()), record.age(), record.sex(),
                record.dx()), replaceExisting);
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
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(signals, "signals");
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || absolute.getFileName() == null) {
            throw new IOException("not a file path: " + target);
        }
        if (!replaceExisting && Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        List<MLArray> arrays = arrays(signals);

        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
        try {
            try {
                new MatFileWriter().write(temporary.toFile(), arrays);
            } catch (RuntimeException e) {
                throw new IOException("MAT writer failed for " + target + ": " + e, e);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            setPermissions(temporary, absolute);
            if (replaceExisting) {
                replace(temporary, absolute);
            } else {
                createNew(temporary, absolute);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static List<MLArray> arrays(Mat5Content.Signals signals) {
        List<MLArray> arrays = new ArrayList<>();
        arrays.add(new MLDouble(Mat5Reader.VAL, signals.rows()));
        signals.fs().ifPresent(fs -> arrays.add(scalar("fs", fs)));
        if (!signals.leadNames().isEmpty()) arrays.add(texts("leads", signals.leadNames()));
        signals.id().ifPresent(id -> arrays.add(new MLChar("id", id)));
        signals.age().ifPresent(age -> arrays.add(scalar("age", age)));
        signals.sex().ifPresent(sex -> arrays.add(new MLChar("sex", sex.label())));
        if (!signals.dx().isEmpty()) arrays.add(texts("dx", signals.dx()));
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

    private static void setPermissions(Path temporary, Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (view == null) return;
        Set<PosixFilePermission> permissions = NEW_FILE_PERMISSIONS;
        if (Files.exists(target)) {
            PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (old != null) permissions = old.readAttributes().permissions();
        }
        view.setPermissions(permissions);
    }

    private static void replace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A hard link never replaces an existing file; without link support, a plain move (which fails if the target exists). */
    private static void createNew(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.move(temporary, target);
        }
    }
}
