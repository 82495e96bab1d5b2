package org.ecgworkbench.record;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An ECG recording in physical units. The standard leads come first in the order
 * I, II, III, aVR, aVL, aVF, V1–V6 (those present), then any other signals in file order.
 *
 * @param id             record identifier (the header's record name without extension)
 * @param source         file the record was read from (header, or the signal file when there is none)
 * @param fs             sampling frequency in Hz
 * @param leads          the signals, standard leads first
 * @param age            age in years when known
 * @param sex            sex when known
 * @param dx             the {@code #Dx} entries as written (SNOMED codes or CPSC abbreviations)
 * @param gainCorrected  whether the CinC 2020 gain correction changed at least one lead's gain
 * @param warnings       non-fatal findings: checksum mismatches, gain corrections, implausible amplitude
 * @param header         the parsed header in its format's terms, when the record has one
 */
public record EcgRecord(
        String id,
        Path source,
        double fs,
        List<Lead> leads,
        OptionalDouble age,
        Optional<Sex> sex,
        List<String> dx,
        boolean gainCorrected,
        List<String> warnings,
        Optional<FormatHeader> header) {

    public EcgRecord {
        leads = List.copyOf(leads);
        dx = List.copyOf(dx);
        warnings = List.copyOf(warnings);
        int n = leads.isEmpty() ? 0 : leads.get(0).length();
        for (Lead lead : leads) {
            if (lead.length() != n) {
                throw new IllegalArgumentException("lead " + lead.name() + " has " + lead.length() + " samples, expected " + n);
            }
        }
    }

    /** Samples per lead. */
    public int samples() {
        return leads.isEmpty() ? 0 : leads.get(0).length();
    }

    public double durationSeconds() {
        return samples() / fs;
    }

    /** The lead with this standard name, if present. */
    public Optional<Lead> lead(LeadName name) {
        return leads.stream().filter(l -> l.name().equals(name.label())).findFirst();
    }

    /** The number of the twelve standard leads present. */
    public long standardLeadCount() {
        return leads.stream().filter(l -> l.standardLead().isPresent()).count();
    }
}
