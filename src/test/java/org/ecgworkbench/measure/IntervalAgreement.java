package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Differences (measured − reference) of one interval over records: mean, SD and count. */
final class IntervalAgreement {

    private final String name;
    private final List<Double> differences = new ArrayList<>();

    IntervalAgreement(String name) {
        this.name = name;
    }

    void add(double measured, double reference) {
        differences.add(measured - reference);
    }

    List<Double> differences() {
        return List.copyOf(differences);
    }

    int count() {
        return differences.size();
    }

    double mean() {
        return differences.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    double sd() {
        double m = mean();
        return Math.sqrt(differences.stream().mapToDouble(d -> (d - m) * (d - m)).sum() / Math.max(1, count() - 1));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %+.1f ± %.1f ms (n=%d)", name, mean(), sd(), count());
    }
}
