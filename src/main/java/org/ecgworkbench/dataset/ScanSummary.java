package org.ecgworkbench.dataset;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.DxEntry;
import org.ecgworkbench.label.LabelVector;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.record.PlainNumber;

/**
 * Counts over a scan: records per source and per sampling rate, records per scored class
 * (equivalent pairs merged, a record counted once per class), unscored and unknown diagnoses,
 * and the spread of durations.
 *
 * @param records        records read
 * @param failed         records that failed
 * @param bySource       challenge prefix (A, Q, I, S, HR, E, JS, other) → records
 * @param byFs           sampling rate as text ("500") → records
 * @param classes        scored class label ("CRBBB|RBBB") → records, in catalogue order, zero counts included
 * @param unscored       unscored abbreviation, or the raw entry of an unknown code → records
 * @param withoutScored  records with no scored class
 * @param durations      min, median and max duration in seconds (zeros when there are no records)
 */
public record ScanSummary(int records, int failed, Map<String, Integer> bySource, Map<String, Integer> byFs,
                          Map<String, Integer> classes, Map<String, Integer> unscored, int withoutScored,
                          Durations durations) {

    /** Duration spread in seconds. */
    public record Durations(double min, double median, double max) {
    }

    public static ScanSummary of(ScanResult scan, DiagnosisCatalogue catalogue) {
        Map<String, Integer> bySource = new LinkedHashMap<>();
        for (ChallengeSource s : ChallengeSource.values()) bySource.put(s.prefix(), 0);
        Map<String, Integer> byFs = new TreeMap<>((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (ScoredClass c : catalogue.scoredClasses()) classes.put(c.label(), 0);
        Map<String, Integer> unscored = new TreeMap<>();
        int withoutScored = 0;
        List<IndexedRecord> records = scan.records();
        double[] durations = new double[records.size()];
        for (int i = 0; i < records.size(); i++) {
            IndexedRecord r = records.get(i);
            bySource.merge(r.source().prefix(), 1, Integer::sum);
            byFs.merge(PlainNumber.format(r.fs()), 1, Integer::sum);
            durations[i] = r.durationSeconds();
            LabelVector labels = catalogue.labelVector(r.dx());
            for (ScoredClass c : labels.positives()) classes.merge(c.label(), 1, Integer::sum);
            if (labels.isEmpty()) withoutScored++;
            labels.entries().stream()
                    .filter(e -> e.status() != DxEntry.Status.SCORED)
                    .map(e -> e.diagnosis().map(d -> d.abbreviation()).orElse(e.raw()))
                    .distinct()
                    .forEach(key -> unscored.merge(key, 1, Integer::sum));
        }
        return new ScanSummary(records.size(), scan.failed().size(), bySource, byFs, classes, unscored,
                withoutScored, durations(durations));
    }

    private static Durations durations(double[] d) {
        if (d.length == 0) return new Durations(0, 0, 0);
        Arrays.sort(d);
        double median = d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
        return new Durations(d[0], median, d[d.length - 1]);
    }
}
