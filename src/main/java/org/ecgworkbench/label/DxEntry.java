package org.ecgworkbench.label;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a header's {@code #Dx} line, resolved against the catalogue. Nothing is dropped:
 * an entry that cannot be scored is still kept, with the reason in {@link #status()}, so a scan
 * can report it.
 *
 * @param raw        the entry exactly as given ({@code ""} for {@code null})
 * @param code       the SNOMED CT code: the entry itself, or the code of a CPSC 2018 abbreviation
 * @param diagnosis  the catalogue's diagnosis for {@code code}, when the catalogue has it
 * @param status     what became of the entry
 */
public record DxEntry(String raw, Optional<String> code, Optional<Diagnosis> diagnosis, Status status) {

    /** What became of a {@code #Dx} entry. */
    public enum Status {
        /** One of the 27 scored diagnoses. */
        SCORED,
        /** In the catalogue, not scored by the challenge. */
        UNSCORED,
        /** Has the shape of a SNOMED CT code but is not in the catalogue: kept and reported. */
        UNKNOWN_CODE,
        /** Neither a SNOMED CT code nor a CPSC 2018 abbreviation. */
        UNRECOGNISED
    }

    private static final int SHOWN_RAW_CHARS = 60;

    public DxEntry {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(status, "status");
        // The status must agree with the rest, so callers can switch on it alone.
        boolean consistent = switch (status) {
            case SCORED, UNSCORED -> diagnosis.isPresent() && code.equals(diagnosis.map(Diagnosis::code))
                    && diagnosis.get().scored() == (status == Status.SCORED);
            case UNKNOWN_CODE -> code.isPresent() && diagnosis.isEmpty();
            case UNRECOGNISED -> code.isEmpty() && diagnosis.isEmpty();
        };
        if (!consistent) throw new IllegalArgumentException("status " + status + " contradicts " + code + " / " + diagnosis);
    }

    static DxEntry of(String raw, Diagnosis diagnosis) {
        return new DxEntry(raw, Optional.of(diagnosis.code()), Optional.of(diagnosis),
                diagnosis.scored() ? Status.SCORED : Status.UNSCORED);
    }

    static DxEntry unknownCode(String raw, String code) {
        return new DxEntry(raw, Optional.of(code), Optional.empty(), Status.UNKNOWN_CODE);
    }

    static DxEntry unrecognised(String raw) {
        return new DxEntry(raw, Optional.empty(), Optional.empty(), Status.UNRECOGNISED);
    }

    public boolean isScored() {
        return status == Status.SCORED;
    }

    /** Whether a scan should report it: the catalogue does not know it. */
    public boolean isUnknown() {
        return status == Status.UNKNOWN_CODE || status == Status.UNRECOGNISED;
    }

    /** Shortens a long raw text: a corrupt header line should not flood a log. */
    @Override
    public String toString() {
        String shown = raw.length() <= SHOWN_RAW_CHARS ? raw
                : raw.substring(0, SHOWN_RAW_CHARS) + "…(" + raw.length() + " chars)";
        return "DxEntry[" + status + " '" + shown + "'" + code.map(c -> " → " + c).orElse("")
                + diagnosis.map(d -> " " + d.abbreviation()).orElse("") + "]";
    }
}
