package org.ecgworkbench.measure.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads WFDB annotation files in MIT format (the format of PhysioNet's {@code .atr} files and LUDB's
 * per-lead {@code N.i} ... {@code N.v6}). The file is a sequence of little-endian 16-bit words: the
 * top 6 bits hold a code, the low 10 bits a number. Codes 1..49 are annotations whose number is the
 * time since the previous annotation; 59 (SKIP) adds a 32-bit interval, stored as two words high word
 * first, to the next annotation's time; 60 NUM, 61 SUB and 62 CHN set fields of the preceding
 * annotation; 63 AUX is followed by that many bytes of text (padded to an even count); a zero word
 * ends the file. Every allocation is bounded by the file's size, which is itself limited.
 */
public final class WfdbAnnotationReader {

    /** Largest annotation file accepted (a 24-h beat-by-beat annotation file is a few MB). */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private static final int SKIP = 59;
    private static final int NUM = 60;
    private static final int SUB = 61;
    private static final int CHN = 62;
    private static final int AUX = 63;

    private WfdbAnnotationReader() {
    }

    /** Reads every annotation of {@code file}, in file order. */
    public static List<WfdbAnnotation> read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new AnnotationFormatException(file, 0, "annotation file of " + size + " bytes exceeds the limit of "
                    + MAX_FILE_BYTES + " bytes");
        }
        return parse(file, Files.readAllBytes(file));
    }

    /**
     * Parses annotation bytes.
     *
     * @param file named in errors only (may be null)
     */
    public static List<WfdbAnnotation> parse(Path file, byte[] bytes) throws AnnotationFormatException {
        // Each annotation takes at least one word, so the list never outgrows bytes.length / 2.
        List<WfdbAnnotation> out = new ArrayList<>(Math.min(bytes.length / 2, 1 << 16));
        long time = 0;
        int channel = 0;
        int num = 0;
        Pending pending = null;
        int pos = 0;
        while (true) {
            if (pos == bytes.length) {
                break; // a file without the terminating zero word is still read to its end (as wfdb does)
            }
            if (pos + 2 > bytes.length) {
                throw new AnnotationFormatException(file, pos, "odd trailing byte: the file is truncated");
            }
            int word = (bytes[pos] & 0xff) | (bytes[pos + 1] & 0xff) << 8;
            int code = word >>> 10;
            int value = word & 0x3ff;
            int wordOffset = pos;
            pos += 2;
            if (code == 0 && value == 0) {
                break;
            }
            switch (code) {
                case SKIP -> {
                    if (pos + 4 > bytes.length) {
                        throw new AnnotationFormatException(file, wordOffset, "SKIP without its 4-byte interval: the file is truncated");
                    }
                    int high = (bytes[pos] & 0xff) | (bytes[pos + 1] & 0xff) << 8;
                    int low = (bytes[pos + 2] & 0xff) | (bytes[pos + 3] & 0xff) << 8;
                    int interval = high << 16 | low;
                    pos += 4;
                    time += interval;
                    if (time < 0) {
                        throw new AnnotationFormatException(file, wordOffset, "SKIP makes the time negative (" + time + ")");
                    }
                }
                case NUM -> {
                    num = value;
                    requirePending(file, wordOffset, pending, "NUM").num = num;
                }
                case SUB -> requirePending(file, wordOffset, pending, "SUB").subtype = value;
                case CHN -> {
                    channel = value;
                    requirePending(file, wordOffset, pending, "CHN").channel = channel;
                }
                case AUX -> {
                    if (pos + value > bytes.length) {
                        throw new AnnotationFormatException(file, wordOffset, "AUX of " + value + " bytes runs past the end of the file");
                    }
                    requirePending(file, wordOffset, pending, "AUX").aux =
                            new String(bytes, pos, value, StandardCharsets.ISO_8859_1);
                    pos += value + (value & 1);
                    pos = Math.min(pos, bytes.length);
                }
                default -> {
                    if (code > AnnotationCodes.MAX_CODE) {
                        throw new AnnotationFormatException(file, wordOffset, "unknown pseudo-annotation code " + code);
                    }
                    if (pending != null) {
                        out.add(pending.toAnnotation());
                    }
                    time += value;
                    pending = new Pending(time, code, channel, num);
                }
            }
        }
        if (pending != null) {
            out.add(pending.toAnnotation());
        }
        return out;
    }

    private static Pending requirePending(Path file, int offset, Pending pending, String what) throws AnnotationFormatException {
        if (pending == null) {
            throw new AnnotationFormatException(file, offset, what + " before any annotation");
        }
        return pending;
    }

    /** The annotation being assembled until the next one starts (its modifiers follow it). */
    private static final class Pending {
        final long sample;
        final int code;
        int subtype;
        int channel;
        int num;
        String aux = "";

        Pending(long sample, int code, int channel, int num) {
            this.sample = sample;
            this.code = code;
            this.channel = channel;
            this.num = num;
        }

        WfdbAnnotation toAnnotation() {
            return new WfdbAnnotation(sample, code, subtype, channel, num, aux);
        }
    }
}
