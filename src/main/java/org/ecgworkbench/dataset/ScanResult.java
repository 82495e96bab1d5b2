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

    /**
     * A record or folder that could not be read, and why.
     *
     * @param error the reader's message, which usually starts with the file's path already
     */
    public record Failure(Path path, String error) {

        /** Why, without the leading path the reader's messages carry (for a table that shows the file beside it). */
        public String reason() {
            String prefix = path + ": ";
            return error.startsWith(prefix) ? error.substring(prefix.length()) : error;
        }

        /** "path: reason", naming the file once: a failure line for the terminal or a log. */
        public String line() {
            return path + ": " + reason();
        }
    }

    public ScanResult {
        records = List.copyOf(records);
        failed = List.copyOf(failed);
    }
}
