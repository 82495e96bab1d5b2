package org.ecgworkbench.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.ecgworkbench.record.wfdb.ChallengeRecordWriter;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.RecordFormatException;

/** A generated record written as challenge files and read back, with its ground truth. */
public record ReadBack(SyntheticEcg truth, EcgRecord record) {

    /** Record {@code index} of a dataset with seed {@code seed}, 500 Hz, 10 s, typical noise. */
    public static ReadBack of(Path dir, String classes, long seed, long index) {
        return of(dir, classes, new SynthesisSettings(seed, 500, 10, 1, 0), index);
    }

    static ReadBack of(Path dir, String classes, SynthesisSettings settings, long index) {
        SyntheticEcg ecg = SyntheticEcgGenerator.generate(settings, index, ClassSet.parse(classes));
        Path header = dir.resolve(classes.replace('+', '_') + "-" + settings.seed() + "-" + index + ".hea");
        try {
            ChallengeRecordWriter.write(ecg.record(), header, true);
            return new ReadBack(ecg, EcgRecordReader.read(header));
        } catch (RecordFormatException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RecordSpec spec() {
        return truth.spec();
    }

    public EcgMeasurements.Measured measured() {
        return EcgMeasurements.measure(record);
    }
}
