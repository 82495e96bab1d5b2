package org.ecgworkbench.record.wfdb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecgworkbench.record.Sex;

/**
 * The {@code key: value} facts in WFDB comment lines, as the challenge writes them
 * ({@code #Age: 74}, {@code # Sex: Female}, {@code #Dx: 164889003,59118001}).
 * Keys are case-insensitive; unknown values ({@code NaN}, {@code Unknown}) become empty.
 *
 * @param age    age in years when known
 * @param sex    sex when known
 * @param dx     the diagnosis entries in order (SNOMED codes or CPSC abbreviations), empty when
 *               there is no {@code #Dx} line or it is empty
 * @param hasDx  whether a {@code #Dx} line was present at all (even an empty one)
 * @param fields every {@code key: value} pair, keys lower-cased, the first occurrence winning
 */
public record HeaderComments(
        OptionalDouble age, Optional<Sex> sex, List<String> dx, boolean hasDx, Map<String, String> fields) {

    public HeaderComments {
        dx = List.copyOf(dx);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static HeaderComments parse(List<String> comments) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> dx = new ArrayList<>();
        boolean hasDx = false;
        for (String comment : comments) {
            int colon = comment.indexOf(':');
            if (colon <= 0) continue;
            String key = comment.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = comment.substring(colon + 1).trim();
            if (key.isEmpty()) continue;
            fields.putIfAbsent(key, value);
            if (key.equals("dx")) {
                hasDx = true;
                for (String entry : value.split(",")) {
                    String e = entry.trim();
                    if (!e.isEmpty()) dx.add(e);
                }
            }
        }
        return new HeaderComments(parseAge(fields.get("age")), Sex.parse(fields.get("sex")), dx, hasDx, fields);
    }

    /** A finite, non-negative number of years, or empty ("NaN", "Unknown", "", garbage). */
    static OptionalDouble parseAge(String text) {
        if (text == null) return OptionalDouble.empty();
        String t = text.trim();
        int end = 0;
        while (end < t.length() && (Character.isDigit(t.charAt(end)) || t.charAt(end) == '.')) end++;
        if (end == 0) return OptionalDouble.empty();
        try {
            double age = Double.parseDouble(t.substring(0, end));
            return Double.isFinite(age) && age >= 0 && age < 200 ? OptionalDouble.of(age) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
