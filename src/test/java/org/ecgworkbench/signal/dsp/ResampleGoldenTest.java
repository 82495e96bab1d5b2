package org.ecgworkbench.signal.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code golden/resample/} (written by {@code src/test/python/make_resample_golden.py}: scipy's
 * {@code resample} and {@code resample_poly} on stored inputs) against the Java resamplers. Tolerance:
 * max |java - scipy| <= 1e-9 * max(1, range of scipy's output); the largest error seen is printed.
 */
class ResampleGoldenTest {

    private static final String DIR = "/golden/resample/";
    private static final double TOLERANCE = 1e-9;

    private static JsonNode index;
    private static DoubleBuffer data;
    private static final Map<String, double[]> WORST = new TreeMap<>();
    private static final Map<String, String> WORST_CASE = new TreeMap<>();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ResampleGoldenTest.class.getResourceAsStream(DIR + "index.json")) {
            assertThat(in).as("golden index").isNotNull();
            index = new ObjectMapper().readTree(in);
        }
        byte[] bytes;
        try (InputStream in = ResampleGoldenTest.class.getResourceAsStream(DIR + index.get("data").asText())) {
            assertThat(in).as("golden data").isNotNull();
            bytes = in.readAllBytes();
        }
        assertThat(bytes.length).isEqualTo(8L * index.get("values").asLong());
        data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
    }

    @AfterAll
    static void report() {
        System.out.printf(Locale.ROOT, "resample golden: %d cases; largest |java - scipy| / max(1, range of scipy's output):%n",
                index.get("cases").size());
        WORST.forEach((method, w) -> System.out.printf(Locale.ROOT, "  %-10s %.3g  (%s)%n", method, w[0],
                WORST_CASE.get(method)));
    }

    @Test
    void indexCoversWhatTheBriefAsksFor() {
        List<String> names = new ArrayList<>();
        index.get("cases").forEach(c -> names.add(c.get("name").asText()));
        for (int fs : new int[] {100, 250, 257, 360, 1000}) {
            assertThat(names).contains("fft-rates " + fs + "->500 Hz", "poly-rates " + fs + "->500 Hz");
        }
        assertThat(names).contains("fft-rates 500->250 Hz", "poly-rates 500->1000 Hz", "fft n=1 num=3",
                "fft n=2 num=1", "poly n=3 2/1", "poly-rates 12 leads 1000->500 Hz");
        assertThat(names.size()).isGreaterThan(500);
    }

    /** Output lengths for n = 1..50 at every rate pair, as scipy gives them. */
    @Test
    void outputLengthsMatchScipyForShortInputs() {
        assertThat(index.get("lengths").size()).isGreaterThanOrEqualTo(7);
        for (JsonNode pair : index.get("lengths")) {
            double fs = pair.get("fs").asDouble();
            double target = pair.get("target_fs").asDouble();
            PolyphaseResampler poly = PolyphaseResampler.forRates(fs, target);
            for (int n = 1; n <= 50; n++) {
                String at = n + " samples, " + fs + " -> " + target;
                int fftLength = pair.get("fft").get(n - 1).asInt();
                int polyLength = pair.get("poly").get(n - 1).asInt();
                double[] x = new double[n];
                assertThat(FftResampler.outputLength(n, fs, target)).as(at).isEqualTo(fftLength);
                if (fftLength > 0) {
                    assertThat(FftResampler.resample(new double[][] {x}, fs, target)[0]).as(at).hasSize(fftLength);
                } else {
                    assertThatThrownBy(() -> FftResampler.resample(new double[][] {x}, fs, target))
                            .as(at).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaves none");
                }
                assertThat(poly.outputLength(n)).as(at).isEqualTo(polyLength);
                assertThat(poly.apply(x)).as(at).hasSize(polyLength);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenCase() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : index.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
        }
        return tests.stream();
    }

    private static void check(JsonNode c) {
        double[][] x = block(index.get("inputs").get(c.get("input").asText()));
        double[][] expected = block(c.get("output"));
        double[][] actual;
        switch (c.get("method").asText()) {
            case "fft" -> actual = new double[][] {FftResampler.resample(x[0], c.get("num").asInt())};
            case "poly" -> actual = new double[][] {
                new PolyphaseResampler(c.get("up").asInt(), c.get("down").asInt()).apply(x[0])};
            case "fft-rates" -> {
                double fs = c.get("fs").asDouble();
                double target = c.get("target_fs").asDouble();
                assertThat(FftResampler.outputLength(x[0].length, fs, target)).isEqualTo(c.get("num").asInt());
                actual = FftResampler.resample(x, fs, target);
            }
            case "poly-rates" -> {
                PolyphaseResampler r = PolyphaseResampler.forRates(c.get("fs").asDouble(), c.get("target_fs").asDouble());
                assertThat(r.up()).isEqualTo(c.get("up").asInt());
                assertThat(r.down()).isEqualTo(c.get("down").asInt());
                assertThat(r.outputLength(x[0].length)).isEqualTo(expected[0].length);
                actual = r.apply(x);
            }
            default -> throw new AssertionError("unknown method in " + c);
        }
        compare(c, c.get("method").asText(), expected, actual);
        if (c.get("method").asText().startsWith("poly")) {
            // both evaluation orders, whichever apply() picked
            PolyphaseResampler r = new PolyphaseResampler(c.get("up").asInt(), c.get("down").asInt());
            if (r.up() != r.down() && x[0].length > 0) {
                PolyphaseFilter f = PolyphaseFilter.forFactors(r.up(), r.down());
                int nOut = r.outputLength(x[0].length);
                double[][] direct = new double[x.length][];
                double[][] byClass = new double[x.length][];
                for (int i = 0; i < x.length; i++) {
                    direct[i] = f.applyDirect(x[i], nOut);
                    byClass[i] = f.applyByClass(x[i], nOut);
                }
                compare(c, "poly direct", expected, direct);
                compare(c, "poly by class", expected, byClass);
            }
        }
        if (c.get("method").asText().equals("fft")) {
            // the same through the pair code: x beside silence, on either side
            int num = c.get("num").asInt();
            double[] zero = new double[x[0].length];
            double[][] left = FftResampler.resample(new double[][] {x[0], zero}, num);
            double[][] right = FftResampler.resample(new double[][] {zero, x[0]}, num);
            double[] silence = new double[num];
            compare(c, "fft pairs", new double[][] {expected[0], silence, silence, expected[0]},
                    new double[][] {left[0], left[1], right[0], right[1]});
        }
    }

    private static void compare(JsonNode c, String kind, double[][] expected, double[][] actual) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int row = 0; row < expected.length; row++) {
            assertThat(actual[row]).as("length of row %d", row).hasSize(expected[row].length);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double err = 0;
            for (int i = 0; i < expected[row].length; i++) {
                min = Math.min(min, expected[row][i]);
                max = Math.max(max, expected[row][i]);
                err = Math.max(err, Math.abs(actual[row][i] - expected[row][i]));
            }
            double scale = Math.max(1.0, max - min);
            record(kind, err / scale, c.get("name").asText());
            assertThat(err).as("%s, row %d of %s: max |java - scipy|", kind, row, c.get("name").asText())
                    .isLessThanOrEqualTo(TOLERANCE * scale);
        }
    }

    private static synchronized void record(String method, double relErr, String name) {
        double[] w = WORST.computeIfAbsent(method, m -> new double[1]);
        if (relErr >= w[0]) {
            w[0] = relErr;
            WORST_CASE.put(method, name);
        }
    }

    private static double[][] block(JsonNode ref) {
        int offset = ref.get("offset").asInt();
        int rows = ref.get("rows").asInt();
        int length = ref.get("length").asInt();
        double[][] out = new double[rows][length];
        for (int r = 0; r < rows; r++) {
            data.get(offset + r * length, out[r]);
        }
        return out;
    }
}
