package org.ecgworkbench.record;

import java.nio.file.Path;

/** Builds records from MAT v5 files that have no header (placeholder until the MAT v5 reader lands). */
final class Mat5RecordAssembler {
    private Mat5RecordAssembler() {
    }

    static EcgRecord read(Path file) throws RecordFormatException {
        throw new RecordFormatException(file, null, "has no header file beside it");
    }
}
