package org.ecgworkbench.app;

import java.nio.file.Path;

/** A record in the list on the left: its name and the file it is opened from. */
public record RecordEntry(String name, Path path) {

    public static RecordEntry of(Path path) {
        return new RecordEntry(RecordFiles.recordName(path), path);
    }

    @Override
    public String toString() {
        return name;
    }
}
