package org.ecgworkbench.cli;

import java.io.PrintWriter;
import org.ecgworkbench.record.EcgRecord;

/**
 * The reader's warnings about a record (implausible amplitude, checksum, gain correction…), shown on
 * stderr by every command that uses the record, so a doubtful input is never reported as a clean result.
 */
final class RecordWarnings {
    private RecordWarnings() {
    }

    static void print(PrintWriter err, EcgRecord record) {
        for (String w : record.warnings()) err.println("warning: " + record.source() + ": " + w);
        err.flush();
    }
}
