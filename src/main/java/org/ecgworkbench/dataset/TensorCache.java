package org.ecgworkbench.dataset;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.DiskSpace;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.RecordFolder;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.record.Sex;
import org.ecgworkbench.record.wfdb.SignalSpec;
import org.ecgworkbench.record.wfdb.WfdbHeader;
import org.ecgworkbench.signal.LengthStep;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.ecgworkbench.signal.PipelineStep;
import org.ecgworkbench.signal.ResampleStep;
import org.ecgworkbench.signal.SignalBlock;

/**
 * Preprocesses each record once through a {@link Pipeline} into one memory-mapped file per
 * (part, key), reused across epochs and runs. See {@link CacheFileFormat} for the layout.
 *
 * <p><b>The key</b> is SHA-256 over the cache format version, the pipeline JSON, the precision and,
 * for each record in order, its id, labels, and the absolute path, size and modification time of
 * its header and of every signal file the header names. A file whose key matches is reused as it
 * is; anything else (an edited header, a re-written signal, another pipeline) is rebuilt. The file
 * is named {@code <part>-<first 16 hex digits of the key>.ecgcache}, so caches of other pipelines
 * stay beside it for other runs.
 *
 * <p><b>Crash safety</b>: the file is built under a temporary name and renamed when complete; its
 * header is written last with a "complete" flag and the metadata carry a checksum, so a cache whose
 * build was killed is never taken as valid (leftover temp files of the same part and key are
 * deleted by the next build).
 *
 * <p><b>Memory</b>: records are preprocessed on a few threads, but at most {@code 2 × threads}
 * records are in flight and samples are written in record order as they come, so memory stays
 * bounded whatever the dataset size. One record that cannot be read or preprocessed is listed in
 * {@link CachedTensors#failures()} and skipped.
 */
public final class TensorCache {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final int DEFAULT_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private TensorCache() {
    }

    /**
     * Opens the cache of these records, building it first when needed.
     *
     * @param part      a name for the file ("train", "validation", "test")
     * @param records   the records in the order the cache keeps them
     * @param pipeline  must end in a fixed length (a length step with a sample count, not followed by a
     *                  resample step), so every sample has the same shape
     * @param progress  called after each record during a build, on the calling thread
     * @param cancelled polled between records; when true the build stops, its temp file is deleted and
     *                  {@link CancellationException} is thrown
     * @throws IllegalArgumentException when the pipeline does not give a fixed length
     */
    public static CachedTensors open(Path cacheDir, String part, List<LabelledRecord> records, Pipeline pipeline,
                                     CachePrecision precision, Consumer<CacheProgress> progress,
                                     BooleanSupplier cancelled) throws IOException {
        return open(cacheDir, part, records, pipeline, precision, progress, cancelled, CachedTensors.MAX_MAPPING_BYTES, DEFAULT_THREADS);
    }

    /** With the mapping size and thread count exposed, for tests. */
    static CachedTensors open(Path cacheDir, String part, List<LabelledRecord> records, Pipeline pipeline,
                              CachePrecision precision, Consumer<CacheProgress> progress, BooleanSupplier cancelled,
                              long mappingBytes, int threads) throws IOException {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(precision, "precision");
        if (!PART.matcher(part).matches()) throw new IllegalArgumentException("part name '" + part + "' must be letters, digits, '.', '_' or '-'");
        Shape shape = shapeOf(pipeline);
        byte[] key = key(records, pipeline, precision);
        Path file = cacheDir.resolve(fileName(part, key));
        if (Files.isRegularFile(file)) {
            try {
                return CachedTensors.open(file, key, mappingBytes, false);
            } catch (DatasetFormatException e) {
                // Stale, damaged or another format: rebuild below, replacing it.
            }
        }
        // Records cut into windows add samples: this is the least the cache will take.
        DiskSpace.require(cacheDir, CacheFileFormat.HEADER_BYTES + (long) records.size()
                * ((long) shape.channels() * shape.length() * precision.bytes() + 256), "the tensor cache");
        Files.createDirectories(cacheDir);
        deleteLeftovers(cacheDir, file.getFileName().toString());
        // AtomicFiles: permissions of any new file (not createTempFile's 0600), removed on SIGTERM.
        AtomicFiles.writeFile(file, true, tmp -> build(tmp, records, pipeline, precision, shape, key, progress, cancelled, threads));
        return CachedTensors.open(file, key, mappingBytes, true);
    }

    /** The file name a cache of this part and key gets. */
    static String fileName(String part, byte[] key) {
        return part + "-" + HexFormat.of().formatHex(key, 0, 8) + CacheFileFormat.EXTENSION;
    }

    /** Length and rate every block of the pipeline has (rate NaN when the pipeline does not resample). */
    record Shape(int channels, int length, double fs) {
    }

    static Shape shapeOf(Pipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        int length = 0;
        double fs = Double.NaN;
        for (PipelineStep step : pipeline.steps()) {
            if (step instanceof LengthStep l) length = l.samples();
            if (step instanceof ResampleStep r) {
                fs = r.targetFs();
                length = 0; // resampling after a length step changes the length again
            }
        }
        if (length <= 0) {
            throw new IllegalArgumentException("the pipeline must end in a fixed length (a length step with a sample count "
                    + "after any resampling) for a tensor cache: " + pipeline.describe().replace('\n', ' '));
        }
        return new Shape(SignalBlock.LEADS, length, fs);
    }

    /** The cache key of these records, pipeline and precision. */
    static byte[] key(List<LabelledRecord> records, Pipeline pipeline, CachePrecision precision) {
        MessageDigest sha = sha256();
        update(sha, "ecg-workbench-tensor-cache\n" + CacheFileFormat.VERSION + "\n");
        update(sha, PipelineJson.write(pipeline) + "\n");
        update(sha, precision.name() + "\n" + records.size() + "\n");
        // Stat-ing 43,000 headers and their signals is the slow part: do it on all cores, in order.
        List<String> fingerprints = records.parallelStream().map(TensorCache::fingerprint).toList();
        for (String f : fingerprints) update(sha, f);
        return sha.digest();
    }

    private static String fingerprint(LabelledRecord r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.id()).append('\t');
        for (float l : r.labels()) sb.append(l == 0f ? '0' : l == 1f ? '1' : '?');
        for (Path p : filesOf(r.record().path())) {
            sb.append('\t').append(p.toAbsolutePath().normalize());
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                sb.append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            } catch (IOException e) {
                sb.append(" missing");
            }
        }
        return sb.append('\n').toString();
    }

    /** The header and the signal files it names; the file itself for a header-less MAT record. */
    static List<Path> filesOf(Path path) {
        Set<Path> files = new LinkedHashSet<>();
        files.add(path);
        if (path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".hea")) {
            try {
                WfdbHeader h = EcgRecordReader.readHeader(path);
                RecordFolder folder = RecordFolder.of(path);
                for (SignalSpec s : h.signals()) files.add(folder.referencedFile(s.fileName(), "signal file"));
            } catch (RecordFormatException | RuntimeException e) {
                // Unreadable header: its own size and time are the key; the build will report it.
            }
        }
        return List.copyOf(files);
    }

    private static void build(Path tmp, List<LabelledRecord> records, Pipeline pipeline, CachePrecision precision,
                              Shape shape, byte[] key, Consumer<CacheProgress> progress, BooleanSupplier cancelled,
                              int threads) throws IOException {
        int classes = records.isEmpty() ? DiagnosisCatalogue.standard().scoredClasses().size() : records.get(0).classes();
        for (LabelledRecord r : records) {
            if (r.classes() != classes) throw new IllegalArgumentException("record " + r.id() + " has " + r.classes() + " labels, expected " + classes);
        }
        List<String> failures = new ArrayList<>();
        double fs = shape.fs();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "ecg-cache-build");
            t.setDaemon(true);
            return t;
        });
        try (CacheFileWriter writer = new CacheFileWriter(tmp, precision, shape.channels(), shape.length(), classes, key)) {
            ArrayDeque<Future<Prepared>> inFlight = new ArrayDeque<>();
            int window = 2 * Math.max(1, threads);
            int next = 0;
            int done = 0;
            while (done < records.size()) {
                while (next < records.size() && inFlight.size() < window) {
                    if (cancelled.getAsBoolean()) throw new CancellationException("tensor cache build cancelled");
                    LabelledRecord r = records.get(next++);
                    inFlight.add(pool.submit(() -> prepare(r, pipeline, shape)));
                }
                Prepared p = await(inFlight.removeFirst());
                LabelledRecord r = records.get(done);
                if (p.failure() != null) {
                    failures.add(p.failure());
                } else if (Double.isNaN(fs) || p.fs() == fs) {
                    fs = p.fs();
                    float[] labels = r.labels();
                    for (float[] block : p.blocks()) writer.append(block, labels, age(r), sex(r), r.id());
                } else {
                    failures.add(r.record().path() + ": the pipeline gives " + p.fs() + " Hz, the cache holds " + fs
                            + " Hz (add a resample step)");
                }
                done++;
                progress.accept(new CacheProgress(done, records.size()));
                if (cancelled.getAsBoolean()) throw new CancellationException("tensor cache build cancelled");
            }
            writer.finish(Double.isNaN(fs) ? 0 : fs, failures);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A record preprocessed: its blocks as float arrays, or why it failed. */
    private record Prepared(List<float[]> blocks, double fs, String failure) {
    }

    private static Prepared prepare(LabelledRecord r, Pipeline pipeline, Shape shape) {
        Path path = r.record().path();
        try {
            EcgRecord record = EcgRecordReader.read(path);
            List<SignalBlock> blocks = pipeline.apply(record);
            if (blocks.isEmpty()) return new Prepared(null, 0, path + ": the pipeline gave no signal");
            List<float[]> out = new ArrayList<>(blocks.size());
            for (SignalBlock b : blocks) {
                if (b.length() != shape.length()) {
                    return new Prepared(null, 0, path + ": the pipeline gave " + b.length() + " samples, the cache holds " + shape.length());
                }
                float[] flat = new float[shape.channels() * shape.length()];
                double[][] s = b.samples();
                for (int c = 0; c < shape.channels(); c++) {
                    int base = c * shape.length();
                    for (int k = 0; k < shape.length(); k++) flat[base + k] = (float) s[c][k];
                }
                out.add(flat);
            }
            return new Prepared(out, blocks.get(0).fs(), null);
        } catch (RecordFormatException e) {
            return new Prepared(null, 0, e.getMessage());
        } catch (RuntimeException e) {
            // A preprocessing bug on one odd record must not stop the build; it is reported with the record.
            return new Prepared(null, 0, path + ": preprocessing failed: " + e);
        }
    }

    private static Prepared await(Future<Prepared> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while building a tensor cache");
        } catch (ExecutionException e) {
            throw new IllegalStateException("preprocessing thread failed", e.getCause());
        }
    }

    private static float age(LabelledRecord r) {
        return r.record().age().isPresent() ? (float) r.record().age().getAsDouble() : Float.NaN;
    }

    private static float sex(LabelledRecord r) {
        return r.record().sex().map(s -> s == Sex.MALE ? 1f : 0f).orElse(Float.NaN);
    }

    /** Temp files of an earlier build of this very file (killed mid-way) are garbage: up to 10 GB of it. */
    /** Temporary files of versions before AtomicFiles wrote the cache; AtomicFiles cleans up its own. */
    private static void deleteLeftovers(Path dir, String name) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "." + name + "*.tmp")) {
            for (Path p : files) {
                if (!p.getFileName().toString().contains(".ecgwb-")) Files.deleteIfExists(p);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)));
    }
}
