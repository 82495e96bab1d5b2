package org.ecgworkbench.record.wfdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgworkbench.record.RecordFormatException;

/**
 * A signal file's size and first bytes: enough to tell MAT v4 from v5 and to bound every later read by the size.
 *
 * @param size  the file's size in bytes
 * @param bytes its first {@value #LENGTH} bytes (fewer when the file is shorter)
 */
record SignalFileHead(long size, byte[] bytes) {

    static final int LENGTH = 128;

    static SignalFileHead of(Path file) throws RecordFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return new SignalFileHead(Files.size(file), in.readNBytes(LENGTH));
        } catch (IOException e) {
            throw new RecordFormatException(file, null, "cannot read: " + e.getMessage(), e);
        }
    }
}
