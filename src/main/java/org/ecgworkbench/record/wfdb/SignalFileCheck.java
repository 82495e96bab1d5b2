package org.ecgworkbench.record.wfdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecgworkbench.record.RecordFolder;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.record.mat.Mat4Header;
import org.ecgworkbench.record.mat.Mat5Reader;

/**
 * Checks, without reading any samples, that the signal files a header names exist and are large
 * enough for what it describes (format, signals, samples): the cheap half of "can this record be
 * opened", one {@code stat} per signal file. It refuses exactly what {@link WfdbSignalReader}
 * would refuse for these reasons, and nothing it would read:
 * <ul>
 *   <li>a {@code .dat} file must hold byte offset + the bytes of samples × signals in its format
 *       (the reader's own test); a larger file is read (the surplus ignored) and gets a warning;</li>
 *   <li>a {@code .mat} file is MAT v4 (the challenge's: 20 bytes + name, then the samples) or MAT v5,
 *       which may be compressed and so be far smaller than its samples. A file at least as large as
 *       the smallest MAT v4 file holding the samples passes on its size alone; a smaller one has its
 *       first 128 bytes read: MAT v4 is then checked exactly (dimensions, element type, size), and
 *       MAT v5 is left to the signal pass, since only decompressing tells its size.</li>
 * </ul>
 */
public final class SignalFileCheck {

    /** The smallest MAT v4 header: five 32-bit integers and a one-character name. */
    private static final int MIN_MAT4_HEADER = 21;
    private static final int MAT_HEAD_BYTES = 128;

    private SignalFileCheck() {
    }

    /**
     * @return warnings about tolerated oddities (e.g. a signal file longer than the header says)
     * @throws RecordFormatException naming the header or signal file and what does not fit
     */
    public static List<String> check(Path headerFile, WfdbHeader header) throws RecordFormatException {
        if (header.segments().isPresent()) {
            throw new RecordFormatException(headerFile, "record line", "multi-segment records are not supported");
        }
        List<SignalSpec> specs = header.signals();
        if (specs.isEmpty()) throw new RecordFormatException(headerFile, "record line", "the record has no signals");
        int spf = specs.get(0).samplesPerFrame();
        Map<String, List<SignalSpec>> groups = new LinkedHashMap<>();
        for (SignalSpec s : specs) {
            if (s.samplesPerFrame() != spf) {
                throw new RecordFormatException(headerFile, "format of " + describe(header, s),
                        "signals with different samples per frame are not supported");
            }
            groups.computeIfAbsent(s.fileName(), n -> new ArrayList<>()).add(s);
        }
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, List<SignalSpec>> group : groups.entrySet()) {
            checkGroup(headerFile, header, group.getKey(), group.getValue(), spf, warnings);
        }
        return warnings;
    }

    private static void checkGroup(Path headerFile, WfdbHeader header, String fileName, List<SignalSpec> signals, int spf,
                                   List<String> warnings) throws RecordFormatException {
        SignalSpec first = signals.get(0);
        for (SignalSpec s : signals) {
            if (s.format() != first.format() || s.byteOffset() != first.byteOffset()) {
                throw new RecordFormatException(headerFile, "format of " + describe(header, s),
                        "signals in " + fileName + " must share one format and byte offset");
            }
        }
        if (fileName.equals("~")) {
            throw new RecordFormatException(headerFile, "file of " + describe(header, first), "null signals ('~') are not supported");
        }
        Path file = RecordFolder.of(headerFile).referencedFile(fileName, "file of " + describe(header, first));
        long size = sizeOf(file);
        long values = header.samplesPerSignal() * signals.size() * spf;
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".mat")) {
            checkMat(headerFile, header, file, size, first, signals.size() * spf);
            return;
        }
        WfdbFormat format = WfdbFormat.of(first.format()).orElseThrow(() -> new RecordFormatException(headerFile,
                "format of " + describe(header, first), "format " + first.format() + " is not supported (16, 61, 80, 160, 212, 24, 32 are)"));
        if (first.byteOffset() > size) {
            throw new RecordFormatException(headerFile, "byte offset of " + describe(header, first),
                    first.byteOffset() + " is beyond the end of " + fileName + " (" + size + " bytes)");
        }
        if (header.samplesPerSignal() <= 0) return; // the reader takes every sample the file holds
        long needed = first.byteOffset() + format.bytesFor(values);
        if (size < needed) {
            throw new RecordFormatException(headerFile, "number of samples", String.format(Locale.ROOT,
                    "header says %d samples × %d signals in format %s%s: %d bytes, but %s has %d",
                    header.samplesPerSignal(), signals.size() * spf, first.format(),
                    first.byteOffset() == 0 ? "" : " after " + first.byteOffset() + " bytes", needed, fileName, size));
        }
        // Format 212 packs two samples in three bytes; writers may pad an odd last sample to a whole triple.
        long slack = format == WfdbFormat.F212 ? 1 : 0;
        if (size > needed + slack) {
            warnings.add(fileName + " holds " + (size - needed) + " bytes more than the header's "
                    + header.samplesPerSignal() + " samples need; they are ignored");
        }
    }

    /** MAT v4 or v5: the size alone when it fits the smallest MAT v4 file, else the first bytes tell. */
    private static void checkMat(Path headerFile, WfdbHeader header, Path file, long size, SignalSpec first, int width)
            throws RecordFormatException {
        long samples = Math.max(header.samplesPerSignal(), 0);
        int bytesPerValue = WfdbFormat.of(first.format()).map(f -> (int) f.bytesFor(2) / 2).orElse(2);
        if (size >= MIN_MAT4_HEADER + samples * width * bytesPerValue) return;
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAT_HEAD_BYTES);
        } catch (IOException e) {
            throw new RecordFormatException(file, null, "cannot read: " + e.getMessage(), e);
        }
        if (Mat5Reader.isMat5(head)) return; // possibly compressed: only reading the signals tells
        if (!Mat4Header.looksLikeMat4(head)) {
            throw new RecordFormatException(file, null, "not a MATLAB level 4 or level 5 file (" + size + " bytes)");
        }
        Mat4Header mat = Mat4Header.parse(file, head, size); // refuses a matrix larger than the file
        if (mat.rows() != width) {
            throw new RecordFormatException(headerFile, "number of signals", "the header describes " + width + " signals in "
                    + file.getFileName() + " but its matrix '" + mat.name() + "' has " + mat.rows() + " rows");
        }
        if (mat.cols() < samples) {
            throw new RecordFormatException(headerFile, "number of samples",
                    "header says " + samples + " samples per signal but " + file.getFileName() + " holds " + mat.cols());
        }
        throw new RecordFormatException(headerFile, "format of " + describe(header, first), "header says format "
                + first.format() + " but " + file.getFileName() + " stores " + mat.elementBytes() + "-byte elements");
    }

    private static long sizeOf(Path file) throws RecordFormatException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new RecordFormatException(file, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String describe(WfdbHeader header, SignalSpec s) {
        int index = header.signals().indexOf(s) + 1;
        return "signal " + index + s.label().map(l -> " (" + l + ")").orElse("");
    }
}
