package org.ecgworkbench.record;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.ecgworkbench.record.mat.Mat5RecordAssembler;
import org.ecgworkbench.record.wfdb.WfdbHeader;
import org.ecgworkbench.record.wfdb.WfdbHeaderParser;
import org.ecgworkbench.record.wfdb.WfdbRecordReader;

/**
 * Reads one ECG record into physical millivolts: header, signal files, units, the CinC 2020 gain
 * correction, lead names in standard order, and warnings (checksums, implausible amplitudes).
 * Every malformed input ends in a {@link RecordFormatException} naming the file and the field.
 */
public final class EcgRecordReader {

    /** Median lead peak-to-peak outside this range (mV) is flagged as implausible. */
    public static final double MIN_PLAUSIBLE_MV = 0.05;
    public static final double MAX_PLAUSIBLE_MV = 20.0;

    private EcgRecordReader() {
    }

    public static EcgRecord read(Path path) throws RecordFormatException {
        return read(path, ReadOptions.DEFAULT);
    }

    public static EcgRecord read(Path path, ReadOptions options) throws RecordFormatException {
        RecordLocator located = RecordLocator.locate(path);
        try {
            if (located.header() == null) {
                OutputGuard.protect(located.signalFile());
                return Mat5RecordAssembler.read(located.signalFile());
            }
            WfdbHeader header = WfdbHeaderParser.parse(located.header());
            return WfdbRecordReader.read(located.header(), header, options);
        } catch (RecordFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            // A reader bug must still name the file rather than escape as a bare runtime exception.
            throw new RecordFormatException(path, null, "unreadable record (" + e + ")", e);
        }
    }

    /** The header only (fast; no signal file is opened), e.g. for scanning. */
    public static WfdbHeader readHeader(Path path) throws RecordFormatException {
        RecordLocator located = RecordLocator.locate(path);
        if (located.header() == null) {
            throw new RecordFormatException(path, null, "has no header file beside it");
        }
        return WfdbHeaderParser.parse(located.header());
    }

    /** Orders the leads, checks amplitudes and builds the record. Shared with the MAT v5 path (record.mat), hence public. */
    public static EcgRecord assemble(String id, Path source, double fs, List<Lead> leads, OptionalDouble age,
                              Optional<Sex> sex, List<String> dx, boolean gainCorrected, List<String> warnings,
                              Optional<FormatHeader> header) throws RecordFormatException {
        // Every reader ends here, so the bounds hold for records from any format (RecordLimits).
        String fsProblem = RecordLimits.samplingFrequencyProblem(fs);
        if (fsProblem != null) {
            throw new RecordFormatException(source, header.isPresent() ? "sampling frequency × samples per frame" : "sampling frequency",
                    fsProblem);
        }
        for (int i = 0; i < leads.size(); i++) {
            int bad = firstNonFinite(leads.get(i).millivolts());
            if (bad >= 0) {
                throw new RecordFormatException(source, "signal " + (i + 1) + " (" + leads.get(i).name() + ")",
                        "sample " + (bad + 1) + " is " + leads.get(i).millivolts()[bad] + ", not a finite value");
            }
        }
        List<String> allWarnings = new ArrayList<>(warnings);
        List<Lead> ordered = orderLeads(leads, allWarnings);
        amplitudeWarning(ordered).ifPresent(allWarnings::add);
        return new EcgRecord(id, source, fs, ordered, age, sex, dx, gainCorrected, allWarnings, header);
    }

    /** Standard leads first in standard order (the first of duplicates), then the rest in file order. */
    private static List<Lead> orderLeads(List<Lead> leads, List<String> warnings) {
        Set<LeadName> seen = EnumSet.noneOf(LeadName.class);
        List<Lead> standard = new ArrayList<>();
        List<Lead> extra = new ArrayList<>();
        for (Lead lead : leads) {
            Optional<LeadName> std = lead.standardLead();
            if (std.isPresent() && seen.add(std.get())) {
                standard.add(lead);
            } else {
                if (std.isPresent()) warnings.add("lead " + lead.name() + " appears more than once; the first is used as " + lead.name());
                extra.add(lead);
            }
        }
        standard.sort(Comparator.comparing(l -> l.standardLead().orElseThrow()));
        if (!standard.isEmpty() && standard.size() < LeadName.values().length) {
            EnumSet<LeadName> missing = EnumSet.allOf(LeadName.class);
            missing.removeAll(seen);
            warnings.add("only " + standard.size() + " of the 12 standard leads present; missing "
                    + missing.stream().map(LeadName::label).toList());
        } else if (standard.isEmpty()) {
            warnings.add("none of the 12 standard leads is present");
        }
        List<Lead> out = new ArrayList<>(standard);
        out.addAll(extra);
        return out;
    }

    private static Optional<String> amplitudeWarning(List<Lead> leads) {
        double[] p2p = leads.stream().filter(l -> l.standardLead().isPresent() && l.length() > 0)
                .mapToDouble(Lead::peakToPeak).toArray();
        if (p2p.length == 0) p2p = leads.stream().filter(l -> l.length() > 0).mapToDouble(Lead::peakToPeak).toArray();
        if (p2p.length == 0) return Optional.empty();
        Arrays.sort(p2p);
        double median = p2p.length % 2 == 1 ? p2p[p2p.length / 2] : (p2p[p2p.length / 2 - 1] + p2p[p2p.length / 2]) / 2;
        if (median < MIN_PLAUSIBLE_MV || median > MAX_PLAUSIBLE_MV) {
            return Optional.of(String.format(Locale.ROOT,
                    "implausible amplitude: median lead peak-to-peak %.4g mV is outside [%s, %s] mV (wrong gain?)",
                    median, MIN_PLAUSIBLE_MV, MAX_PLAUSIBLE_MV));
        }
        return Optional.empty();
    }

    /** Index of the first NaN or infinite value, -1 when all are finite. */
    private static int firstNonFinite(float[] values) {
        for (int j = 0; j < values.length; j++) {
            if (!Float.isFinite(values[j])) return j;
        }
        return -1;
    }
}
