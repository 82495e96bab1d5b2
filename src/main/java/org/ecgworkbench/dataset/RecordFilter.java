package org.ecgworkbench.dataset;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.ecgworkbench.label.DxEntry;
import org.ecgworkbench.label.LabelVector;
import org.ecgworkbench.label.ScoredClass;

/**
 * Which indexed records to show (the dataset browser's filters): those with a scored class, from a
 * source, whose id, file name or diagnoses contain a text. Empty criteria match everything.
 *
 * @param scoredClass records labelled with this class (either code of an equivalent pair counts)
 * @param source      records of this source
 * @param text        case-insensitive substring of the id, the file name, a diagnosis code, abbreviation or name
 */
public record RecordFilter(Optional<ScoredClass> scoredClass, Optional<ChallengeSource> source, String text)
        implements Predicate<IndexedRecord> {

    public static final RecordFilter ALL = new RecordFilter(Optional.empty(), Optional.empty(), "");

    public RecordFilter {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean test(IndexedRecord r) {
        if (source.isPresent() && r.source() != source.get()) return false;
        if (scoredClass.isEmpty() && text.isEmpty()) return true;
        LabelVector labels = LabelVector.of(r.dx());
        if (scoredClass.isPresent() && !labels.contains(scoredClass.get())) return false;
        return text.isEmpty() || matchesText(r, labels);
    }

    private boolean matchesText(IndexedRecord r, LabelVector labels) {
        if (r.id().toLowerCase(Locale.ROOT).contains(text)) return true;
        if (r.path().getFileName() != null && r.path().getFileName().toString().toLowerCase(Locale.ROOT).contains(text)) return true;
        for (DxEntry e : labels.entries()) {
            if (contains(e.raw()) || e.code().map(this::contains).orElse(false)) return true;
            if (e.diagnosis().map(d -> contains(d.abbreviation()) || contains(d.name())).orElse(false)) return true;
        }
        return false;
    }

    private boolean contains(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text);
    }
}
