package org.ecgworkbench.label;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The diagnosis catalogue of the PhysioNet/CinC Challenge 2020: 27 scored and 84 unscored SNOMED
 * CT diagnoses, read from the challenge's own mapping files on the classpath, and the 24 classes
 * a classifier predicts once the equivalent pairs are merged. Immutable, so one instance is
 * shared by every thread.
 */
public final class DiagnosisCatalogue {

    public static final String SCORED_RESOURCE = "/catalogue/dx_mapping_scored.csv";
    public static final String UNSCORED_RESOURCE = "/catalogue/dx_mapping_unscored.csv";

    /** Two scored codes the challenge counts as one diagnosis; the canonical one stands for both. */
    public record EquivalentPair(String canonicalCode, String equivalentCode) {
        public EquivalentPair {
            Objects.requireNonNull(canonicalCode, "canonicalCode");
            Objects.requireNonNull(equivalentCode, "equivalentCode");
        }
    }

    /**
     * The challenge's equivalent pairs (the Notes column of the scored file says so). The first
     * code of each is canonical because it comes first in the scored file and in weights.csv,
     * which is also the representative the official scorer keeps.
     */
    public static final List<EquivalentPair> EQUIVALENT_PAIRS = List.of(
            new EquivalentPair("713427006", "59118001"),   // CRBBB ≡ RBBB
            new EquivalentPair("284470004", "63593006"),   // PAC ≡ SVPB
            new EquivalentPair("427172004", "17338001"));  // PVC ≡ VPB

    private static final String DX_COLUMN = "Dx";
    private static final String CODE_COLUMN = "SNOMED CT Code";
    private static final String ABBREVIATION_COLUMN = "Abbreviation";

    // Double-checked rather than a holder class: a broken resource then fails with its
    // IllegalStateException on every call, not with a NoClassDefFoundError after the first.
    private static volatile DiagnosisCatalogue standard;

    private final List<Diagnosis> scored;
    private final List<Diagnosis> unscored;
    private final Map<String, Diagnosis> byCode;
    private final Map<String, Integer> scoredIndexByCode;
    private final List<ScoredClass> scoredClasses;
    private final Map<String, ScoredClass> scoredClassByCode;

    private DiagnosisCatalogue(List<Diagnosis> scored, List<Diagnosis> unscored, String scoredResource) {
        this.scored = List.copyOf(scored);
        this.unscored = List.copyOf(unscored);
        Map<String, Diagnosis> all = new HashMap<>();
        for (Diagnosis d : this.scored) all.put(d.code(), d);
        for (Diagnosis d : this.unscored) all.put(d.code(), d);
        this.byCode = Map.copyOf(all);
        Map<String, Integer> scoredIndex = new HashMap<>();
        for (int i = 0; i < this.scored.size(); i++) scoredIndex.put(this.scored.get(i).code(), i);
        this.scoredIndexByCode = Map.copyOf(scoredIndex);

        Map<String, String> canonicalOf = new HashMap<>();
        for (EquivalentPair pair : EQUIVALENT_PAIRS) {
            Integer first = scoredIndex.get(pair.canonicalCode());
            Integer second = scoredIndex.get(pair.equivalentCode());
            if (first == null || second == null || first > second) {
                throw new IllegalStateException("malformed catalogue resource " + scoredResource
                        + ": equivalent pair " + pair.canonicalCode() + " ≡ " + pair.equivalentCode()
                        + " must both be scored, the canonical code first");
            }
            canonicalOf.put(pair.equivalentCode(), pair.canonicalCode());
        }
        for (Map.Entry<String, String> cpsc : Cpsc2018Abbreviations.codes().entrySet()) {
            if (!all.containsKey(cpsc.getValue())) {
                throw new IllegalStateException("malformed catalogue: CPSC 2018 label " + cpsc.getKey()
                        + " maps to " + cpsc.getValue() + ", which the catalogue lacks");
            }
        }

        // Scored order with each pair's second member folded into the first: the class order of
        // the official scorer, and stable as long as the challenge files are.
        Map<String, List<Diagnosis>> groups = new LinkedHashMap<>();
        for (Diagnosis d : this.scored) {
            groups.computeIfAbsent(canonicalOf.getOrDefault(d.code(), d.code()), k -> new ArrayList<>()).add(d);
        }
        List<ScoredClass> classes = new ArrayList<>();
        Map<String, ScoredClass> classByCode = new HashMap<>();
        for (Map.Entry<String, List<Diagnosis>> group : groups.entrySet()) {
            List<Diagnosis> members = group.getValue();
            ScoredClass c = new ScoredClass(classes.size(), group.getKey(),
                    members.stream().map(Diagnosis::code).toList(),
                    members.stream().map(Diagnosis::abbreviation).toList(),
                    String.join(" / ", members.stream().map(Diagnosis::name).distinct().toList()));
            classes.add(c);
            for (String code : c.codes()) classByCode.put(code, c);
        }
        this.scoredClasses = List.copyOf(classes);
        this.scoredClassByCode = Map.copyOf(classByCode);
    }

    /** The catalogue of the challenge files in {@code resources/catalogue}, loaded once. */
    public static DiagnosisCatalogue standard() {
        DiagnosisCatalogue result = standard;
        if (result == null) {
            synchronized (DiagnosisCatalogue.class) {
                result = standard;
                if (result == null) {
                    result = fromResources(SCORED_RESOURCE, UNSCORED_RESOURCE);
                    standard = result;
                }
            }
        }
        return result;
    }

    static DiagnosisCatalogue fromResources(String scoredResource, String unscoredResource) {
        try (Reader scoredCsv = openResource(scoredResource); Reader unscoredCsv = openResource(unscoredResource)) {
            return read(scoredResource, scoredCsv, unscoredResource, unscoredCsv);
        } catch (IOException e) {
            throw new IllegalStateException("cannot close catalogue resources: " + e.getMessage(), e);
        }
    }

    private static Reader openResource(String resource) {
        InputStream in = DiagnosisCatalogue.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("catalogue resource " + resource + " is not on the classpath");
        // UTF-8 explicitly: the platform charset must not change what the catalogue says.
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** Reads a catalogue from the two CSV texts; the names only label error messages. */
    static DiagnosisCatalogue read(String scoredResource, Reader scoredCsv, String unscoredResource, Reader unscoredCsv) {
        Map<String, String> seen = new HashMap<>();
        List<Diagnosis> scored = readDiagnoses(scoredResource, scoredCsv, true, seen);
        List<Diagnosis> unscored = readDiagnoses(unscoredResource, unscoredCsv, false, seen);
        return new DiagnosisCatalogue(scored, unscored, scoredResource);
    }

    private static List<Diagnosis> readDiagnoses(String resource, Reader csv, boolean scored, Map<String, String> seen) {
        List<CatalogueCsv.Line> lines = CatalogueCsv.read(resource, csv);
        if (lines.isEmpty()) throw CatalogueCsv.malformed(resource, 1, "empty file, expected a header row");
        CatalogueCsv.Line header = lines.get(0);
        int dx = column(header, DX_COLUMN, resource);
        int code = column(header, CODE_COLUMN, resource);
        int abbreviation = column(header, ABBREVIATION_COLUMN, resource);
        List<Diagnosis> result = new ArrayList<>();
        for (CatalogueCsv.Line line : lines.subList(1, lines.size())) {
            List<String> f = line.fields();
            if (f.size() != header.fields().size()) {
                throw CatalogueCsv.malformed(resource, line.number(),
                        "expected " + header.fields().size() + " fields like the header, found " + f.size());
            }
            String c = f.get(code);
            if (!Diagnosis.isSnomedCode(c)) {
                throw CatalogueCsv.malformed(resource, line.number(), "'" + c + "' is not a SNOMED CT code");
            }
            if (f.get(dx).isEmpty() || f.get(abbreviation).isEmpty()) {
                throw CatalogueCsv.malformed(resource, line.number(), "empty " + DX_COLUMN + " or " + ABBREVIATION_COLUMN);
            }
            String earlier = seen.putIfAbsent(c, resource + ", line " + line.number());
            if (earlier != null) {
                throw CatalogueCsv.malformed(resource, line.number(), "code " + c + " already listed at " + earlier);
            }
            result.add(new Diagnosis(c, f.get(abbreviation), f.get(dx), scored));
        }
        return result;
    }

    private static int column(CatalogueCsv.Line header, String name, String resource) {
        int index = header.fields().indexOf(name);
        if (index < 0) throw CatalogueCsv.malformed(resource, header.number(), "no '" + name + "' column in the header");
        return index;
    }

    /** The diagnosis with this SNOMED CT code, scored or not; surrounding whitespace ignored. */
    public Optional<Diagnosis> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip()));
    }

    /** The 27 scored diagnoses in the order of the scored file, which is the order of weights.csv. */
    public List<Diagnosis> scored() {
        return scored;
    }

    /** The unscored diagnoses in the order of their file. */
    public List<Diagnosis> unscored() {
        return unscored;
    }

    /** The position of a scored code in {@link #scored()}, i.e. its row and column in weights.csv. */
    public OptionalInt scoredIndexOf(String code) {
        Integer index = code == null ? null : scoredIndexByCode.get(code.strip());
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /**
     * The classifier's outputs: the scored diagnoses in the order of the scored file, with the
     * second code of each {@link #EQUIVALENT_PAIRS equivalent pair} folded into the first (24 for
     * the challenge files). This is also the class order of the official 2020 scorer.
     */
    public List<ScoredClass> scoredClasses() {
        return scoredClasses;
    }

    /** The class that a scored code (either member of a pair) counts towards. */
    public Optional<ScoredClass> scoredClassOf(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(scoredClassByCode.get(code.strip()));
    }

    /**
     * Resolves one {@code #Dx} entry: a SNOMED CT code, or a CPSC 2018 abbreviation (see
     * {@link Cpsc2018Abbreviations}), case-insensitive and trimmed. Never throws: whatever the
     * text, the result says what became of it.
     */
    public DxEntry resolve(String entry) {
        String raw = entry == null ? "" : entry;
        String text = normalise(raw);
        String code = Diagnosis.isSnomedCode(text) ? text : Cpsc2018Abbreviations.snomedCodeOf(text).orElse(null);
        if (code == null) return DxEntry.unrecognised(raw);
        Diagnosis diagnosis = byCode.get(code);
        return diagnosis == null ? DxEntry.unknownCode(raw, code) : DxEntry.of(raw, diagnosis);
    }

    /** The label vector of a record's {@code #Dx} entries against this catalogue. */
    public LabelVector labelVector(Collection<String> dxEntries) {
        return LabelVector.of(this, dxEntries);
    }

    /** Strips whitespace and a stray byte-order mark (a first entry read without decoding it). */
    static String normalise(String entry) {
        int start = 0;
        int end = entry.length();
        while (start < end && (entry.charAt(start) == '\uFEFF' || Character.isWhitespace(entry.charAt(start)))) start++;
        while (end > start && Character.isWhitespace(entry.charAt(end - 1))) end--;
        return entry.substring(start, end);
    }
}
