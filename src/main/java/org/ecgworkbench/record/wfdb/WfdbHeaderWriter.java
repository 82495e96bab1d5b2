package org.ecgworkbench.record.wfdb;

import java.util.List;
import org.ecgworkbench.record.PlainNumber;

/** Formats a {@link WfdbHeader} as header text, the challenge's way (one line per signal, '\n' endings). */
public final class WfdbHeaderWriter {
    private WfdbHeaderWriter() {
    }

    public static String format(WfdbHeader h) {
        StringBuilder sb = new StringBuilder();
        sb.append(h.recordName());
        h.segments().ifPresent(s -> sb.append('/').append(s));
        sb.append(' ').append(h.signalCount()).append(' ').append(PlainNumber.format(h.samplingFrequency()));
        if (h.counterFrequency() != h.samplingFrequency() || h.baseCounter() != 0) {
            sb.append('/').append(PlainNumber.format(h.counterFrequency()));
            if (h.baseCounter() != 0) sb.append('(').append(PlainNumber.format(h.baseCounter())).append(')');
        }
        sb.append(' ').append(h.samplesPerSignal());
        List<String> time = h.dateBeforeTime() ? List.of(h.baseDate(), h.baseTime()) : List.of(h.baseTime(), h.baseDate());
        for (String t : time) {
            if (!t.isEmpty()) sb.append(' ').append(t);
        }
        sb.append('\n');
        for (SignalSpec s : h.signals()) {
            sb.append(s.fileName()).append(' ').append(s.formatField()).append(' ').append(PlainNumber.format(s.gain()));
            if (s.baseline() != s.adcZero()) sb.append('(').append(s.baseline()).append(')');
            sb.append('/').append(s.units())
                    .append(' ').append(s.adcResolution())
                    .append(' ').append(s.adcZero())
                    .append(' ').append(s.initialValue().orElse(s.adcZero()))
                    .append(' ').append(s.checksum().orElse(0))
                    .append(' ').append(s.blockSize());
            if (!s.description().isEmpty()) sb.append(' ').append(s.description());
            sb.append('\n');
        }
        for (String c : h.comments()) sb.append('#').append(c).append('\n');
        return sb.toString();
    }

}
