package org.ecgworkbench.record.wfdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ecgworkbench.record.RecordFolder;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.record.RecordLimits;
import org.ecgworkbench.record.mat.Mat4Header;
import org.ecgworkbench.record.mat.Mat5Content;
import org.ecgworkbench.record.mat.Mat5Reader;

/**
 * Reads the raw ADC samples a WFDB header describes: {@code .dat} files in any {@link WfdbFormat},
 * MAT v4 files (the challenge's {@code 16+24}) and MAT v5 {@code val} matrices; several signal
 * files per record; interleaved frames. Checks checksums and initial values (warnings, not failures).
 * Every size is checked against what the files really hold before anything is allocated.
 */
public final class WfdbSignalReader {

    /**
     * @param adc             samples per header signal: {@code [signal][sample]}
     * @param samplesPerFrame samples of each signal per frame (the effective rate is fs × this)
     * @param checksumOk      per signal: whether the checksum matched, empty if none was given
     * @param warnings        mismatches and oddities, each naming the file and signal
     */
    public record Samples(int[][] adc, int samplesPerFrame, List<Optional<Boolean>> checksumOk, List<String> warnings) {
    }

    /** The signals of the header stored in one file, in header order. */
    private record FileGroup(String fileName, List<Integer> signals) {
    }

    private final Path headerFile;
    private final WfdbHeader header;
    private final List<String> warnings = new ArrayList<>();

    private WfdbSignalReader(Path headerFile, WfdbHeader header) {
        this.headerFile = headerFile;
        this.header = header;
    }

    public static Samples read(Path headerFile, WfdbHeader header) throws RecordFormatException {
        return new WfdbSignalReader(headerFile, header).read();
    }

    private Samples read() throws RecordFormatException {
        if (header.segments().isPresent()) {
            throw new RecordFormatException(headerFile, "record line", "multi-segment records are not supported");
        }
        List<SignalSpec> specs = header.signals();
        if (specs.isEmpty()) {
            throw new RecordFormatException(headerFile, "record line", "the record has no signals");
        }
        int spf = specs.get(0).samplesPerFrame();
        for (SignalSpec s : specs) {
            if (s.samplesPerFrame() != spf) {
                throw new RecordFormatException(headerFile, "format of " + describe(s),
                        "signals with different samples per frame are not supported");
            }
            if (s.skew() != 0) warnings.add(describe(s) + ": skew " + s.skew() + " ignored");
        }

        Map<String, FileGroup> groups = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            String name = specs.get(i).fileName();
            groups.computeIfAbsent(name, n -> new FileGroup(n, new ArrayList<>())).signals().add(i);
        }

        int[][] adc = new int[specs.size()][];
        int frames = -1;
        for (FileGroup group : groups.values()) {
            int[][] groupSamples = readGroup(group, spf);
            int n = groupSamples.length == 0 ? 0 : groupSamples[0].length;
            if (frames >= 0 && n != frames) {
                throw new RecordFormatException(headerFile, "signal file " + group.fileName(),
                        "holds " + n + " samples per signal, other files " + frames);
            }
            frames = n;
            for (int k = 0; k < group.signals().size(); k++) {
                adc[group.signals().get(k)] = groupSamples[k];
            }
        }

        List<Optional<Boolean>> checksums = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            checksums.add(checkSignal(specs.get(i), adc[i]));
        }
        return new Samples(adc, spf, checksums, warnings);
    }

    private int[][] readGroup(FileGroup group, int spf) throws RecordFormatException {
        SignalSpec first = header.signals().get(group.signals().get(0));
        for (int i : group.signals()) {
            SignalSpec s = header.signals().get(i);
            if (s.format() != first.format() || s.byteOffset() != first.byteOffset()) {
                throw new RecordFormatException(headerFile, "format of " + describe(s),
                        "signals in " + group.fileName() + " must share one format and byte offset");
            }
        }
        if (group.fileName().equals("~")) {
            throw new RecordFormatException(headerFile, "file of " + describe(first), "null signals ('~') are not supported");
        }
        Path file = RecordFolder.of(headerFile).referencedFile(group.fileName(), "file of " + describe(first));
        SignalFileHead fileHead = SignalFileHead.of(file);
        long size = fileHead.size();
        byte[] head = fileHead.bytes();
        int width = group.signals().size() * spf;

        if (group.fileName().toLowerCase(Locale.ROOT).endsWith(".mat")) {
            return readMatGroup(file, head, size, group, first, spf);
        }
        WfdbFormat format = WfdbFormat.of(first.format()).orElseThrow(() -> new RecordFormatException(headerFile,
                "format of " + describe(first), "format " + first.format() + " is not supported (16, 61, 80, 160, 212, 24, 32 are)"));
        if (first.byteOffset() > size) {
            throw new RecordFormatException(headerFile, "byte offset of " + describe(first),
                    first.byteOffset() + " is beyond the end of " + group.fileName() + " (" + size + " bytes)");
        }
        long available = format.samplesIn(size - first.byteOffset()) / width;
        int frames = framesToRead(available, file, width);
        byte[] data = readBytes(file, first.byteOffset(), format.bytesFor((long) frames * width));
        return unframe(format.decode(data, 0, width, frames), group.signals().size(), spf);
    }

    private int[][] readMatGroup(Path file, byte[] head, long size, FileGroup group, SignalSpec first, int spf)
            throws RecordFormatException {
        if (Mat5Reader.isMat5(head)) {
            return readMat5Group(file, group, spf);
        }
        if (!Mat4Header.looksLikeMat4(head)) {
            throw new RecordFormatException(file, null, "not a MATLAB level 4 or level 5 file");
        }
        Mat4Header mat = Mat4Header.parse(file, head, size);
        int width = group.signals().size() * spf;
        WfdbFormat format = WfdbFormat.ofMat4(mat).orElseThrow(() -> new RecordFormatException(file, "MAT v4 header, precision",
                "element type " + mat.precision() + " is not an integer sample type (int16 or int32 expected)"));
        if (format.code() != first.format()) {
            throw new RecordFormatException(headerFile, "format of " + describe(first),
                    "header says format " + first.format() + " but " + file.getFileName() + " stores format " + format.code() + " samples");
        }
        if (mat.rows() != width) {
            throw new RecordFormatException(headerFile, "number of signals",
                    "the header describes " + width + " signals in " + file.getFileName() + " but its matrix '"
                            + mat.name() + "' has " + mat.rows() + " rows");
        }
        if (first.byteOffset() != mat.dataOffset()) {
            warnings.add(group.fileName() + ": header byte offset " + first.byteOffset()
                    + " differs from the MAT v4 data offset " + mat.dataOffset() + "; the MAT header was used");
        }
        int frames = framesToRead(mat.cols(), file, width);
        byte[] data = readBytes(file, mat.dataOffset(), format.bytesFor((long) frames * width));
        return unframe(format.decode(data, 0, width, frames), group.signals().size(), spf);
    }

    /** A MAT v5 file holding the integer ADC values as a {@code val} matrix, signals × samples. */
    private int[][] readMat5Group(Path file, FileGroup group, int spf) throws RecordFormatException {
        if (!(Mat5Reader.read(file) instanceof Mat5Content.Signals val)) {
            throw new RecordFormatException(file, "variable val", "the header names this file but it holds no 'val' matrix");
        }
        if (spf != 1) {
            throw new RecordFormatException(headerFile, "format", "MAT v5 signal files with several samples per frame are not supported");
        }
        if (val.signalCount() != group.signals().size()) {
            throw new RecordFormatException(headerFile, "number of signals", "the header describes " + group.signals().size()
                    + " signals in " + file.getFileName() + " but its 'val' has " + val.signalCount() + " rows");
        }
        if (!val.allIntegral()) {
            throw new RecordFormatException(file, "variable val", "holds non-integer values; ADC samples expected");
        }
        int frames = framesToRead(val.sampleCount(), file, group.signals().size());
        double[][] rows = val.rows();
        int[][] out = new int[rows.length][frames];
        for (int s = 0; s < rows.length; s++) {
            for (int j = 0; j < frames; j++) {
                double v = rows[s][j];
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new RecordFormatException(file, "variable val", "value " + v + " is not a 32-bit ADC sample");
                }
                out[s][j] = (int) v;
            }
        }
        return out;
    }

    /** The header's sample count when given (it must fit), otherwise everything the file holds. */
    private int framesToRead(long available, Path file, int width) throws RecordFormatException {
        long wanted = header.samplesPerSignal() > 0 ? header.samplesPerSignal() : available;
        if (wanted > available) {
            throw new RecordFormatException(headerFile, "number of samples",
                    "header says " + wanted + " samples per signal but " + file.getFileName() + " holds " + available);
        }
        // At least one frame counts, so a frame wider than the limit is refused even with no samples.
        long frames = Math.max(wanted, 1);
        long total = frames * header.signalCount() * header.signals().get(0).samplesPerFrame();
        if (total > RecordLimits.MAX_TOTAL_SAMPLES || frames * width > Integer.MAX_VALUE - 16) {
            throw new RecordFormatException(headerFile, "number of samples",
                    total + " samples in all is more than this reader accepts (" + RecordLimits.MAX_TOTAL_SAMPLES + ")");
        }
        return (int) wanted;
    }

    /** Splits frames with several samples per signal into one longer series per signal. */
    private static int[][] unframe(int[][] decoded, int signals, int spf) {
        if (spf == 1) return decoded;
        int frames = decoded[0].length;
        int[][] out = new int[signals][frames * spf];
        for (int s = 0; s < signals; s++) {
            for (int f = 0; f < frames; f++) {
                for (int r = 0; r < spf; r++) out[s][f * spf + r] = decoded[s * spf + r][f];
            }
        }
        return out;
    }

    private static byte[] readBytes(Path file, long offset, long length) throws RecordFormatException {
        byte[] data = new byte[Math.toIntExact(length)];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.wrap(data);
            long pos = offset;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos);
                if (n < 0) throw new RecordFormatException(file, "byte " + pos, "unexpected end of file");
                pos += n;
            }
        } catch (IOException e) {
            if (e instanceof RecordFormatException rfe) throw rfe;
            throw new RecordFormatException(file, null, "cannot read: " + e.getMessage(), e);
        }
        return data;
    }

    /** Checksum (16-bit sum of all samples) and initial value, reported as warnings. */
    private Optional<Boolean> checkSignal(SignalSpec spec, int[] samples) {
        if (spec.initialValue().isPresent() && samples.length > 0 && samples[0] != spec.initialValue().getAsInt()) {
            warnings.add(describe(spec) + ": initial value " + spec.initialValue().getAsInt()
                    + " in the header, " + samples[0] + " in the signal file");
        }
        if (spec.checksum().isEmpty()) return Optional.empty();
        long sum = 0;
        for (int v : samples) sum += v;
        boolean ok = (short) sum == (short) spec.checksum().getAsInt();
        if (!ok) {
            warnings.add(describe(spec) + ": checksum " + spec.checksum().getAsInt() + " in the header, "
                    + (short) sum + " computed from the samples");
        }
        return Optional.of(ok);
    }

    private String describe(SignalSpec s) {
        int index = header.signals().indexOf(s) + 1;
        return "signal " + index + s.label().map(l -> " (" + l + ")").orElse("");
    }
}
