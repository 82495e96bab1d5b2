package org.ecgworkbench.record.wfdb;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.FormatHeader;

/**
 * A parsed WFDB header: the record line, its signal lines and its comments, defaults applied.
 *
 * @param recordName       name as written on the record line (may carry an extension, e.g. {@code E00001.mat})
 * @param segments         number of segments for a multi-segment record, empty for a single-segment one
 * @param signalCount      number of signals
 * @param samplingFrequency frames per second (250 when missing)
 * @param counterFrequency counter frequency (the sampling frequency when missing)
 * @param baseCounter      base counter value (0 when missing)
 * @param samplesPerSignal frames in the record, 0 when missing (then taken from the signal file size)
 * @param baseTime         base time as written, "" when missing
 * @param baseDate         base date as written, "" when missing
 * @param dateBeforeTime   whether the date came first on the record line (as the challenge writes it)
 * @param signals          one entry per signal, in header order
 * @param comments         the text after each comment line's {@code #}, exactly as written
 * @param warnings         tolerated oddities found while parsing (e.g. surplus lines)
 */
public record WfdbHeader(
        String recordName,
        OptionalInt segments,
        int signalCount,
        double samplingFrequency,
        double counterFrequency,
        double baseCounter,
        long samplesPerSignal,
        String baseTime,
        String baseDate,
        boolean dateBeforeTime,
        List<SignalSpec> signals,
        List<String> comments,
        List<String> warnings) implements FormatHeader {

    public static final double DEFAULT_SAMPLING_FREQUENCY = 250.0;

    public WfdbHeader {
        signals = List.copyOf(signals);
        comments = List.copyOf(comments);
        warnings = List.copyOf(warnings);
    }

    /** The WFDB header {@code record} was read with, when it was read from one. */
    public static Optional<WfdbHeader> of(EcgRecord record) {
        return record.header().filter(WfdbHeader.class::isInstance).map(WfdbHeader.class::cast);
    }

    @Override
    public String format() {
        return "WFDB";
    }

    /** The record name without a trailing signal-file extension such as {@code .mat} or {@code .dat}. */
    public String recordId() {
        String n = recordName;
        int slash = n.lastIndexOf('/');
        if (slash >= 0) n = n.substring(slash + 1);
        for (String ext : new String[] {".mat", ".dat", ".hea"}) {
            if (n.length() > ext.length() && n.regionMatches(true, n.length() - ext.length(), ext, 0, ext.length())) {
                return n.substring(0, n.length() - ext.length());
            }
        }
        return n;
    }

    public HeaderComments parsedComments() {
        return HeaderComments.parse(comments);
    }
}
