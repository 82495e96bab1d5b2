package org.ecgworkbench.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecgworkbench.record.Sex;

/**
 * What a scan learns about one record without (necessarily) reading its signals.
 *
 * @param path      the header file (or the signal file of a header-less record)
 * @param id        record id
 * @param source    challenge source told by the id
 * @param fs        sampling frequency (Hz)
 * @param samples   samples per lead (0 when the header does not say)
 * @param leads     number of signals
 * @param age       age when known
 * @param sex       sex when known
 * @param dx        {@code #Dx} entries as written
 * @param warnings  reader warnings (only when signals were read)
 */
public record IndexedRecord(Path path, String id, ChallengeSource source, double fs, long samples, int leads,
                            OptionalDouble age, Optional<Sex> sex, List<String> dx, List<String> warnings) {
    public IndexedRecord {
        dx = List.copyOf(dx);
        warnings = List.copyOf(warnings);
    }

    public double durationSeconds() {
        return samples / fs;
    }
}
