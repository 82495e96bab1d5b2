package org.ecgworkbench.signal.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Designs and outputs against scipy: {@code golden/filter/index.json} and {@code data.f64},
 * written by {@code src/test/python/make_filter_golden.py} (its docstring has the format). For
 * each of the 96 cases: the same form (b/a or sections), coefficients and steady states within
 * 1e-12 relative, the same pad length, and every output within {@code 1e-9 max(1, range)}.
 */
class FilterGoldenTest {

    static final double COEFFICIENT_TOLERANCE = 1e-12;
    static final double OUTPUT_TOLERANCE = 1e-9;
    static final String INDEX = "/golden/filter/index.json";

    /** Worst errors over all cases, printed at the end (a record of how close we are). */
    private static double worstCoefficient;
    private static double worstOutput;
    private static int outputs;
    private static int identical;

    record Golden(JsonNode index, double[] data, Map<String, double[][]> inputs) {

        static Golden load() {
            try (InputStream in = Objects.requireNonNull(FilterGoldenTest.class.getResourceAsStream(INDEX), INDEX)) {
                JsonNode index = new ObjectMapper().readTree(in);
                String dataName = "/golden/filter/" + index.get("data").asText();
                byte[] bytes;
                try (InputStream d = Objects.requireNonNull(FilterGoldenTest.class.getResourceAsStream(dataName), dataName)) {
                    bytes = d.readAllBytes();
                }
                double[] data = new double[bytes.length / 8];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(data);
                Map<String, double[][]> inputs = new HashMap<>();
                index.get("inputs").fields().forEachRemaining(e -> {
                    JsonNode meta = e.getValue();
                    int offset = meta.get("offset").asInt();
                    int rows = meta.get("rows").asInt();
                    int length = meta.get("length").asInt();
                    double[][] signal = new double[rows][];
                    for (int r = 0; r < rows; r++) {
                        signal[r] = Arrays.copyOfRange(data, offset + r * length, offset + (r + 1) * length);
                    }
                    inputs.put(e.getKey(), signal);
                });
                return new Golden(index, data, inputs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<JsonNode> cases() {
            List<JsonNode> out = new ArrayList<>();
            index.get("cases").forEach(out::add);
            return out;
        }

        double[] slice(int offset, int length) {
            return Arrays.copyOfRange(data, offset, offset + length);
        }
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    static double[][] rows(JsonNode array) {
        double[][] out = new double[array.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(array.get(i));
        }
        return out;
    }

    /** The filter a case describes, built through the public factory. */
    static ZeroPhaseFilter filterFor(JsonNode c) {
        double fs = c.get("fs").asDouble();
        String kind = c.get("kind").asText();
        if (kind.equals("notch")) {
            return IirFilters.notch(c.get("f0").asDouble(), c.get("q").asDouble(), fs);
        }
        int order = c.get("order").asInt();
        double[] cutoffs = doubles(c.get("cutoffs"));
        return switch (kind) {
            case "highpass" -> IirFilters.butterworthHighPass(order, cutoffs[0], fs);
            case "lowpass" -> IirFilters.butterworthLowPass(order, cutoffs[0], fs);
            case "bandpass" -> IirFilters.butterworthBandPass(order, cutoffs[0], cutoffs[1], fs);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesScipy() {
        Golden golden = Golden.load();
        return golden.cases().stream().map(c -> dynamicTest(c.get("id").asText(), () -> check(golden, c)));
    }

    private static void check(Golden golden, JsonNode c) {
        String id = c.get("id").asText();
        ZeroPhaseFilter filter = filterFor(c);
        assertThat(filter.padLength()).as("%s padlen", id).isEqualTo(c.get("padlen").asInt());
        if (c.get("form").asText().equals("ba")) {
            assertThat(filter).as(id).isInstanceOf(IirBaFiltFilt.class);
            IirBaFiltFilt ba = (IirBaFiltFilt) filter;
            assertClose(id + " b", ba.numerator(), doubles(c.get("b")));
            assertClose(id + " a", ba.denominator(), doubles(c.get("a")));
            assertClose(id + " zi", ba.steadyState(), doubles(c.get("zi")));
        } else {
            assertThat(filter).as(id).isInstanceOf(SosFiltFilt.class);
            SosFiltFilt sos = (SosFiltFilt) filter;
            double[][] expected = rows(c.get("sos"));
            double[][] zi = rows(c.get("zi"));
            assertThat(sos.sectionCount()).as("%s sections", id).isEqualTo(expected.length);
            for (int s = 0; s < expected.length; s++) {
                assertClose(id + " sos[" + s + "]", sos.sections()[s], expected[s]);
                assertClose(id + " zi[" + s + "]", sos.steadyState()[s], zi[s]);
            }
        }
        List<double[]> multiInputs = new ArrayList<>();
        List<double[]> multiExpected = new ArrayList<>();
        for (JsonNode out : c.get("outputs")) {
            String input = out.get("input").asText();
            double[][] signal = golden.inputs().get(input);
            int length = out.get("length").asInt();
            double[] x = Arrays.copyOf(signal[out.get("row").asInt()], length);
            double[] before = x.clone();
            double[] expected = golden.slice(out.get("offset").asInt(), length);
            double[] y = filter.apply(x);
            assertThat(x).as("input untouched").isEqualTo(before);
            assertOutput(id + " on " + input + "[" + out.get("row").asInt() + "][:" + length + "]", y, expected);
            if (signal.length > 1) {
                multiInputs.add(x);
                multiExpected.add(expected);
            }
        }
        if (!multiInputs.isEmpty()) {
            double[][] ys = filter.apply(multiInputs.toArray(double[][]::new));
            for (int r = 0; r < ys.length; r++) {
                assertOutput(id + " lead " + r + " of " + ys.length, ys[r], multiExpected.get(r));
            }
        }
    }

    static void assertClose(String what, double[] actual, double[] expected) {
        assertThat(actual).as("%s length", what).hasSameSizeAs(expected);
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs(actual[i] - expected[i]);
            // a zero coefficient must come out (nearly) zero relative to the others
            double reference = expected[i] != 0 ? Math.abs(expected[i]) : scale;
            double relative = diff == 0 ? 0 : diff / reference;
            synchronized (FilterGoldenTest.class) {
                worstCoefficient = Math.max(worstCoefficient, relative);
            }
            assertThat(relative).as("%s[%d]: java %s, scipy %s", what, i, actual[i], expected[i])
                    .isLessThanOrEqualTo(COEFFICIENT_TOLERANCE);
        }
    }

    static void assertOutput(String what, double[] actual, double[] expected) {
        assertThat(actual).as("%s length", what).hasSameSizeAs(expected);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            min = Math.min(min, expected[i]);
            max = Math.max(max, expected[i]);
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        double scale = Math.max(1, max - min);
        synchronized (FilterGoldenTest.class) {
            worstOutput = Math.max(worstOutput, worst / scale);
            outputs++;
            identical += Arrays.equals(actual, expected) ? 1 : 0;
        }
        assertThat(worst).as("%s: max |java - scipy| against range %s", what, max - min)
                .isLessThanOrEqualTo(OUTPUT_TOLERANCE * scale);
    }

    @Test
    void goldenFilesAreCompleteAndSmall() {
        Golden golden = Golden.load();
        assertThat(golden.cases()).hasSize(96);
        assertThat(golden.index().get("scipy").asText()).isNotBlank();
        long bytes = golden.data().length * 8L;
        assertThat(bytes).as("data.f64 size").isLessThan(2_000_000);
        int last = 0;
        for (JsonNode c : golden.cases()) {
            for (JsonNode out : c.get("outputs")) {
                last = Math.max(last, out.get("offset").asInt() + out.get("length").asInt());
            }
        }
        assertThat(last).as("the data file ends with the last output").isEqualTo(golden.data().length);
    }

    @AfterAll
    static void report() {
        System.out.printf("filter golden: %d outputs, %d bit-identical to scipy; worst coefficient relative error %.3g, "
                + "worst output error / max(1, range) %.3g%n", outputs, identical, worstCoefficient, worstOutput);
    }
}
