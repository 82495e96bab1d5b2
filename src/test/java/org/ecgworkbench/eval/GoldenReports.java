package org.ecgworkbench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Compares a report's JSON with a golden one: same keys in the same order, numbers within a tolerance, null where null. */
public final class GoldenReports {
    public static final double TOLERANCE = 1e-12;

    private GoldenReports() {
    }

    public static void assertMatches(JsonNode actual, JsonNode expected) {
        assertThat(keys(actual)).containsExactlyElementsOf(keys(expected));
        expected.fieldNames().forEachRemaining(key -> {
            if (!key.equals("per_class")) assertValue(key, actual.get(key), expected.get(key));
        });
        JsonNode a = actual.get("per_class");
        JsonNode e = expected.get("per_class");
        assertThat(a.size()).isEqualTo(e.size());
        for (int i = 0; i < e.size(); i++) {
            assertThat(keys(a.get(i))).containsExactlyElementsOf(keys(e.get(i)));
            for (String key : keys(e.get(i))) {
                if (undefinedWhereSklearnSaysZero(key, a.get(i), e.get(i))) continue;
                assertValue("per_class[" + i + "]." + key + " (" + e.get(i).get("abbrev").asText() + ")",
                        a.get(i).get(key), e.get(i).get(key));
            }
        }
    }

    /**
     * A class with no positive record and no positive output has precision, recall and F1 of 0/0: the
     * report says null, where sklearn (the golden files) writes its zero_division 0. Only then.
     */
    private static boolean undefinedWhereSklearnSaysZero(String key, JsonNode actual, JsonNode expected) {
        if (!List.of("precision", "recall", "f1").contains(key) || !actual.get(key).isNull()) return false;
        assertThat(expected.get("support").asInt()).as(key + " null for a class with positives").isZero();
        assertThat(expected.get(key).doubleValue()).as(key + " null where sklearn says " + expected.get(key)).isZero();
        return true;
    }

    private static void assertValue(String key, JsonNode actual, JsonNode expected) {
        if (expected.isNull()) {
            assertThat(actual.isNull()).as(key + " = " + actual + ", expected null").isTrue();
        } else if (expected.isTextual() || expected.isIntegralNumber()) {
            assertThat(actual).as(key).isEqualTo(expected);
        } else {
            assertThat(actual.isNumber()).as(key + " = " + actual + ", expected " + expected).isTrue();
            assertThat(actual.doubleValue()).as(key).isCloseTo(expected.doubleValue(), within(TOLERANCE));
        }
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
