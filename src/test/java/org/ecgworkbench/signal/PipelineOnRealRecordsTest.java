package org.ecgworkbench.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every readable real record (all rates: 100, 500, 1000 Hz; 10 s to 115 s) through the default
 * recipe, a polyphase + band-pass + notch + z-score pipeline, and windows: right shape, finite values.
 */
@SlowTest
class PipelineOnRealRecordsTest {
    private static final List<Pipeline> PIPELINES = List.of(
            Pipeline.defaultRecipe(),
            new Pipeline(List.of(new ResampleStep(ResampleStep.Method.POLY, 500), FilterStep.bandPass(0.5, 40, 2),
                    FilterStep.notch(50, 30), NormalizeStep.of(NormalizeStep.Kind.ZSCORE), LengthStep.end(5000))),
            new Pipeline(List.of(new ResampleStep(ResampleStep.Method.FFT, 250), FilterStep.highPass(0.5, 4),
                    new LengthStep(2500, LengthStep.Policy.WINDOWS, 1250))));

    static Stream<Path> recordsUnder(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".hea") || p.toString().endsWith(".mat")
                            && !Files.exists(Path.of(p.toString().replace(".mat", ".hea"))))
                    .sorted().toList().stream();
        }
    }

    @TestFactory
    Stream<DynamicTest> sharedDataRecords() throws IOException {
        Path data = Path.of(System.getProperty("ecg.shared.data", "../shared/data"));
        Assumptions.assumeTrue(Files.isDirectory(data), data + " not present: skipping");
        return tests(recordsUnder(data));
    }

    @TestFactory
    Stream<DynamicTest> sampleRecords() throws IOException {
        return tests(recordsUnder(Path.of("resources/samples")));
    }

    private static Stream<DynamicTest> tests(Stream<Path> records) {
        return records.map(path -> DynamicTest.dynamicTest(path.getParent().getFileName() + "/" + path.getFileName(), () -> {
            EcgRecord record;
            try {
                record = EcgRecordReader.read(path);
            } catch (RecordFormatException unreadable) {
                // Headers without signal files (St Petersburg) are the reader's business, tested there.
                Assumptions.abort("unreadable: " + unreadable.getMessage());
                return;
            }
            for (Pipeline p : PIPELINES) {
                List<SignalBlock> blocks = p.apply(record);
                LengthStep length = (LengthStep) p.steps().get(p.steps().size() - 1);
                double fs = ((ResampleStep) p.steps().get(0)).targetFs();
                int expectedBlocks = length.policy() != LengthStep.Policy.WINDOWS ? 1
                        : Math.max(1, (int) Math.ceil((Math.round(record.samples() * fs / record.fs()) - length.samples())
                                / (double) length.hop()) + 1);
                assertThat(blocks).hasSize(expectedBlocks);
                for (SignalBlock b : blocks) {
                    assertThat(b.fs()).isEqualTo(fs);
                    assertThat(b.length()).isEqualTo(length.samples());
                    for (float[] lead : b.toFloat()) {
                        for (float v : lead) assertThat(Float.isFinite(v)).isTrue();
                    }
                }
            }
        }));
    }
}
