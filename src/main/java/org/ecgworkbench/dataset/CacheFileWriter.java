package org.ecgworkbench.dataset;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Streams samples into a new cache file: the data go straight to disk one sample at a time; only
 * the small per-sample metadata (labels, age, sex, id: ~120 bytes a sample) is held until
 * {@link #finish}, which appends it, then writes the header with its "complete" flag last.
 */
final class CacheFileWriter implements AutoCloseable {
    private final FileChannel channel;
    private final CachePrecision precision;
    private final int channels;
    private final int length;
    private final int classes;
    private final byte[] key;
    private final ByteBuffer sampleBuffer;
    private final ByteArrayOutputStream metaBytes = new ByteArrayOutputStream();
    private final DataOutputStream meta = new DataOutputStream(metaBytes);
    private final List<String> ids = new ArrayList<>();
    private long position = CacheFileFormat.HEADER_BYTES;
    private long count;

    CacheFileWriter(Path file, CachePrecision precision, int channels, int length, int classes, byte[] key) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.CREATE);
        this.precision = precision;
        this.channels = channels;
        this.length = length;
        this.classes = classes;
        this.key = key.clone();
        this.sampleBuffer = ByteBuffer.allocateDirect(Math.toIntExact((long) channels * length * precision.bytes())).order(ByteOrder.LITTLE_ENDIAN);
        // An all-zero header says "incomplete" until finish() overwrites it.
        writeFully(ByteBuffer.allocate(CacheFileFormat.HEADER_BYTES), 0);
    }

    /** One sample: {@code channels × length} values, channel-major. */
    void append(float[] signal, float[] labels, float age, float sex, String id) throws IOException {
        if (signal.length != channels * length) throw new IllegalArgumentException(signal.length + " values, expected " + channels * length);
        if (labels.length != classes) throw new IllegalArgumentException(labels.length + " labels, expected " + classes);
        sampleBuffer.clear();
        if (precision == CachePrecision.FLOAT32) {
            sampleBuffer.asFloatBuffer().put(signal);
        } else {
            var shorts = sampleBuffer.asShortBuffer();
            for (float v : signal) shorts.put(Float16.fromFloat(v));
        }
        sampleBuffer.position(0).limit(sampleBuffer.capacity());
        writeFully(sampleBuffer, position);
        position += sampleBuffer.capacity();
        appendMeta(labels, age, sex, id);
    }

    /** Advances over {@code n} zero samples without writing them (a sparse file): for the &gt; 2 GiB mapping test. */
    void appendHoles(long n, String id) throws IOException {
        position += n * sampleBuffer.capacity();
        for (long i = 0; i < n; i++) appendMeta(new float[classes], Float.NaN, Float.NaN, id);
    }

    private void appendMeta(float[] labels, float age, float sex, String id) throws IOException {
        for (float l : labels) meta.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(l)));
        meta.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(age)));
        meta.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(sex)));
        ids.add(id);
        count++;
    }

    long count() {
        return count;
    }

    /** Appends the metadata and the failures, then the header, and syncs the file to disk. */
    void finish(double fs, List<String> failures) throws IOException {
        for (String id : ids) writeString(id);
        meta.writeInt(Integer.reverseBytes(failures.size()));
        for (String f : failures) writeString(f);
        meta.flush();
        byte[] bytes = metaBytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        writeFully(ByteBuffer.wrap(bytes), position);
        channel.force(true);
        var header = new CacheFileFormat.Header(precision, true, channels, length, classes, count, fs,
                CacheFileFormat.HEADER_BYTES, position, bytes.length, key, crc.getValue());
        writeFully(header.encode(), 0);
        channel.force(true);
    }

    private void writeString(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        meta.writeInt(Integer.reverseBytes(b.length));
        meta.write(b);
    }

    private void writeFully(ByteBuffer b, long at) throws IOException {
        long p = at;
        while (b.hasRemaining()) p += channel.write(b, p);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
