package org.ecgworkbench.dataset;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.wfdb.HeaderComments;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.record.RecordLocator;
import org.ecgworkbench.record.wfdb.SignalFileCheck;
import org.ecgworkbench.record.wfdb.WfdbHeader;
import org.ecgworkbench.record.wfdb.WfdbHeaderParser;

/**
 * Walks folders and indexes every record in them: each {@code .hea} file, and each {@code .mat}
 * without a header beside it (the CPSC 2018 originals). By default (fast) the headers are parsed and
 * the signal files they name are checked without being read — they exist and their sizes fit the
 * header ({@link SignalFileCheck}); with {@code verify} the signals are read too, and
 * {@link #verifySignals} reads them for records already indexed. One bad record is reported and
 * skipped, never fatal.
 */
public final class DatasetScanner {

    /** What a scan is doing: walking the folders, checking headers (and signal file sizes), reading signals. */
    public enum Phase { FILES, HEADERS, SIGNALS }

    /**
     * Progress of a scan.
     *
     * @param phase     what is being done
     * @param done      records looked at so far in this phase (0 while walking)
     * @param total     records to look at in this phase (0 while walking: not known yet)
     * @param filesSeen files the walk has seen so far (all files, not only records)
     * @param read      records read so far in this phase
     * @param failed    records (and folders) failed so far, all phases of this scan together
     */
    public record Progress(Phase phase, int done, int total, int filesSeen, int read, int failed) {

        /** Records looked at out of the total, nothing more known. */
        public Progress(int done, int total) {
            this(Phase.HEADERS, done, total, 0, done, 0);
        }
    }

    private static final int WALK_REPORT_EVERY = 64;

    private final boolean verify;
    private final Consumer<Progress> progress;
    private final AtomicBoolean cancelled;
    private final boolean reportWalk;
    private final AtomicInteger filesSeen = new AtomicInteger();

    /**
     * @param verify    read signals as well as headers
     * @param progress  called after each record, from the scanning threads (must be thread-safe)
     * @param cancelled when set, the scan stops early and returns what it has
     */
    public DatasetScanner(boolean verify, Consumer<Progress> progress, AtomicBoolean cancelled) {
        this(verify, progress, cancelled, false);
    }

    private DatasetScanner(boolean verify, Consumer<Progress> progress, AtomicBoolean cancelled, boolean reportWalk) {
        this.verify = verify;
        this.progress = Objects.requireNonNull(progress);
        this.cancelled = Objects.requireNonNull(cancelled);
        this.reportWalk = reportWalk;
    }

    public DatasetScanner(boolean verify) {
        this(verify, p -> { }, new AtomicBoolean());
    }

    /** The same scanner that also reports the folder walk ({@link Phase#FILES}), for a display that counts files. */
    public DatasetScanner reportingFiles() {
        return new DatasetScanner(verify, progress, cancelled, true);
    }

    /** Files the walks of this scanner have seen so far (e.g. for "cancelled after N files"). */
    public int filesSeen() {
        return filesSeen.get();
    }

    public ScanResult scan(List<Path> roots) {
        List<ScanResult.Failure> failed = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        for (Path root : roots) {
            if (cancelled.get()) break;
            collect(root, candidates, failed);
        }
        candidates.sort(Comparator.naturalOrder());
        // Records are independent: index them on all cores, keeping the path order in the result.
        Object[] outcomes = new Object[candidates.size()];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger(failed.size());
        Phase phase = verify ? Phase.SIGNALS : Phase.HEADERS;
        int files = filesSeen.get();
        IntStream.range(0, candidates.size()).parallel().forEach(i -> {
            if (cancelled.get()) return;
            Object outcome = indexOrFailure(candidates.get(i));
            outcomes[i] = outcome;
            int failures = outcome instanceof ScanResult.Failure ? bad.incrementAndGet() : bad.get();
            int n = done.incrementAndGet();
            progress.accept(new Progress(phase, n, candidates.size(), files, n - (failures - failed.size()), failures));
        });
        List<IndexedRecord> records = new ArrayList<>(candidates.size());
        for (Object o : outcomes) {
            if (o instanceof IndexedRecord r) records.add(r);
            else if (o instanceof ScanResult.Failure f) failed.add(f);
        }
        failed.sort(Comparator.comparing(ScanResult.Failure::path));
        return new ScanResult(records, failed);
    }

    /**
     * Reads the signals of records a header scan indexed: those that read are returned with the
     * reader's warnings, the others as failures with the reason, both in the given order. Stops early
     * when cancelled (the records not read yet are in neither list).
     *
     * @param failedBefore failures already known, counted on in the progress reports
     */
    public ScanResult verifySignals(List<IndexedRecord> indexed, int failedBefore) {
        Object[] outcomes = new Object[indexed.size()];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        int files = filesSeen.get();
        IntStream.range(0, indexed.size()).parallel().forEach(i -> {
            if (cancelled.get()) return;
            Object outcome = readOrFailure(indexed.get(i));
            outcomes[i] = outcome;
            int failures = outcome instanceof ScanResult.Failure ? bad.incrementAndGet() : bad.get();
            int n = done.incrementAndGet();
            progress.accept(new Progress(Phase.SIGNALS, n, indexed.size(), files, n - failures, failedBefore + failures));
        });
        List<IndexedRecord> read = new ArrayList<>(indexed.size());
        List<ScanResult.Failure> failed = new ArrayList<>();
        for (Object o : outcomes) {
            if (o instanceof IndexedRecord r) read.add(r);
            else if (o instanceof ScanResult.Failure f) failed.add(f);
        }
        return new ScanResult(read, failed);
    }

    private static Object readOrFailure(IndexedRecord r) {
        try {
            return fromRecord(r.path(), EcgRecordReader.read(r.path()));
        } catch (RecordFormatException e) {
            return new ScanResult.Failure(r.path(), e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            // A reader bug, or a record too large for this heap, must not stop the check; it is reported against the record.
            return new ScanResult.Failure(r.path(), "unexpected error: " + e);
        }
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
        if (verify || headerless) return fromRecord(path, EcgRecordReader.read(path));
        WfdbHeader h = WfdbHeaderParser.parse(path);
        List<String> warnings = new ArrayList<>(h.warnings());
        warnings.addAll(SignalFileCheck.check(path, h));
        HeaderComments c = h.parsedComments();
        return new IndexedRecord(path, h.recordId(), ChallengeSource.ofRecordId(h.recordId()), h.samplingFrequency(),
                h.samplesPerSignal() * (h.signals().isEmpty() ? 1 : h.signals().get(0).samplesPerFrame()),
                h.signalCount(), c.age(), c.sex(), c.dx(), warnings);
    }

    private static IndexedRecord fromRecord(Path path, EcgRecord r) {
        return new IndexedRecord(path, r.id(), ChallengeSource.ofRecordId(r.id()), r.fs(), r.samples(),
                r.leads().size(), r.age(), r.sex(), r.dx(), r.warnings());
    }

    /**
     * Headers, and MAT files with no header beside them. Symbolic links to folders are followed (a
     * dataset is often a link to where the data lives); a folder already walked, by whatever path, is
     * skipped, so link loops end and no record is indexed twice.
     */
    private void collect(Path root, List<Path> out, List<ScanResult.Failure> failed) {
        if (!Files.exists(root) && !Files.exists(root.resolveSibling(root.getFileName() + ".hea"))
                && !Files.exists(root.resolveSibling(root.getFileName() + ".mat"))) {
            failed.add(new ScanResult.Failure(root, Files.isSymbolicLink(root)
                    ? "a symbolic link to nothing (or a link loop)" : "no such file or folder"));
            return;
        }
        if (!Files.isDirectory(root)) {
            // A record named directly, by its header, its signal file or its path without extension.
            try {
                RecordLocator located = RecordLocator.locate(root);
                out.add(located.header() != null ? located.header() : located.signalFile());
            } catch (RecordFormatException e) {
                failed.add(new ScanResult.Failure(root, e.getMessage()));
            }
            return;
        }
        Set<Object> walked = new HashSet<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Object key = attrs.fileKey() != null ? attrs.fileKey() : dir.toRealPath();
                    return walked.add(key) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (cancelled.get()) return FileVisitResult.TERMINATE;
                    int seen = filesSeen.incrementAndGet();
                    if (reportWalk && seen % WALK_REPORT_EVERY == 0) {
                        progress.accept(new Progress(Phase.FILES, 0, 0, seen, 0, failed.size()));
                    }
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
                    if (e instanceof FileSystemLoopException) return FileVisitResult.CONTINUE; // a link back up: walked already
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
