package org.ecgworkbench.label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A record's targets: one boolean per {@link DiagnosisCatalogue#scoredClasses() scored class}
 * (24, equivalent pairs merged), with what could not be scored kept beside it for reports.
 *
 * <p>A record whose entries hold no scored class {@link #isEmpty() is empty}; it still has a
 * vector, all negative, and whether to train on it is the caller's choice.
 *
 * <p>Also holds the unmerged 27-column view over {@link DiagnosisCatalogue#scored()}, the
 * row/column order of weights.csv. There a column is set only for a code the record literally
 * lists: a record labelled RBBB sets the RBBB column, not the CRBBB one. (The official scorer
 * folds the pairs before scoring, which is what {@link #toArray()} already gives.)
 */
public final class LabelVector {

    private final List<ScoredClass> classes;
    private final boolean[] present;
    private final boolean[] scoredColumns;
    private final List<DxEntry> entries;
    private final List<String> unscoredCodes;
    private final List<DxEntry> unknownEntries;

    private LabelVector(List<ScoredClass> classes, boolean[] present, boolean[] scoredColumns,
                        List<DxEntry> entries, List<String> unscoredCodes, List<DxEntry> unknownEntries) {
        this.classes = classes;
        this.present = present;
        this.scoredColumns = scoredColumns;
        this.entries = List.copyOf(entries);
        this.unscoredCodes = List.copyOf(unscoredCodes);
        this.unknownEntries = List.copyOf(unknownEntries);
    }

    /** Against the {@link DiagnosisCatalogue#standard() standard} catalogue. */
    public static LabelVector of(Collection<String> dxEntries) {
        return of(DiagnosisCatalogue.standard(), dxEntries);
    }

    /**
     * The label vector of a record's {@code #Dx} entries. Blank and {@code null} entries (a
     * trailing comma, an empty {@code #Dx:}) are skipped: they name no diagnosis. Repeated
     * entries count once.
     */
    public static LabelVector of(DiagnosisCatalogue catalogue, Collection<String> dxEntries) {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(dxEntries, "dxEntries");
        List<ScoredClass> classes = catalogue.scoredClasses();
        boolean[] present = new boolean[classes.size()];
        boolean[] columns = new boolean[catalogue.scored().size()];
        List<DxEntry> entries = new ArrayList<>();
        LinkedHashSet<String> unscored = new LinkedHashSet<>();
        LinkedHashSet<DxEntry> unknown = new LinkedHashSet<>();
        for (String text : dxEntries) {
            if (text == null || DiagnosisCatalogue.normalise(text).isEmpty()) continue;
            DxEntry entry = catalogue.resolve(text);
            entries.add(entry);
            switch (entry.status()) {
                case SCORED -> {
                    String code = entry.code().orElseThrow();
                    present[catalogue.scoredClassOf(code).orElseThrow().index()] = true;
                    columns[catalogue.scoredIndexOf(code).orElseThrow()] = true;
                }
                case UNSCORED -> unscored.add(entry.code().orElseThrow());
                case UNKNOWN_CODE, UNRECOGNISED -> unknown.add(entry);
            }
        }
        return new LabelVector(classes, present, columns, entries, new ArrayList<>(unscored), new ArrayList<>(unknown));
    }

    /** The number of classes (24 for the challenge catalogue). */
    public int size() {
        return present.length;
    }

    /** Whether the class at this index of {@link DiagnosisCatalogue#scoredClasses()} is present. */
    public boolean get(int classIndex) {
        return present[classIndex];
    }

    public boolean contains(ScoredClass scoredClass) {
        int i = scoredClass.index();
        return i < classes.size() && classes.get(i).equals(scoredClass) && present[i];
    }

    /** True when no scored class is present. */
    public boolean isEmpty() {
        for (boolean p : present) if (p) return false;
        return true;
    }

    /** The present classes, in class order. */
    public List<ScoredClass> positives() {
        List<ScoredClass> result = new ArrayList<>();
        for (int i = 0; i < present.length; i++) if (present[i]) result.add(classes.get(i));
        return List.copyOf(result);
    }

    /** A copy of the 24 booleans. */
    public boolean[] toArray() {
        return present.clone();
    }

    /** The vector as 0/1 floats, the form a loss function takes. */
    public float[] toFloatArray() {
        float[] result = new float[present.length];
        for (int i = 0; i < present.length; i++) result[i] = present[i] ? 1f : 0f;
        return result;
    }

    /** A copy of the unmerged 27-column view, in the order of {@link DiagnosisCatalogue#scored()}. */
    public boolean[] toScoredColumns() {
        return scoredColumns.clone();
    }

    /** Every non-blank entry, resolved, in the order given (repeats included). */
    public List<DxEntry> entries() {
        return entries;
    }

    /** The distinct unscored codes, in order of first appearance (a CPSC "PVC" lands here). */
    public List<String> unscoredCodes() {
        return unscoredCodes;
    }

    /** The distinct entries the catalogue does not know: unknown codes and unrecognised text. */
    public List<DxEntry> unknownEntries() {
        return unknownEntries;
    }

    /** Equal when they mean the same: same classes, same columns, same leftovers to report. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LabelVector other && Arrays.equals(present, other.present)
                && Arrays.equals(scoredColumns, other.scoredColumns) && unscoredCodes.equals(other.unscoredCodes)
                && unknownEntries.equals(other.unknownEntries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(present), Arrays.hashCode(scoredColumns), unscoredCodes, unknownEntries);
    }

    @Override
    public String toString() {
        return "LabelVector" + positives().stream().map(ScoredClass::label).toList()
                + (unscoredCodes.isEmpty() ? "" : " unscored=" + unscoredCodes)
                + (unknownEntries.isEmpty() ? "" : " unknown=" + unknownEntries);
    }
}
