package org.ecgworkbench.dataset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.LabelVector;

/**
 * The records a model trains on: the scan's records with their 24-class label vectors, one per
 * record id. The same record often sits in several folders (a source in its 2020 and 2021
 * layouts, a copy in a fixtures folder); training on both copies would leak it across the split,
 * so the first in scan (path) order is kept and the others are reported in {@link #notes()}.
 */
public final class TrainingIndex {

    private final List<LabelledRecord> records;
    private final Map<String, LabelledRecord> byId;
    private final List<String> notes;

    private TrainingIndex(List<LabelledRecord> records, List<String> notes) {
        this.records = List.copyOf(records);
        Map<String, LabelledRecord> map = new HashMap<>();
        for (LabelledRecord r : records) map.put(r.id(), r);
        this.byId = map;
        this.notes = List.copyOf(notes);
    }

    /**
     * @param keepUnlabelled keep records with no scored class as all-negative examples (true), or
     *                       drop them as the dissertation did (false)
     */
    public static TrainingIndex of(ScanResult scan, boolean keepUnlabelled) {
        DiagnosisCatalogue catalogue = DiagnosisCatalogue.standard();
        List<String> notes = new ArrayList<>();
        for (ScanResult.Failure f : scan.failed()) notes.add("unreadable, skipped: " + f.path() + ": " + f.error());
        Map<String, IndexedRecord> first = new LinkedHashMap<>();
        List<LabelledRecord> kept = new ArrayList<>();
        for (IndexedRecord r : scan.records()) {
            IndexedRecord earlier = first.putIfAbsent(r.id(), r);
            if (earlier != null) {
                notes.add("duplicate id " + r.id() + ": " + r.path() + " skipped (kept " + earlier.path() + ")");
                continue;
            }
            LabelVector v = catalogue.labelVector(r.dx());
            if (v.isEmpty() && !keepUnlabelled) {
                notes.add("no scored class, dropped: " + r.id() + " (" + r.path() + ")");
                continue;
            }
            kept.add(new LabelledRecord(r, v.toFloatArray()));
        }
        return new TrainingIndex(kept, notes);
    }

    /** Already-labelled records, e.g. a subset; ids must be distinct. */
    public static TrainingIndex ofRecords(List<LabelledRecord> records) {
        Map<String, LabelledRecord> seen = new HashMap<>();
        for (LabelledRecord r : records) {
            if (seen.put(r.id(), r) != null) throw new IllegalArgumentException("duplicate record id " + r.id());
        }
        return new TrainingIndex(records, List.of());
    }

    /** The kept records, in scan (path) order. */
    public List<LabelledRecord> records() {
        return records;
    }

    /** What was dropped and why: unreadable records, duplicate ids, records with no scored class (when dropped). */
    public List<String> notes() {
        return notes;
    }

    /** The record with this id, or null when the index holds none. */
    public LabelledRecord byId(String id) {
        return byId.get(id);
    }

    public int size() {
        return records.size();
    }

    /**
     * The records of a split part, in the part's (sorted id) order. Fails, listing a few, when ids of
     * the part are not in this index: the data changed since the split was made.
     */
    public List<LabelledRecord> select(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        List<LabelledRecord> out = new ArrayList<>(ids.size());
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            LabelledRecord r = byId.get(id);
            if (r == null) missing.add(id);
            else out.add(r);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(missing.size() + " record(s) of the split are not in the data, e.g. "
                    + missing.subList(0, Math.min(5, missing.size())));
        }
        return out;
    }

    /** The records of one part ("train", "validation", "test") of a manifest. */
    public List<LabelledRecord> part(SplitManifest manifest, String part) {
        return select(manifest.part(part));
    }
}
