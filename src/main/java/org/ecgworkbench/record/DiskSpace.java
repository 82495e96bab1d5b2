package org.ecgworkbench.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The up-front disk check of the long writers: compare an estimate of what they will write with the
 * usable space of the folder they write into, and refuse before writing anything rather than fill the
 * disk and leave a partial result.
 */
public final class DiskSpace {
    /** Kept free beyond the estimate, for the file system's own needs and the estimate's error. */
    static final long MARGIN_BYTES = 16L << 20;

    private DiskSpace() {
    }

    /**
     * @param target the file or folder to be written (it need not exist yet: its nearest existing folder counts)
     * @param bytes  the estimate of what will be written
     * @param what   names the writer in the message ("synth", "export", "tensor cache")
     * @throws ResourceLimitException when the estimate and the margin do not fit
     */
    public static void require(Path target, long bytes, String what) throws IOException {
        Path existing = target.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return; // nothing on the path exists: the write itself will say why
        long usable = Files.getFileStore(existing).getUsableSpace();
        if (bytes > usable - MARGIN_BYTES) {
            Path folder = Files.isDirectory(existing) ? existing : existing.getParent();
            throw new ResourceLimitException("not enough disk space in " + folder + ": " + what + " needs about "
                    + format(bytes) + ", " + format(usable) + " free");
        }
    }

    /** Bytes as people read them: 512 B, 3.4 MB, 5.8 TB (powers of 1000). */
    public static String format(long bytes) {
        if (bytes < 1000) return bytes + " B";
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
