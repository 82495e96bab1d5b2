package org.ecgworkbench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.measure.reference.LudbReference;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.Lead;

/** The LUDB records of ../shared/data/ludb with their references, for tests that skip without them. */
final class LudbRecords {

    record Entry(int number, EcgRecord record, LeadMatrix leads, LudbReference reference) {
    }

    private static List<Entry> cache;

    private LudbRecords() {
    }

    static Path folder() {
        return Path.of(System.getProperty("ecg.shared.data", "../shared/data"), "ludb");
    }

    static boolean present() {
        return Files.isRegularFile(folder().resolve("1.hea"));
    }

    static synchronized List<Entry> all() throws IOException {
        if (cache != null) return cache;
        List<Entry> out = new ArrayList<>();
        for (int n = 1; n <= 200; n++) {
            Path header = folder().resolve(n + ".hea");
            if (!Files.isRegularFile(header) || !Files.isRegularFile(folder().resolve(n + ".i"))) continue;
            EcgRecord record = EcgRecordReader.read(header);
            out.add(new Entry(n, record, LeadMatrix.of(record), LudbReference.load(folder(), Integer.toString(n), record.fs())));
        }
        cache = List.copyOf(out);
        return cache;
    }

    /**
     * The record's standard leads at one common gain of 1000 units/mV. The LUDB copy in ../shared/data gives each
     * lead its own gain, which scales every lead to a 1-mV range and breaks Einthoven's law by tens of percent, while
     * the samples as written obey it exactly (II = I + III to the unit): they are in µV, LUDB's published resolution.
     * For the checks that need true amplitudes (axes); the product itself refuses such amplitudes with a warning.
     */
    static LeadMatrix atCommonGain(EcgRecord record) {
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (Lead lead : record.leads()) {
            if (lead.standardLead().isEmpty() || lead.adc() == null) continue;
            double[] row = new double[lead.adc().length];
            for (int i = 0; i < row.length; i++) row[i] = (lead.adc()[i] - lead.baseline()) / 1000.0;
            names.add(lead.name());
            rows.add(row);
        }
        return new LeadMatrix(names, rows.toArray(new double[0][]), record.fs());
    }
}
