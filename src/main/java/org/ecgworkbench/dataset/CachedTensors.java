package org.ecgworkbench.dataset;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * A tensor cache opened for reading: preprocessed samples memory-mapped from one file, with their
 * labels, demographics and record ids held in memory (a few bytes a sample). The samples are
 * never all read into the heap; the operating system pages them in and out.
 *
 * <p>{@code FileChannel.map} takes at most 2 GiB per mapping, and the full challenge set at float32 is
 * ≈ 10 GB, so the data are mapped as several chunks, each a whole number of samples (a sample never
 * straddles two mappings).
 *
 * <p>Reads are thread-safe (absolute gets on shared read-only buffers), so a prefetch thread may
 * read while another thread looks at labels. A sample may come from a window of a longer
 * recording: then several samples share one record id.
 */
public final class CachedTensors implements AutoCloseable {

    /** Largest mapping: FileChannel.map refuses more than Integer.MAX_VALUE bytes. */
    static final long MAX_MAPPING_BYTES = Integer.MAX_VALUE;

    private final Path file;
    private final CacheFileFormat.Header header;
    private final int count;
    private final int valuesPerSample;
    private final int samplesPerChunk;
    private volatile ByteBuffer[] chunks;
    private final float[] labels;
    private final float[] age;
    private final float[] sex;
    private final String[] ids;
    private final List<String> failures;
    private final boolean built;
    private final ThreadLocal<short[]> halfScratch;

    private CachedTensors(Path file, CacheFileFormat.Header header, ByteBuffer[] chunks, int samplesPerChunk,
                          float[] labels, float[] age, float[] sex, String[] ids, List<String> failures, boolean built) {
        this.file = file;
        this.header = header;
        this.count = (int) header.count();
        this.valuesPerSample = header.channels() * header.length();
        this.samplesPerChunk = samplesPerChunk;
        this.chunks = chunks;
        this.labels = labels;
        this.age = age;
        this.sex = sex;
        this.ids = ids;
        this.failures = List.copyOf(failures);
        this.built = built;
        this.halfScratch = ThreadLocal.withInitial(() -> new short[valuesPerSample]);
    }

    /** Opens an existing cache file without checking its key (for tools and benchmarks). */
    public static CachedTensors open(Path file) throws IOException {
        return open(file, null, MAX_MAPPING_BYTES, false);
    }

    /**
     * @param expectedKey  the key the file must carry (null: any)
     * @param mappingBytes largest single mapping (the 2 GiB limit; smaller in tests)
     * @param built        whether this open follows a build (reported by {@link #built()})
     */
    static CachedTensors open(Path file, byte[] expectedKey, long mappingBytes, boolean built) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            CacheFileFormat.Header h = CacheFileFormat.readHeader(channel, file);
            if (expectedKey != null && !Arrays.equals(expectedKey, h.key())) {
                throw new DatasetFormatException(file, "key", "the cache was built from other records, pipeline or precision");
            }
            long sampleBytes = h.sampleBytes();
            if (sampleBytes > Math.min(mappingBytes, MAX_MAPPING_BYTES)) {
                throw new DatasetFormatException(file, "length", "one sample of " + sampleBytes + " bytes exceeds a mapping of " + mappingBytes);
            }
            int samplesPerChunk = (int) Math.min(Integer.MAX_VALUE, Math.min(mappingBytes, MAX_MAPPING_BYTES) / sampleBytes);
            int nChunks = h.count() == 0 ? 0 : (int) ((h.count() + samplesPerChunk - 1) / samplesPerChunk);
            ByteBuffer[] chunks = new ByteBuffer[nChunks];
            for (int c = 0; c < nChunks; c++) {
                long first = (long) c * samplesPerChunk;
                long n = Math.min(samplesPerChunk, h.count() - first);
                MappedByteBuffer m = channel.map(FileChannel.MapMode.READ_ONLY, h.dataOffset() + first * sampleBytes, n * sampleBytes);
                chunks[c] = m.order(ByteOrder.LITTLE_ENDIAN);
            }
            return readMeta(channel, file, h, chunks, samplesPerChunk, built);
        }
    }

    private static CachedTensors readMeta(FileChannel channel, Path file, CacheFileFormat.Header h, ByteBuffer[] chunks,
                                          int samplesPerChunk, boolean built) throws IOException {
        ByteBuffer meta = ByteBuffer.allocate((int) h.metaLength()).order(ByteOrder.LITTLE_ENDIAN);
        while (meta.hasRemaining()) {
            if (channel.read(meta, h.metaOffset() + meta.position()) < 0) {
                throw new DatasetFormatException(file, "metadata", "ends early");
            }
        }
        meta.flip();
        CRC32 crc = new CRC32();
        crc.update(meta.duplicate());
        if (crc.getValue() != h.metaCrc()) throw new DatasetFormatException(file, "metadata", "checksum mismatch (damaged file)");
        int n = (int) h.count();
        int classes = h.classes();
        float[] labels = new float[n * classes];
        float[] age = new float[n];
        float[] sex = new float[n];
        String[] ids = new String[n];
        List<String> failures = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < classes; c++) labels[i * classes + c] = meta.getFloat();
                age[i] = meta.getFloat();
                sex[i] = meta.getFloat();
            }
            for (int i = 0; i < n; i++) ids[i] = string(meta, file, "record id " + i);
            int nf = meta.getInt();
            if (nf < 0) throw new DatasetFormatException(file, "failures", "negative count");
            for (int i = 0; i < nf; i++) failures.add(string(meta, file, "failure " + i));
        } catch (BufferUnderflowException e) {
            throw new DatasetFormatException(file, "metadata", "ends early");
        }
        return new CachedTensors(file, h, chunks, samplesPerChunk, labels, age, sex, ids, failures, built);
    }

    private static String string(ByteBuffer b, Path file, String field) throws DatasetFormatException {
        int len = b.getInt();
        if (len < 0 || len > b.remaining()) throw new DatasetFormatException(file, field, "bad length " + len);
        byte[] bytes = new byte[len];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Samples (one per pipeline block: one per record, or one per window). */
    public int size() {
        return count;
    }

    public int channels() {
        return header.channels();
    }

    /** Samples per channel. */
    public int length() {
        return header.length();
    }

    /** Label floats per sample (24). */
    public int classes() {
        return header.classes();
    }

    /** The samples' rate in Hz (the pipeline's output rate). */
    public double fs() {
        return header.fs();
    }

    public CachePrecision precision() {
        return header.precision();
    }

    /** Sample {@code i} as float32 into {@code dst[0 .. channels·length)}, channel-major. */
    public void signal(int i, float[] dst) {
        signal(i, dst, 0);
    }

    /** Sample {@code i} into {@code dst[offset .. offset + channels·length)}: a batch fills one array. */
    public void signal(int i, float[] dst, int offset) {
        Objects.checkIndex(i, count);
        Objects.checkFromIndexSize(offset, valuesPerSample, dst.length);
        ByteBuffer[] mapped = chunks;
        if (mapped == null) throw new IllegalStateException("cache " + file + " is closed");
        ByteBuffer chunk = mapped[i / samplesPerChunk];
        int index = (i % samplesPerChunk) * valuesPerSample;
        if (header.precision() == CachePrecision.FLOAT32) {
            FloatBuffer f = chunk.asFloatBuffer();
            f.get(index, dst, offset, valuesPerSample);
        } else {
            ShortBuffer s = chunk.asShortBuffer();
            short[] halves = halfScratch.get();
            s.get(index, halves, 0, valuesPerSample);
            for (int k = 0; k < valuesPerSample; k++) dst[offset + k] = Float16.toFloat(halves[k]);
        }
    }

    /** A copy of sample {@code i}'s labels (classes floats, 0/1). */
    public float[] labels(int i) {
        Objects.checkIndex(i, count);
        int c = header.classes();
        float[] out = new float[c];
        System.arraycopy(labels, i * c, out, 0, c);
        return out;
    }

    /** Label {@code c} of sample {@code i}, without a copy. */
    public float label(int i, int c) {
        return labels[i * header.classes() + c];
    }

    /** Age in years, NaN when unknown. */
    public float age(int i) {
        return age[i];
    }

    /** 1 male, 0 female, NaN unknown. */
    public float sex(int i) {
        return sex[i];
    }

    public String recordId(int i) {
        return ids[i];
    }

    /** Records that could not be read or preprocessed when the cache was built, and why. */
    public List<String> failures() {
        return failures;
    }

    public Path file() {
        return file;
    }

    /** True when this open built the file; false when an existing cache was reused. */
    public boolean built() {
        return built;
    }

    /** Number of memory mappings the data use. */
    int mappings() {
        return chunks == null ? 0 : chunks.length;
    }

    /**
     * Drops the mappings; further reads fail. The operating system unmaps them when they are
     * collected (Java 17 has no supported way to unmap at once, and unmapping under a reading thread
     * would crash the JVM).
     */
    @Override
    public void close() {
        chunks = null;
    }
}
