package org.ecgworkbench.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a record as CSV: a {@code time_s} column, then one column per lead in mV. */
public final class CsvRecordWriter {
    private CsvRecordWriter() {
    }

    /** About the file's size: a time and a float per lead per sample, 12 characters each (for the disk check). */
    public static long estimatedBytes(EcgRecord record) {
        return 1024 + (long) record.samples() * (12L * (record.leads().size() + 1) + 1);
    }

    public static void write(EcgRecord record, Path target, boolean replace) throws IOException {
        AtomicFiles.write(target, replace, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("time_s");
            for (Lead lead : record.leads()) w.write("," + quote(lead.name()));
            w.write('\n');
            BigDecimal period = exactPeriod(record.fs());
            for (int i = 0; i < record.samples(); i++) {
                w.write(period != null
                        ? BigDecimal.valueOf(i).multiply(period).stripTrailingZeros().toPlainString()
                        : String.format(Locale.ROOT, "%.9f", i / record.fs()));
                for (Lead lead : record.leads()) {
                    w.write(',');
                    // Float's shortest representation round-trips the stored float32 exactly.
                    w.write(Float.toString(lead.millivolts()[i]));
                }
                w.write('\n');
            }
            w.flush();
        });
    }

    /** 1/fs when it has a finite decimal form (500 Hz: 0.002), so times print exactly; else null (257 Hz). */
    private static BigDecimal exactPeriod(double fs) {
        try {
            return BigDecimal.ONE.divide(BigDecimal.valueOf(fs));
        } catch (ArithmeticException nonTerminating) {
            return null;
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
