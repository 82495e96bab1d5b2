package org.ecgworkbench.label;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The nine labels of the first CPSC 2018 release, whose headers say {@code #Dx: RBBB} rather than
 * a SNOMED code, mapped to SNOMED CT the way the challenge itself mapped them.
 *
 * <p>The evidence is the {@code CPSC} column of the challenge's mapping files: exactly nine codes
 * have a non-zero CPSC count there, one per CPSC class. Two of them are not the obvious choice:
 * <ul>
 *   <li>{@code RBBB} → {@code 59118001} (right bundle branch block, CPSC 1857), not CRBBB
 *       {@code 713427006} (CPSC 0). Both score as the same class anyway.</li>
 *   <li>{@code PVC} → {@code 164884008} (ventricular ectopics, CPSC 700, <em>unscored</em>), not the
 *       scored PVC {@code 427172004} (CPSC 0). So a CPSC "PVC" record has no scored label, as in
 *       the challenge.</li>
 * </ul>
 * The rest: {@code Normal} → {@code 426783006} (sinus rhythm, 918), {@code AF} → {@code 164889003}
 * (1221), {@code I-AVB} → {@code 270492004} (722), {@code LBBB} → {@code 164909002} (236),
 * {@code PAC} → {@code 284470004} (616), {@code STD} → {@code 429622005} (869, unscored),
 * {@code STE} → {@code 164931005} (220, unscored).
 */
public final class Cpsc2018Abbreviations {

    private static final Map<String, String> CODES;
    private static final Map<String, String> CODES_BY_UPPER_CASE;

    static {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("Normal", "426783006");
        codes.put("AF", "164889003");
        codes.put("I-AVB", "270492004");
        codes.put("LBBB", "164909002");
        codes.put("RBBB", "59118001");
        codes.put("PAC", "284470004");
        codes.put("PVC", "164884008");
        codes.put("STD", "429622005");
        codes.put("STE", "164931005");
        Map<String, String> upper = new LinkedHashMap<>();
        // Locale.ROOT: in a Turkish locale "i-avb".toUpperCase() is "İ-AVB" and would miss.
        codes.forEach((abbreviation, code) -> upper.put(abbreviation.toUpperCase(Locale.ROOT), code));
        CODES = Collections.unmodifiableMap(codes);
        CODES_BY_UPPER_CASE = Map.copyOf(upper);
    }

    private Cpsc2018Abbreviations() {
    }

    /** Abbreviation as CPSC wrote it → SNOMED CT code, in the order of the CPSC class list. */
    public static Map<String, String> codes() {
        return CODES;
    }

    /** The SNOMED CT code of a CPSC 2018 abbreviation, ignoring case and surrounding whitespace. */
    public static Optional<String> snomedCodeOf(String abbreviation) {
        if (abbreviation == null) return Optional.empty();
        String text = abbreviation.strip();
        if (text.length() > 6) return Optional.empty(); // longest is "Normal"; spares upper-casing huge strings
        return Optional.ofNullable(CODES_BY_UPPER_CASE.get(text.toUpperCase(Locale.ROOT)));
    }
}
