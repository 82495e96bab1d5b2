package org.ecgworkbench.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of scanning folders: the records read and the ones that failed, both in path order.
 *
 * @param records records whose header (and signals, when verified) read
 * @param failed  one entry per unreadable record or folder
 */
public record ScanResult(List<IndexedRecord> records, List<Failure> failed) {

    /** A record or folder that could not be read, and why. */
    public record Failure(Path path, String error) {
    }

    public ScanResult {
        records = List.copyOf(records);
        failed = List.copyOf(failed);
    }
}
