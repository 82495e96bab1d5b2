package org.ecgworkbench.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Whole pipelines on the committed sample records against scipy/numpy
 * (src/test/python/make_pipeline_golden.py): every output sample within 1e-6 of the output's range.
 */
class PipelineGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/pipeline");

    @TestFactory
    Stream<DynamicTest> pipelinesMatchScipy() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(GOLDEN)) {
            cases = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(5);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private static void check(Path metaFile) throws IOException {
        JsonNode meta = new ObjectMapper().readTree(metaFile.toFile());
        Pipeline pipeline = PipelineJson.read(meta.get("pipeline").toString());
        EcgRecord record = EcgRecordReader.read(Path.of("resources/samples", meta.get("record").asText()));
        List<SignalBlock> blocks = pipeline.apply(record);

        int n = meta.get("length").asInt();
        assertThat(blocks).hasSize(meta.get("blocks").asInt());
        FloatBuffer golden = ByteBuffer.wrap(Files.readAllBytes(
                metaFile.resolveSibling(metaFile.getFileName().toString().replace(".json", ".f32"))))
                .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        for (SignalBlock block : blocks) {
            assertThat(block.length()).isEqualTo(n);
            assertThat(block.fs()).isEqualTo(meta.get("fs").asDouble());
            float[][] expected = new float[SignalBlock.LEADS][n];
            for (float[] lead : expected) golden.get(lead);
            float[] mask = new float[n];
            golden.get(mask);

            float[][] actual = block.toFloat();
            for (int l = 0; l < SignalBlock.LEADS; l++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (float v : expected[l]) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
                double tolerance = 1e-6 * Math.max(hi - lo, 1e-3);
                for (int i = 0; i < n; i++) {
                    assertThat((double) actual[l][i]).as("lead %d sample %d", l, i).isCloseTo(expected[l][i],
                            Offset.offset(tolerance));
                }
            }
            for (int i = 0; i < n; i++) assertThat(block.mask()[i]).as("mask %d", i).isEqualTo(mask[i] == 1f);
        }
        assertThat(golden.hasRemaining()).isFalse();
    }
}
