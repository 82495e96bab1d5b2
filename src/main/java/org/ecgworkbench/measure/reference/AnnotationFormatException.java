package org.ecgworkbench.measure.reference;

import java.io.IOException;
import java.nio.file.Path;

/** A malformed WFDB annotation file; the message names the file and the byte offset at fault. */
public final class AnnotationFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long byteOffset;

    public AnnotationFormatException(Path file, long byteOffset, String problem) {
        super((file == null ? "<input>" : file.toString()) + ": byte " + byteOffset + ": " + problem);
        this.file = file;
        this.byteOffset = byteOffset;
    }

    /** The file at fault (null for in-memory input). */
    public Path file() {
        return file;
    }

    /** Offset of the first byte of the word at fault. */
    public long byteOffset() {
        return byteOffset;
    }
}
