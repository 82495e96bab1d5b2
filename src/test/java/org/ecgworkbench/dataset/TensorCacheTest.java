package org.ecgworkbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.ResourceLimitException;
import org.junit.jupiter.api.Assumptions;
import org.ecgworkbench.signal.LengthStep;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.ResampleStep;
import org.ecgworkbench.signal.SignalBlock;
import org.ecgworkbench.support.SlowTest;
import org.ecgworkbench.synth.ClassMix;
import org.ecgworkbench.synth.SynthesisSettings;
import org.ecgworkbench.synth.SyntheticDatasetWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorCacheTest {

    /** Four-second 500-Hz records: small and quick, and a length of 2000 keeps the files tiny. */
    static final Pipeline PIPELINE = new Pipeline(List.of(LengthStep.end(2000)));

    @TempDir
    static Path shared;
    static Path records;

    @TempDir
    Path cacheDir;

    @BeforeAll
    static void writeRecords() throws IOException {
        records = shared.resolve("records");
        SyntheticDatasetWriter.write(records, 10, new SynthesisSettings(5, 500, 4, 1, 0), ClassMix.balanced(), false, 2, i -> { });
    }

    static List<LabelledRecord> index(Path dir) {
        return TrainingIndex.of(new DatasetScanner(false).scan(List.of(dir)), true).records();
    }

    @Test
    void cachesWhatThePipelineGivesWithLabelsAndDemographics() throws IOException {
        List<LabelledRecord> list = index(records);
        List<CacheProgress> progress = new ArrayList<>();
        try (CachedTensors c = TensorCache.open(cacheDir, "train", list, PIPELINE, CachePrecision.FLOAT32, progress::add, () -> false)) {
            assertThat(c.built()).isTrue();
            assertThat(c.size()).isEqualTo(10);
            assertThat(c.channels()).isEqualTo(12);
            assertThat(c.length()).isEqualTo(2000);
            assertThat(c.classes()).isEqualTo(24);
            assertThat(c.fs()).isEqualTo(500);
            assertThat(c.failures()).isEmpty();
            assertThat(progress).last().isEqualTo(new CacheProgress(10, 10));
            assertThat(c.file().getFileName().toString()).startsWith("train-").endsWith(".ecgcache");
            float[] dst = new float[12 * 2000];
            for (int i = 0; i < c.size(); i++) {
                LabelledRecord r = list.get(i);
                assertThat(c.recordId(i)).isEqualTo(r.id());
                assertThat(c.labels(i)).containsExactly(r.labels());
                assertThat(c.age(i)).isEqualTo((float) r.record().age().orElse(Double.NaN));
                assertThat(c.sex(i)).isIn(0f, 1f);
                c.signal(i, dst);
                assertThat(dst).containsExactly(expected(r, 0));
            }
        }
    }

    @Test
    void aCacheLargerThanTheDiskIsRefusedBeforeItIsWritten() throws IOException {
        // 20,000 records of 12 × 600,000 float32 samples: about 576 GB, more than any test machine has free.
        LabelledRecord one = index(records).get(0);
        List<LabelledRecord> many = Collections.nCopies(20_000, one);
        Pipeline longest = new Pipeline(List.of(LengthStep.end(600_000)));
        assertThatThrownBy(() -> TensorCache.open(cacheDir, "train", many, longest, CachePrecision.FLOAT32, p -> { }, () -> false))
                .isInstanceOf(ResourceLimitException.class)
                .hasMessageContaining("not enough disk space in " + cacheDir.toAbsolutePath() + ": the tensor cache needs about 576.0 GB");
        try (var left = Files.list(cacheDir)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void float16KeepsTheSignalToHalfPrecision() throws IOException {
        List<LabelledRecord> list = index(records).subList(0, 3);
        try (CachedTensors c = TensorCache.open(cacheDir, "train", list, PIPELINE, CachePrecision.FLOAT16, p -> { }, () -> false)) {
            assertThat(c.precision()).isEqualTo(CachePrecision.FLOAT16);
            assertThat(Files.size(c.file())).isLessThan(4096 + 3L * 12 * 2000 * 2 + 2000);
            float[] dst = new float[12 * 2000];
            for (int i = 0; i < 3; i++) {
                c.signal(i, dst);
                float[] want = expected(list.get(i), 0);
                for (int k = 0; k < dst.length; k++) {
                    assertThat(dst[k]).isEqualTo(Float16.toFloat(Float16.fromFloat(want[k])));
                    assertThat((double) Math.abs(dst[k] - want[k])).isLessThanOrEqualTo(Math.abs(want[k]) * 0x1p-11 + 0x1p-24);
                }
            }
        }
    }

    @Test
    void aMatchingKeyIsReusedWithoutPreprocessing() throws IOException {
        List<LabelledRecord> list = index(records);
        Path first;
        try (CachedTensors c = TensorCache.open(cacheDir, "train", list, PIPELINE, CachePrecision.FLOAT32, p -> { }, () -> false)) {
            first = c.file();
        }
        FileTime built = Files.getLastModifiedTime(first);
        AtomicInteger calls = new AtomicInteger();
        try (CachedTensors c = TensorCache.open(cacheDir, "train", list, PIPELINE, CachePrecision.FLOAT32, p -> calls.incrementAndGet(), () -> false)) {
            assertThat(c.built()).isFalse();
            assertThat(c.file()).isEqualTo(first);
            assertThat(c.size()).isEqualTo(10);
        }
        assertThat(calls).hasValue(0);
        assertThat(Files.getLastModifiedTime(first)).isEqualTo(built);
    }

    @Test
    void anythingElseInTheKeyRebuilds() throws IOException {
        Path dir = copyOf(records, cacheDir.resolve("copy"));
        List<LabelledRecord> list = index(dir);
        Path base;
        try (CachedTensors c = TensorCache.open(cacheDir, "train", list, PIPELINE, CachePrecision.FLOAT32, p -> { }, () -> false)) {
            base = c.file();
        }
        // Another precision, another pipeline, another part: other files.
        try (CachedTensors c = TensorCache.open(cacheDir, "train", list, PIPELINE, CachePrecision.FLOAT16, p -> { }, () -> false)) {
            assertThat(c.built()).isTrue();
            assertThat(c.file()).isNotEqualTo(base);
        }
        Pipeline other = new Pipeline(List.of(new ResampleStep(ResampleStep.Method.FFT, 250), LengthStep.end(1000)));
        try (CachedTensors c = TensorCache.open(cacheDir, "train", list, other, CachePrecision.FLOAT32, p -> { }, () -> false)) {
            assertThat(c.built()).isTrue();
            assertThat(c.length()).isEqualTo(1000);
            assertThat(c.fs()).isEqualTo(250);
        }
        // A signal file touched (same size, new time) changes the key.
        Path mat = Files.list(dir).filter(p -> p.toString().endsWith(".mat")).sorted().findFirst().orElseThrow();
        Files.setLastModifiedTime(mat, FileTime.fromMillis(Files.getLastModifiedTime(mat).toMillis() - 60_000));
        try (CachedTensors c = TensorCache.open(cacheDir, "train", list, PIPELINE, CachePrecision.FLOAT32, p -> { }, () -> false)) {
            assertThat(c.built()).isTrue();
            assertThat(c.file()).isNotEqualTo(base);
        }
        // Fewer records: another key.
        try (CachedTensors c = TensorCache.open(cacheDir, "train", list.subList(0, 9), PIPELINE, CachePrecision.FLOAT32, p -> { }, () -> false)) {
            assertThat(c.built()).isTrue();
            assertThat(c.size()).isEqualTo(9);
        }
    }

    @Test
    void aHalfWrittenOrDamagedCacheIsNeverTakenAsValid() throws IOException {
        List<LabelledRecord> list = index(records).subList(0, 4);
        Path file;
        byte[] good;
        try (CachedTensors c = TensorCache.open(cacheDir, "train", list, PIPELINE, CachePrecision.FLOAT32, p -> { }, () -> false)) {
            file = c.file();
        }
        good = Files.readAllBytes(file);
        // Killed mid-build: a temp file is left, and (worse) suppose a truncated file sat under the final name.
        Path leftover = cacheDir.resolve("." + file.getFileName() + "12345.tmp");
        Files.write(leftover, Arrays.copyOf(good, good.length / 2));
        Files.write(file, Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> CachedTensors.open(file)).isInstanceOf(DatasetFormatException.class).hasMessageContaining(file.toString());
        try (CachedTensors c = TensorCache.open(cacheDir, "train", list, PIPELINE, CachePrecision.FLOAT32, p -> { }, () -> false)) {
            assertThat(c.built()).isTrue();
            assertThat(c.size()).isEqualTo(4);
        }
        assertThat(leftover).doesNotExist();
        assertThat(Files.readAllBytes(file)).isEqualTo(good);

        // A header never completed (zeros), or metadata flipped, are refused naming the field.
        byte[] zeroHeader = good.clone();
        Arrays.fill(zeroHeader, 0, 4096, (byte) 0);
        Files.write(file, zeroHeader);
        assertThatThrownBy(() -> CachedTensors.open(file)).isInstanceOfSatisfying(DatasetFormatException.class,
                e -> assertThat(e.field()).isEqualTo("complete"));
        byte[] flipped = good.clone();
        flipped[flipped.length - 3] ^= 1;
        Files.write(file, flipped);
        assertThatThrownBy(() -> CachedTensors.open(file)).isInstanceOfSatisfying(DatasetFormatException.class,
                e -> assertThat(e.field()).isEqualTo("metadata"));
        try (CachedTensors c = TensorCache.open(cacheDir, "train", list, PIPELINE, CachePrecision.FLOAT32, p -> { }, () -> false)) {
            assertThat(c.built()).isTrue();
        }
    }

    @Test
    void aBadRecordIsSkippedAndReported() throws IOException {
        Path dir = copyOf(records, cacheDir.resolve("copy"));
        List<LabelledRecord> list = index(dir);
        Path broken = list.get(3).record().path().resolveSibling(list.get(3).id() + ".mat");
        Files.write(broken, new byte[] {1, 2, 3});
        try (CachedTensors c = TensorCache.open(cacheDir, "train", list, PIPELINE, CachePrecision.FLOAT32, p -> { }, () -> false)) {
            assertThat(c.size()).isEqualTo(9);
            assertThat(c.failures()).singleElement().asString().contains(list.get(3).id());
            assertThat(IntStream.range(0, 9).mapToObj(c::recordId)).doesNotContain(list.get(3).id());
        }
    }

    @Test
    void aWindowingPipelineGivesOneSamplePerWindowWithTheRecordsLabels() throws IOException {
        List<LabelledRecord> list = index(records).subList(0, 2);
        // 2000 samples in windows of 800 every 800: 0, 800, and one ending at the last sample (1200).
        Pipeline windows = new Pipeline(List.of(new LengthStep(800, LengthStep.Policy.WINDOWS, 800)));
        try (CachedTensors c = TensorCache.open(cacheDir, "train", list, windows, CachePrecision.FLOAT32, p -> { }, () -> false)) {
            assertThat(c.size()).isEqualTo(6);
            float[] dst = new float[12 * 800];
            for (int i = 0; i < 6; i++) {
                LabelledRecord r = list.get(i / 3);
                assertThat(c.recordId(i)).isEqualTo(r.id());
                assertThat(c.labels(i)).containsExactly(r.labels());
                c.signal(i, dst);
                SignalBlock b = windows.apply(EcgRecordReader.read(r.record().path())).get(i % 3);
                assertThat(dst[12 * 800 - 1]).isEqualTo((float) b.samples()[11][799]);
                assertThat(dst[0]).isEqualTo((float) b.samples()[0][0]);
            }
        }
    }

    @Test
    void noRecordsGiveAnEmptyCacheAndAnEmptyEpoch() throws IOException {
        try (CachedTensors c = TensorCache.open(cacheDir, "test", List.of(), PIPELINE, CachePrecision.FLOAT32, p -> { }, () -> false)) {
            assertThat(c.size()).isZero();
            assertThat(c.classes()).isEqualTo(24);
            assertThat(c.length()).isEqualTo(2000);
            CacheBatchIterator it = new CacheBatchIterator(c, 8, true, 1, true, Augmentation.NONE, new double[0]);
            assertThat(it.batchesPerEpoch()).isZero();
            assertThat(it.hasNext()).isFalse();
            assertThat(it.epochOrder()).isEmpty();
            it.close();
        }
    }

    @Test
    void aPipelineWithoutAFixedLengthIsRefused() {
        List<LabelledRecord> list = index(records);
        assertThatThrownBy(() -> TensorCache.open(cacheDir, "train", list, new Pipeline(List.of()), CachePrecision.FLOAT32, p -> { }, () -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fixed length");
        Pipeline resampledAfter = new Pipeline(List.of(LengthStep.end(2000), new ResampleStep(ResampleStep.Method.FFT, 250)));
        assertThatThrownBy(() -> TensorCache.open(cacheDir, "train", list, resampledAfter, CachePrecision.FLOAT32, p -> { }, () -> false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TensorCache.open(cacheDir, "../x", list, PIPELINE, CachePrecision.FLOAT32, p -> { }, () -> false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cancellingStopsTheBuildAndLeavesNothing() throws IOException {
        List<LabelledRecord> list = index(records);
        AtomicInteger seen = new AtomicInteger();
        assertThatThrownBy(() -> TensorCache.open(cacheDir, "train", list, PIPELINE, CachePrecision.FLOAT32,
                p -> seen.incrementAndGet(), () -> seen.get() >= 3)).isInstanceOf(CancellationException.class);
        assertThat(seen.get()).isEqualTo(3);
        try (Stream<Path> files = Files.list(cacheDir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void samplesReadTheSameThroughManySmallMappings() throws IOException {
        List<LabelledRecord> list = index(records);
        long sampleBytes = 12L * 2000 * 4;
        try (CachedTensors whole = TensorCache.open(cacheDir, "train", list, PIPELINE, CachePrecision.FLOAT32, p -> { }, () -> false);
             CachedTensors chunked = TensorCache.open(cacheDir, "train", list, PIPELINE, CachePrecision.FLOAT32, p -> { }, () -> false,
                     3 * sampleBytes + 5, 1)) {
            assertThat(whole.mappings()).isEqualTo(1);
            assertThat(chunked.mappings()).isEqualTo(4);
            float[] a = new float[12 * 2000];
            float[] b = new float[12 * 2000 + 7];
            for (int i = 0; i < 10; i++) {
                whole.signal(i, a);
                chunked.signal(i, b, 7);
                assertThat(Arrays.copyOfRange(b, 7, b.length)).containsExactly(a);
            }
        }
    }

    /** A sparse file of 9,000 samples of 12 × 5000 float32 (2.16 GB, mostly holes) maps as two chunks. */
    @Test
    void filesLargerThanTwoGibibytesMapInSeveralChunks() throws IOException {
        Path file = cacheDir.resolve("big.ecgcache");
        int values = 12 * 5000;
        float[] first = new float[values];
        float[] last = new float[values];
        for (int k = 0; k < values; k++) {
            first[k] = k;
            last[k] = -k;
        }
        byte[] key = new byte[32];
        try (CacheFileWriter w = new CacheFileWriter(file, CachePrecision.FLOAT32, 12, 5000, 24, key)) {
            w.append(first, new float[24], 30, 1, "first");
            w.appendHoles(8998, "hole");
            float[] labels = new float[24];
            labels[5] = 1;
            w.append(last, labels, Float.NaN, 0, "last");
            w.finish(500, List.of("one failure"));
        }
        assertThat(Files.size(file)).isGreaterThan(1L << 31);
        try (CachedTensors c = CachedTensors.open(file)) {
            assertThat(c.size()).isEqualTo(9000);
            assertThat(c.mappings()).isEqualTo(2);
            float[] dst = new float[values];
            c.signal(0, dst);
            assertThat(dst).containsExactly(first);
            c.signal(8999, dst);
            assertThat(dst).containsExactly(last);
            c.signal(8946, dst); // the last sample of the first mapping is a hole
            assertThat(dst[values - 1]).isZero();
            assertThat(c.recordId(8999)).isEqualTo("last");
            assertThat(c.labels(8999)[5]).isEqualTo(1f);
            assertThat(c.age(0)).isEqualTo(30f);
            assertThat(c.sex(8999)).isZero();
            assertThat(c.failures()).containsExactly("one failure");
        }
    }

    @SlowTest
    @Test
    void sharedRealRecordsBuildWithFailuresReportedNotThrown() throws IOException {
        Path root = Path.of(System.getProperty("ecg.shared.data", "../shared/data"));
        Path fixtures = root.resolve("cinc2020-fixtures");
        Assumptions.assumeTrue(Files.isDirectory(fixtures), "shared data not present");
        List<Path> roots = List.of(fixtures, root.resolve("cinc2020-unlabelled"), root.resolve("cpsc2018-original"));
        ScanResult scan = new DatasetScanner(false).scan(roots);
        // The St Petersburg headers have no signal file beside them: the scan's file check already fails them.
        assertThat(scan.failed()).isNotEmpty().allSatisfy(f -> assertThat(f.path().getFileName().toString()).startsWith("I00"));
        List<LabelledRecord> list = TrainingIndex.of(scan, true).records();
        try (CachedTensors c = TensorCache.open(cacheDir, "all", list, Pipeline.defaultRecipe(), CachePrecision.FLOAT16, p -> { }, () -> false)) {
            assertThat(c.size() + c.failures().size()).isEqualTo(list.size());
            assertThat(c.size()).isGreaterThan(50);
            assertThat(c.failures()).isEmpty();
            assertThat(c.length()).isEqualTo(5000);
        }
    }

    private static float[] expected(LabelledRecord r, int block) throws IOException {
        SignalBlock b = PIPELINE.apply(EcgRecordReader.read(r.record().path())).get(block);
        float[] out = new float[12 * b.length()];
        float[][] f = b.toFloat();
        for (int c = 0; c < 12; c++) System.arraycopy(f[c], 0, out, c * b.length(), b.length());
        return out;
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path p : files.toList()) Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return to;
    }

    @Test
    void theCacheFileGetsTheUmaskPermissionsAndNoTemporaryFileStays() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path reference = Files.createDirectories(cacheDir).resolve("reference");
        Files.newOutputStream(reference).close();
        try (CachedTensors c = TensorCache.open(cacheDir, "train", index(records), PIPELINE, CachePrecision.FLOAT32, p -> { }, () -> false)) {
            assertThat(c.size()).isEqualTo(10);
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            List<Path> written = files.filter(f -> !f.equals(reference)).toList();
            assertThat(written).hasSize(1).allSatisfy(f -> assertThat(f.getFileName().toString()).doesNotEndWith(".tmp"));
            assertThat(Files.getPosixFilePermissions(written.get(0))).isEqualTo(Files.getPosixFilePermissions(reference));
        }
    }

    @Test
    void theKeyNeverLooksAtAFileOutsideTheRecordFolder() throws IOException {
        Path folder = Files.createDirectories(cacheDir.resolve("data"));
        Path outside = Files.writeString(cacheDir.resolve("secret.mat"), "not yours");
        Path header = Files.writeString(folder.resolve("A1.hea"), "A1 1 500 1000\n../secret.mat 16 1000 16 0 0 0 0 I\n");
        assertThat(TensorCache.filesOf(header)).containsExactly(header).doesNotContain(outside);
    }
}
