package org.ecgworkbench.dataset;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.HeaderComments;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.record.WfdbHeader;
import org.ecgworkbench.record.WfdbHeaderParser;

/**
 * Walks folders and indexes every record in them: each {@code .hea} file, and each {@code .mat}
 * without a header beside it (the CPSC 2018 originals). Header-only by default (fast); with
 * {@code verify} the signals are read too. One bad record is reported and skipped, never fatal.
 */
public final class DatasetScanner {

    /** Progress of a scan: records looked at so far out of the total found. */
    public record Progress(int done, int total) {
    }

    private final boolean verify;
    private final Consumer<Progress> progress;
    private final AtomicBoolean cancelled;

    /**
     * @param verify    read signals as well as headers
     * @param progress  called after each record, from the scanning threads (must be thread-safe)
     * @param cancelled when set, the scan stops early and returns what it has
     */
    public DatasetScanner(boolean verify, Consumer<Progress> progress, AtomicBoolean cancelled) {
        this.verify = verify;
        this.progress = Objects.requireNonNull(progress);
        this.cancelled = Objects.requireNonNull(cancelled);
    }

    public DatasetScanner(boolean verify) {
        this(verify, p -> { }, new AtomicBoolean());
    }

    public ScanResult scan(List<Path> roots) {
        List<ScanResult.Failure> failed = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        for (Path root : roots) {
            collect(root, candidates, failed);
        }
        candidates.sort(Comparator.naturalOrder());
        // Records are independent: index them on all cores, keeping the path order in the result.
        Object[] outcomes = new Object[candidates.size()];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, candidates.size()).parallel().forEach(i -> {
            if (cancelled.get()) return;
            outcomes[i] = indexOrFailure(candidates.get(i));
            progress.accept(new Progress(done.incrementAndGet(), candidates.size()));
        });
        List<IndexedRecord> records = new ArrayList<>(candidates.size());
        for (Object o : outcomes) {
            if (o instanceof IndexedRecord r) records.add(r);
            else if (o instanceof ScanResult.Failure f) failed.add(f);
        }
        failed.sort(Comparator.comparing(ScanResult.Failure::path));
        return new ScanResult(records, failed);
    }

    private Object indexOrFailure(Path path) {
        try {
            return index(path);
        } catch (RecordFormatException e) {
            return new ScanResult.Failure(path, e.getMessage());
        } catch (RuntimeException e) {
            // A reader bug must not stop the scan; it is reported against the record.
            return new ScanResult.Failure(path, "unexpected error: " + e);
        }
    }

    private IndexedRecord index(Path path) throws RecordFormatException {
        boolean headerless = !isHeader(path);
        if (verify || headerless) {
            EcgRecord r = EcgRecordReader.read(path);
            return new IndexedRecord(path, r.id(), ChallengeSource.ofRecordId(r.id()), r.fs(), r.samples(),
                    r.leads().size(), r.age(), r.sex(), r.dx(), r.warnings());
        }
        WfdbHeader h = WfdbHeaderParser.parse(path);
        HeaderComments c = h.parsedComments();
        return new IndexedRecord(path, h.recordId(), ChallengeSource.ofRecordId(h.recordId()), h.samplingFrequency(),
                h.samplesPerSignal() * (h.signals().isEmpty() ? 1 : h.signals().get(0).samplesPerFrame()),
                h.signalCount(), c.age(), c.sex(), c.dx(), h.warnings());
    }

    /** Headers, and MAT files with no header beside them; the walk never follows links (no cycles). */
    private static void collect(Path root, List<Path> out, List<ScanResult.Failure> failed) {
        if (!Files.exists(root)) {
            failed.add(new ScanResult.Failure(root, "no such file or folder"));
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;
                    String name = file.getFileName().toString();
                    if (isHeader(file)) {
                        out.add(file);
                    } else if (name.toLowerCase(Locale.ROOT).endsWith(".mat")
                            && !Files.exists(file.resolveSibling(name.substring(0, name.length() - 4) + ".hea"))) {
                        out.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    failed.add(new ScanResult.Failure(file, "cannot read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            failed.add(new ScanResult.Failure(root, "cannot read: " + e.getMessage()));
        }
    }

    private static boolean isHeader(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".hea");
    }
}
