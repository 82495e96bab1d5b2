package org.ecgworkbench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.measure.reference.LudbReference;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;

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
}
