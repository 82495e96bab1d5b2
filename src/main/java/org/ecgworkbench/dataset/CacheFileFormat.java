package org.ecgworkbench.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The layout of a tensor-cache file ({@code *.ecgcache}), all little-endian:
 * <pre>
 * 0     8  magic "ECGTCACH"
 * 8     4  format version (1)
 * 12    4  precision: 0 float32, 1 float16
 * 16    4  complete: 1 once the build finished (written last, before the rename)
 * 20    4  channels
 * 24    4  length (samples per channel)
 * 28    4  classes (label floats per sample)
 * 32    8  sample count
 * 40    8  sampling rate of the samples (Hz)
 * 48    8  data offset (4096)
 * 56    8  metadata offset (right after the data)
 * 64    8  metadata length in bytes
 * 72   32  the cache key (SHA-256, see {@link TensorCache})
 * 104   8  CRC-32 of the metadata
 * 4096     data: count × channels × length values, sample after sample, channel-major in a sample
 * meta     per sample: classes float32 labels, age float32 (NaN unknown), sex float32 (1/0/NaN);
 *          then per sample the record id (int32 byte length + UTF-8);
 *          then int32 failure count and each failure (int32 byte length + UTF-8)
 * </pre>
 * The data start on a page boundary so each memory mapping starts aligned.
 */
final class CacheFileFormat {
    static final byte[] MAGIC = "ECGTCACH".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_BYTES = 4096;
    static final int KEY_BYTES = 32;
    static final String EXTENSION = ".ecgcache";

    private CacheFileFormat() {
    }

    /** What the fixed header says. */
    record Header(CachePrecision precision, boolean complete, int channels, int length, int classes, long count,
                  double fs, long dataOffset, long metaOffset, long metaLength, byte[] key, long metaCrc) {

        long sampleBytes() {
            return (long) channels * length * precision.bytes();
        }

        String keyHex() {
            return HexFormat.of().formatHex(key);
        }

        ByteBuffer encode() {
            ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            b.put(MAGIC).putInt(VERSION).putInt(precision.ordinal()).putInt(complete ? 1 : 0)
                    .putInt(channels).putInt(length).putInt(classes).putLong(count).putDouble(fs)
                    .putLong(dataOffset).putLong(metaOffset).putLong(metaLength).put(key).putLong(metaCrc);
            b.position(0);
            return b;
        }
    }

    /** Reads and checks the header; every problem names the file and the field. */
    static Header readHeader(FileChannel channel, Path file) throws IOException {
        long size = channel.size();
        if (size < HEADER_BYTES) throw new DatasetFormatException(file, "header", "file is " + size + " bytes, shorter than the header (a cache whose build was cut short?)");
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (channel.read(b, b.position()) < 0) break;
        }
        b.flip();
        byte[] magic = new byte[MAGIC.length];
        b.get(magic);
        if (Arrays.equals(magic, new byte[MAGIC.length])) {
            throw new DatasetFormatException(file, "complete", "the build never finished (empty header)");
        }
        if (!Arrays.equals(magic, MAGIC)) throw new DatasetFormatException(file, "magic", "not an ECG Workbench tensor cache");
        int version = b.getInt();
        if (version != VERSION) throw new DatasetFormatException(file, "version", "format version " + version + " (this build reads " + VERSION + ")");
        int p = b.getInt();
        if (p < 0 || p >= CachePrecision.values().length) throw new DatasetFormatException(file, "precision", "unknown precision code " + p);
        boolean complete = b.getInt() == 1;
        if (!complete) throw new DatasetFormatException(file, "complete", "the build never finished");
        int channels = b.getInt();
        int length = b.getInt();
        int classes = b.getInt();
        long count = b.getLong();
        double fs = b.getDouble();
        long dataOffset = b.getLong();
        long metaOffset = b.getLong();
        long metaLength = b.getLong();
        byte[] key = new byte[KEY_BYTES];
        b.get(key);
        long crc = b.getLong();
        if (channels < 1) throw new DatasetFormatException(file, "channels", channels + " must be positive");
        if (length < 1) throw new DatasetFormatException(file, "length", length + " must be positive");
        if (classes < 0) throw new DatasetFormatException(file, "classes", classes + " must not be negative");
        if (count < 0 || count > Integer.MAX_VALUE) throw new DatasetFormatException(file, "count", count + " is out of range");
        if (dataOffset != HEADER_BYTES) throw new DatasetFormatException(file, "data offset", dataOffset + ", expected " + HEADER_BYTES);
        Header h = new Header(CachePrecision.values()[p], true, channels, length, classes, count, fs, dataOffset,
                metaOffset, metaLength, key, crc);
        if (metaOffset != dataOffset + count * h.sampleBytes()) {
            throw new DatasetFormatException(file, "metadata offset", metaOffset + " does not follow " + count + " samples of " + h.sampleBytes() + " bytes");
        }
        if (metaLength < 0 || metaLength > Integer.MAX_VALUE || metaOffset + metaLength != size) {
            throw new DatasetFormatException(file, "metadata length", "file is " + size + " bytes, header expects " + (metaOffset + metaLength) + " (truncated?)");
        }
        return h;
    }
}
