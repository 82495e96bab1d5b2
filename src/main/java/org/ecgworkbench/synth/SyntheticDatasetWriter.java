package org.ecgworkbench.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.ecgworkbench.record.wfdb.ChallengeRecordWriter;
import org.ecgworkbench.record.DiskSpace;

/**
 * Writes a synthetic dataset as challenge records ({@code SYN00001.hea} + {@code .mat}, each
 * written to a temporary file and renamed), generating records in parallel. Record i depends
 * only on (seed, i), so the files are byte-identical whatever the thread count.
 */
public final class SyntheticDatasetWriter {

    /** What was written: the record count and the records per class. */
    public record Summary(int records, Map<SynthClass, Integer> classes) {
        public Summary {
            classes = Collections.unmodifiableMap(new EnumMap<>(classes));
        }
    }

    /** A synthetic record's header is about 700 bytes (12 signal lines, age, sex, Dx). */
    private static final long HEADER_BYTES = 1024;
    /** A MAT v4 matrix header: 20 bytes and the name "val". */
    private static final long MAT4_HEADER_BYTES = 24;

    private SyntheticDatasetWriter() {
    }

    /**
     * @param replace  whether existing files of the same names may be replaced
     * @param threads  generating threads (at least 1)
     * @param progress called with the number of records done so far, from the generating threads
     */
    public static Summary write(Path dir, int count, SynthesisSettings settings, ClassMix mix, boolean replace,
                                int threads, IntConsumer progress) throws IOException {
        if (count < 1) throw new IllegalArgumentException("count must be at least 1, got " + count);
        DiskSpace.require(dir, estimatedBytes(count, settings), "synth");
        Files.createDirectories(dir);
        ClassSet[] classes = new ClassSet[count];
        AtomicInteger done = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(i -> {
                SyntheticEcg ecg = SyntheticEcgGenerator.generate(settings, i, mix);
                try {
                    ChallengeRecordWriter.write(ecg.record(), dir.resolve(ecg.spec().id() + ".hea"), replace);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                classes[i] = ecg.spec().classes();
                progress.accept(done.incrementAndGet());
            })).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) throw io.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + dir, e);
        } finally {
            pool.shutdownNow();
        }
        Map<SynthClass, Integer> counts = new EnumMap<>(SynthClass.class);
        for (ClassSet set : classes) {
            for (SynthClass c : set.classes()) counts.merge(c, 1, Integer::sum);
        }
        return new Summary(count, counts);
    }

    /** About what {@code count} records take on disk: a header each and 12 int16 leads in MAT v4. */
    public static long estimatedBytes(int count, SynthesisSettings settings) {
        long perRecord = HEADER_BYTES + MAT4_HEADER_BYTES + 12L * settings.samples() * Short.BYTES;
        return count * perRecord;
    }

    /** Whether a folder already holds records ({@code .hea} or {@code .mat} files at its top level). */
    public static boolean holdsRecords(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".hea") || name.endsWith(".mat")) return true;
            }
        }
        return false;
    }
}
