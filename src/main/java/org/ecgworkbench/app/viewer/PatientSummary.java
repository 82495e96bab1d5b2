package org.ecgworkbench.app.viewer;

import java.util.List;
import java.util.Locale;
import org.ecgworkbench.dataset.ChallengeSource;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.DxEntry;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Sex;

/**
 * What the patient panel shows about a record, as text.
 *
 * @param id          record id
 * @param age         age in years, or "–"
 * @param sex         sex, or "–"
 * @param sampling    "500 Hz"
 * @param duration    "10.0 s (5000 samples)"
 * @param source      challenge source (by the record name) and file
 * @param diagnoses   the header's diagnoses, named by the catalogue
 * @param warnings    the reader's warnings
 */
public record PatientSummary(String id, String age, String sex, String sampling, String duration, String source,
                             List<String> diagnoses, List<String> warnings) {

    public static final PatientSummary EMPTY = new PatientSummary("–", "–", "–", "–", "–", "–", List.of(), List.of());

    public PatientSummary {
        diagnoses = List.copyOf(diagnoses);
        warnings = List.copyOf(warnings);
    }

    public static PatientSummary of(EcgRecord record, DiagnosisCatalogue catalogue) {
        String age = record.age().isPresent() ? String.format(Locale.ROOT, "%.0f", record.age().getAsDouble()) : "–";
        String sex = record.sex().map(Sex::label).orElse("–");
        String fs = (record.fs() == Math.rint(record.fs()) ? String.valueOf((long) record.fs())
                : String.format(Locale.ROOT, "%.2f", record.fs())) + " Hz";
        String duration = String.format(Locale.ROOT, "%.1f s (%d samples)", record.durationSeconds(), record.samples());
        ChallengeSource src = ChallengeSource.ofRecordId(record.id());
        String file = record.source().getFileName() == null ? record.source().toString() : record.source().getFileName().toString();
        String source = (src == ChallengeSource.OTHER ? "" : src.description() + " · ") + file;
        List<String> dx = record.dx().stream().map(catalogue::resolve).map(PatientSummary::describe).toList();
        return new PatientSummary(record.id(), age, sex, fs, duration, source, dx, record.warnings());
    }

    /** "LAD – left axis deviation (39732003), scored". */
    static String describe(DxEntry entry) {
        if (entry.diagnosis().isPresent()) {
            var d = entry.diagnosis().get();
            String abbreviation = d.abbreviation() == null || d.abbreviation().isBlank() ? "" : d.abbreviation() + " – ";
            return abbreviation + d.name() + " (" + d.code() + ")" + (d.scored() ? ", scored" : "");
        }
        return entry.raw() + (entry.code().isPresent() ? " (not in the catalogue)" : " (unrecognised)");
    }
}
