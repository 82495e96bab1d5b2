package org.ecgworkbench.app.dataset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ecgworkbench.dataset.IndexedRecord;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.DxEntry;
import org.ecgworkbench.label.LabelVector;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.record.Sex;

/**
 * One line of the dataset browser's table: an indexed record with what the table shows and the
 * class counts need worked out once, at scan time, so that filtering and counting 43,101 rows
 * never parses a {@code #Dx} line again.
 */
public final class DatasetBrowserRow {

    private final IndexedRecord record;
    private final int[] classIndices;
    private final String diagnoses;
    private final String searchText;

    private DatasetBrowserRow(IndexedRecord record, int[] classIndices, String diagnoses, String searchText) {
        this.record = record;
        this.classIndices = classIndices;
        this.diagnoses = diagnoses;
        this.searchText = searchText;
    }

    public static DatasetBrowserRow of(IndexedRecord record, DiagnosisCatalogue catalogue) {
        Objects.requireNonNull(record);
        LabelVector labels = catalogue.labelVector(record.dx());
        List<ScoredClass> positives = labels.positives();
        int[] indices = new int[positives.size()];
        for (int i = 0; i < indices.length; i++) indices[i] = positives.get(i).index();
        LinkedHashSet<String> names = new LinkedHashSet<>();
        // What RecordFilter's text matches, one field a line: a typed (one-line) text found here is found there.
        StringBuilder search = new StringBuilder(record.id());
        if (record.path().getFileName() != null) search.append('\n').append(record.path().getFileName());
        for (DxEntry e : labels.entries()) {
            names.add(e.diagnosis().map(d -> d.abbreviation()).orElse(e.raw()));
            search.append('\n').append(e.raw());
            e.code().ifPresent(c -> search.append('\n').append(c));
            e.diagnosis().ifPresent(d -> search.append('\n').append(d.abbreviation()).append('\n').append(d.name()));
        }
        return new DatasetBrowserRow(record, indices, String.join(", ", new ArrayList<>(names)),
                search.toString().toLowerCase(Locale.ROOT));
    }

    /**
     * {@link org.ecgworkbench.dataset.RecordFilter}'s text test on fields gathered once (the filter
     * parses the {@code #Dx} line on every call: 180 ms for 43,101 records, too slow per keystroke).
     *
     * @param normalisedText a {@code RecordFilter}'s {@code text()}: stripped, lower case, one line
     */
    public boolean matchesText(String normalisedText) {
        return normalisedText.isEmpty() || searchText.contains(normalisedText);
    }

    public IndexedRecord record() {
        return record;
    }

    public String id() {
        return record.id();
    }

    /** The challenge prefix of the source ("HR"), or "other". */
    public String source() {
        return record.source().prefix();
    }

    public double fs() {
        return record.fs();
    }

    /** Seconds; {@code null} when the header gives no sample count. */
    public Double durationSeconds() {
        return record.samples() > 0 && record.fs() > 0 ? record.durationSeconds() : null;
    }

    /** Years; {@code null} when unknown. */
    public Double age() {
        return record.age().isPresent() ? record.age().getAsDouble() : null;
    }

    public String sex() {
        return record.sex().map(Sex::label).orElse("");
    }

    /** The abbreviations of every {@code #Dx} entry (scored or not), unknown codes as written. */
    public String diagnoses() {
        return diagnoses;
    }

    /** Whether the record is labelled with the scored class at this index of the catalogue. */
    public boolean hasClass(int classIndex) {
        for (int i : classIndices) if (i == classIndex) return true;
        return false;
    }

    void addClassesTo(int[] counts) {
        for (int i : classIndices) counts[i]++;
    }

    @Override
    public String toString() {
        return record.id();
    }
}
