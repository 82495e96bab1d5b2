package org.ecgworkbench.record.mat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.RecordFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A header may name a MAT v5 file whose {@code val} matrix holds the ADC values. */
class Mat5ValWithHeaderTest {
    @TempDir
    Path dir;

    @Test
    void integerValInAMat5FileIsReadThroughTheHeaderGains() throws Exception {
        double[][] val = {{100, -200, 300}, {0, 50, -50}};
        Mat5Writer.write(dir.resolve("r.mat"), new Mat5Content.Signals(val, 500, List.of("I", "II")), false);
        Files.writeString(dir.resolve("r.hea"), "r 2 500 3\nr.mat 16+24 100/mV 16 0 100 200 0 I\nr.mat 16+24 100/mV 16 0 0 0 0 II\n");
        EcgRecord r = EcgRecordReader.read(dir.resolve("r.hea"));
        assertThat(r.leads().get(0).adc()).containsExactly(100, -200, 300);
        assertThat(r.leads().get(0).millivolts()).containsExactly(1f, -2f, 3f);
        assertThat(r.leads().get(1).checksumOk()).contains(true);
    }

    @Test
    void nonIntegerValIsRefusedByName() throws Exception {
        Mat5Writer.write(dir.resolve("f.mat"), new Mat5Content.Signals(new double[][] {{0.5, 1}}, 500, List.of("I")), false);
        Files.writeString(dir.resolve("f.hea"), "f 1 500 2\nf.mat 16+24 100/mV 16 0 0 0 0 I\n");
        assertThatThrownBy(() -> EcgRecordReader.read(dir.resolve("f.hea")))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("f.mat").hasMessageContaining("non-integer");
    }

    @Test
    void headerlessValNeedsAnFsVariable() throws Exception {
        Mat5Writer.write(dir.resolve("nofs.mat"), new Mat5Content.Signals(new double[][] {{1, 2}}, OptionalDouble.empty(),
                List.of("I"), Optional.empty(), OptionalDouble.empty(), Optional.empty(), List.of()), false);
        assertThatThrownBy(() -> EcgRecordReader.read(dir.resolve("nofs.mat")))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("nofs.mat").hasMessageContaining("fs");
    }
}
