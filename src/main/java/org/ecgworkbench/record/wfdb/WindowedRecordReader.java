package org.ecgworkbench.record.wfdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ecgworkbench.record.LeadName;
import org.ecgworkbench.record.ReadOptions;
import org.ecgworkbench.record.OutputGuard;
import org.ecgworkbench.record.RecordFolder;
import org.ecgworkbench.record.RecordLimits;
import org.ecgworkbench.record.RecordLocator;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.record.mat.Mat4Header;
import org.ecgworkbench.record.mat.Mat5Reader;

/**
 * A long record's standard leads read one window of frames at a time, in mV, so a 24-hour recording is
 * measured in a heap that never holds it whole. Only the layout long recordings use: one signal file
 * ({@code .dat} in any {@link WfdbFormat}, or a MAT v4 matrix) holding every signal, one sample per frame;
 * {@link #open} says empty for anything else, which {@link EcgRecordReader} reads whole. The millivolts are
 * those {@link EcgRecordReader} gives (gain, baseline, units and the CinC 2020 gain correction alike).
 */
public final class WindowedRecordReader {
    private final Path headerFile;
    private final Path signalFile;
    private final WfdbFormat format;
    private final long dataOffset;
    private final long frames;
    private final int width;
    private final double fs;
    private final String id;
    private final int[] columns;
    private final List<String> names;
    private final double[] factor;
    private final int[] baseline;
    private final List<String> warnings;

    private WindowedRecordReader(Path headerFile, WfdbHeader header, Path signalFile, WfdbFormat format, long dataOffset,
                                 long frames, ReadOptions options) {
        this.headerFile = headerFile;
        this.signalFile = signalFile;
        this.format = format;
        this.dataOffset = dataOffset;
        this.frames = frames;
        this.width = header.signals().size();
        this.fs = header.samplingFrequency();
        this.id = header.recordId();
        List<String> w = new ArrayList<>(header.warnings());
        List<Integer> cols = new ArrayList<>();
        List<String> leadNames = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            String name = LeadName.normalise(header.signals().get(i).description());
            if (LeadName.parse(name).isEmpty() || leadNames.contains(name)) continue;
            cols.add(i);
            leadNames.add(name);
        }
        columns = cols.stream().mapToInt(Integer::intValue).toArray();
        names = List.copyOf(leadNames);
        factor = new double[columns.length];
        baseline = new int[columns.length];
        for (int k = 0; k < columns.length; k++) {
            SignalSpec spec = header.signals().get(columns[k]);
            double gain = options.cinc2020GainCorrection() && CincGainCorrection.appliesTo(spec) ? CincGainCorrection.CORRECT_GAIN : spec.gain();
            double scale = WfdbRecordReader.millivoltsPerUnit(spec.units());
            if (Double.isNaN(scale)) {
                w.add("signal " + (columns[k] + 1) + ": units '" + spec.units() + "' are not a voltage; values kept as written");
                scale = 1;
            }
            factor[k] = scale / gain;
            baseline[k] = spec.baseline();
        }
        warnings = List.copyOf(w);
    }

    /**
     * The record behind {@code path} (header, signal file or path without extension) ready to be read in windows,
     * or empty when its layout is not one this reader handles (it is then read whole).
     */
    public static Optional<WindowedRecordReader> open(Path path, ReadOptions options) throws RecordFormatException {
        RecordLocator located = RecordLocator.locate(path);
        if (located.header() == null) return Optional.empty();
        Path headerFile = located.header();
        WfdbHeader header = WfdbHeaderParser.parse(headerFile);
        List<SignalSpec> specs = header.signals();
        if (header.segments().isPresent() || specs.isEmpty()) return Optional.empty();
        SignalSpec first = specs.get(0);
        for (SignalSpec s : specs) {
            if (!s.fileName().equals(first.fileName()) || s.format() != first.format() || s.byteOffset() != first.byteOffset()
                    || s.samplesPerFrame() != 1 || s.skew() != 0) {
                return Optional.empty();
            }
        }
        if (first.fileName().equals("~")) return Optional.empty();
        String fsProblem = RecordLimits.samplingFrequencyProblem(header.samplingFrequency());
        if (fsProblem != null) throw new RecordFormatException(headerFile, "sampling frequency", fsProblem);
        Path file = RecordFolder.of(headerFile).referencedFile(first.fileName(), "file of signal 1");
        OutputGuard.protect(headerFile, file);
        SignalFileHead fileHead = SignalFileHead.of(file);
        long size = fileHead.size();
        byte[] head = fileHead.bytes();
        WfdbFormat format;
        long offset;
        long available;
        if (first.fileName().toLowerCase(Locale.ROOT).endsWith(".mat")) {
            if (Mat5Reader.isMat5(head) || !Mat4Header.looksLikeMat4(head)) return Optional.empty();
            Mat4Header mat = Mat4Header.parse(file, head, size);
            Optional<WfdbFormat> f = WfdbFormat.ofMat4(mat);
            if (f.isEmpty() || f.get().code() != first.format() || mat.rows() != specs.size()) return Optional.empty();
            format = f.get();
            offset = mat.dataOffset();
            available = mat.cols();
        } else {
            Optional<WfdbFormat> f = WfdbFormat.of(first.format());
            if (f.isEmpty() || first.byteOffset() > size) return Optional.empty();
            format = f.get();
            offset = first.byteOffset();
            available = format.samplesIn(size - offset) / specs.size();
        }
        long frames = header.samplesPerSignal() > 0 ? header.samplesPerSignal() : available;
        if (frames > available) {
            throw new RecordFormatException(headerFile, "number of samples",
                    "header says " + frames + " samples per signal but " + file.getFileName() + " holds " + available);
        }
        return Optional.of(new WindowedRecordReader(headerFile, header, file, format, offset, frames, options));
    }

    public String id() {
        return id;
    }

    public Path headerFile() {
        return headerFile;
    }

    public double fs() {
        return fs;
    }

    /** Samples per lead. */
    public long frames() {
        return frames;
    }

    /** The standard leads' names, in file order (a lead named twice is read once). */
    public List<String> leadNames() {
        return names;
    }

    /** The header's tolerated oddities and any lead whose units are not a voltage. */
    public List<String> warnings() {
        return warnings;
    }

    /** Frames {@code [first, first + count)} (clipped to the record) of the standard leads, in mV: {@code [lead][frame]}. */
    public double[][] read(long first, int count) throws RecordFormatException {
        if (first < 0 || count < 0) throw new IllegalArgumentException("window " + first + " + " + count);
        long end = Math.min(frames, first + count);
        long from = Math.min(first, end);
        // A 212 pair of samples shares three bytes: start on an even sample, one frame early if need be.
        int skip = format == WfdbFormat.F212 && (from * width) % 2 != 0 ? 1 : 0;
        long start = from - skip;
        int n = Math.toIntExact(end - start);
        byte[] data = new byte[Math.toIntExact(format.bytesFor((long) n * width))];
        long position = dataOffset + format.bytesFor(start * width);
        try (FileChannel ch = FileChannel.open(signalFile, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.wrap(data);
            for (long pos = position; buf.hasRemaining(); ) {
                int read = ch.read(buf, pos);
                if (read < 0) throw new RecordFormatException(signalFile, "byte " + pos, "unexpected end of file");
                pos += read;
            }
        } catch (IOException e) {
            if (e instanceof RecordFormatException r) throw r;
            throw new RecordFormatException(signalFile, null, "cannot read: " + e.getMessage(), e);
        }
        int[][] adc = format.decode(data, 0, width, n);
        double[][] mv = new double[columns.length][n - skip];
        for (int k = 0; k < columns.length; k++) {
            int[] raw = adc[columns[k]];
            double f = factor[k];
            long b = baseline[k];
            // Through float, as EcgRecordReader stores millivolts, so a window holds exactly what the whole record would.
            for (int j = skip; j < n; j++) mv[k][j - skip] = (float) ((raw[j] - b) * f);
        }
        return mv;
    }
}
