package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;

/**
 * The rhythm figures against LUDB's cardiologists' rhythm and pacing labels (ludb.csv): sinus records have P
 * waves before nearly every beat and regular RR, atrial fibrillation has neither, paced records have pacing spikes.
 */
@SlowTest
class RhythmLudbTest {

    @Test
    void rhythmFiguresSeparateLudbsRhythms() throws IOException {
        assumeTrue(LudbRecords.present(), "LUDB not present");
        Map<Integer, String[]> labels = labels();
        List<Double> sinusP = new ArrayList<>();
        List<Double> afP = new ArrayList<>();
        List<Double> sinusRr = new ArrayList<>();
        List<Double> afRr = new ArrayList<>();
        List<Double> pacedShare = new ArrayList<>();
        List<Double> unpacedShare = new ArrayList<>();
        int flutterFound = 0;
        int flutterRecords = 0;
        int flutterFalse = 0;
        for (LudbRecords.Entry e : LudbRecords.all()) {
            String[] label = labels.get(e.number());
            Measurement m = Measurement.of(e.leads());
            Rhythm r = m.rhythm();
            System.out.printf(Locale.ROOT, "%3d %-28s %-8s P %s RRvar %s atrial %s flutter %s paced %s %s%n", e.number(), label[0],
                    label[1].isEmpty() ? "" : "paced", f(r.pBeatFraction()), f(r.rrVariation()), f(r.atrialRateBpm()),
                    r.flutterWaves(), f(r.pacedFraction()), r.beatCounts());
            boolean paced = !label[1].isEmpty();
            if (label[0].startsWith("Atrial flutter")) {
                flutterRecords++;
                if (r.flutterWaves()) flutterFound++;
            } else if (r.flutterWaves()) {
                flutterFalse++;
            }
            if (paced) {
                r.pacedFraction().ifPresent(pacedShare::add);
                continue;
            }
            r.pacedFraction().ifPresent(unpacedShare::add);
            if (label[0].startsWith("Sinus")) {
                r.pBeatFraction().ifPresent(sinusP::add);
                r.rrVariation().ifPresent(sinusRr::add);
            } else if (label[0].startsWith("Atrial fibrillation")) {
                afP.add(r.pBeatFraction().orElse(0));
                r.rrVariation().ifPresent(afRr::add);
            }
        }
        System.out.printf(Locale.ROOT, "sinus: P fraction median %.2f, RR variation median %.3f (%d records)%n",
                median(sinusP), median(sinusRr), sinusP.size());
        System.out.printf(Locale.ROOT, "AF: P fraction median %.2f, RR variation median %.3f (%d records)%n",
                median(afP), median(afRr), afP.size());
        System.out.printf(Locale.ROOT, "paced fraction: paced records median %.2f, others max %.2f%n", median(pacedShare),
                unpacedShare.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        System.out.printf(Locale.ROOT, "flutter waves: %d of %d flutter records, %d other records%n", flutterFound,
                flutterRecords, flutterFalse);
        assertThat(median(sinusP)).isGreaterThanOrEqualTo(0.9);
        assertThat(median(afP)).isLessThanOrEqualTo(0.2);
        assertThat(median(afRr)).isGreaterThan(3 * median(sinusRr));
        assertThat(median(pacedShare)).isGreaterThanOrEqualTo(0.5);
        assertThat(unpacedShare.stream().mapToDouble(Double::doubleValue).max().orElse(0)).isLessThanOrEqualTo(0.1);
        assertThat(flutterFalse).isLessThanOrEqualTo(2);
    }

    private static String f(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.3f", v.getAsDouble()) : "-";
    }

    static double median(List<Double> v) {
        if (v.isEmpty()) return Double.NaN;
        return BeatTyper.median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Record number to {rhythm, pacing} from ludb.csv (quoted fields may hold line breaks). */
    static Map<Integer, String[]> labels() throws IOException {
        String text = Files.readString(LudbRecords.folder().resolve("ludb.csv"));
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString().strip());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString().strip());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        Map<Integer, String[]> out = new HashMap<>();
        List<String> header = rows.get(0);
        int rhythm = header.indexOf("Rhythms");
        int pacing = header.indexOf("Cardiac pacing");
        Pattern number = Pattern.compile("\\d+");
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.size() <= Math.max(rhythm, pacing)) continue;
            Matcher id = number.matcher(r.get(0));
            if (id.matches()) out.put(Integer.parseInt(r.get(0)), new String[] {r.get(rhythm), r.get(pacing)});
        }
        return out;
    }
}
