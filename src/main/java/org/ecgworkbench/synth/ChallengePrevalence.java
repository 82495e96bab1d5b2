package org.ecgworkbench.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecgworkbench.label.DiagnosisCatalogue;

/**
 * How often each class occurs in the CinC 2020 training data: the {@code Total} column of the
 * challenge's {@code dx_mapping_scored.csv} over its 43,101 records.
 */
public final class ChallengePrevalence {
    /** Records in the CinC 2020 training data (six sources). */
    public static final int CHALLENGE_RECORDS = 43_101;

    private static volatile Map<SynthClass, Double> standard;

    private ChallengePrevalence() {
    }

    /** Fraction of the challenge's records carrying each class. */
    public static Map<SynthClass, Double> fractions() {
        Map<SynthClass, Double> result = standard;
        if (result == null) {
            result = load();
            standard = result;
        }
        return result;
    }

    private static Map<SynthClass, Double> load() {
        InputStream in = ChallengePrevalence.class.getResourceAsStream(DiagnosisCatalogue.SCORED_RESOURCE);
        if (in == null) throw new IllegalStateException(DiagnosisCatalogue.SCORED_RESOURCE + " is not on the classpath");
        Map<String, Integer> totals = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String headerLine = r.readLine();
            if (headerLine == null) throw new IllegalStateException("empty " + DiagnosisCatalogue.SCORED_RESOURCE);
            List<String> header = fields(headerLine.replace("\uFEFF", ""));
            int code = header.indexOf("SNOMED CT Code");
            int total = header.indexOf("Total");
            if (code < 0 || total < 0) {
                throw new IllegalStateException(DiagnosisCatalogue.SCORED_RESOURCE + ": no 'SNOMED CT Code' or 'Total' column");
            }
            int lineNumber = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNumber++;
                if (line.isBlank()) continue;
                List<String> f = fields(line);
                try {
                    totals.put(f.get(code), Integer.parseInt(f.get(total)));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(DiagnosisCatalogue.SCORED_RESOURCE + ", line " + lineNumber
                            + ": no usable Total (" + e.getMessage() + ")", e);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DiagnosisCatalogue.SCORED_RESOURCE, e);
        }
        Map<SynthClass, Double> fractions = new EnumMap<>(SynthClass.class);
        for (SynthClass c : SynthClass.values()) {
            Integer n = totals.get(c.snomedCode());
            if (n == null) throw new IllegalStateException(c + " (" + c.snomedCode() + ") has no Total in " + DiagnosisCatalogue.SCORED_RESOURCE);
            fractions.put(c, n / (double) CHALLENGE_RECORDS);
        }
        return Map.copyOf(fractions);
    }

    /** Splits a CSV line; double-quoted fields may hold commas. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString().strip());
        return out;
    }
}
