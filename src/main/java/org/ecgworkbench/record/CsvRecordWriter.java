package org.ecgworkbench.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
            for (Lead lead : record.leads()) w.write("," + CsvText.cell(lead.name()));
            w.write('\n');
            BigDecimal period = exactPeriod(record.fs());
            // One reused row buffer and no object per value: on a long record, garbage makes the heap grow.
            StringBuilder row = new StringBuilder(256);
            char[] chars = new char[256];
            List<float[]> leads = record.leads().stream().map(Lead::millivolts).toList();
            for (int i = 0; i < record.samples(); i++) {
                row.setLength(0);
                if (period != null) appendTime(row, i, period);
                else row.append(String.format(Locale.ROOT, "%.9f", i / record.fs()));
                for (float[] mv : leads) {
                    // Float's shortest representation round-trips the stored float32 exactly.
                    row.append(',').append(mv[i]);
                }
                row.append('\n');
                if (chars.length < row.length()) chars = new char[2 * row.length()];
                row.getChars(0, row.length(), chars, 0);
                w.write(chars, 0, row.length());
            }
            w.flush();
        });
    }

    /** {@code i × period} in plain decimal without trailing zeros, as BigDecimal prints it, without making one per row. */
    static void appendTime(StringBuilder out, long i, BigDecimal period) {
        int scale = Math.max(0, period.scale());
        long unscaled;
        long pow = 1;
        try {
            unscaled = period.setScale(scale).unscaledValue().longValueExact();
            for (int k = 0; k < scale; k++) pow = Math.multiplyExact(pow, 10);
            long v = Math.multiplyExact(i, unscaled);
            out.append(v / pow);
            long frac = v % pow;
            if (frac == 0) return;
            int digits = scale;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            out.append('.');
            for (long p = 10, d = 1; d < digits; d++, p *= 10) if (frac < p) out.append('0');
            out.append(frac);
        } catch (ArithmeticException tooLong) {
            out.append(BigDecimal.valueOf(i).multiply(period).stripTrailingZeros().toPlainString());
        }
    }

    /** 1/fs when it has a finite decimal form (500 Hz: 0.002), so times print exactly; else null (257 Hz). */
    private static BigDecimal exactPeriod(double fs) {
        try {
            return BigDecimal.ONE.divide(BigDecimal.valueOf(fs));
        } catch (ArithmeticException nonTerminating) {
            return null;
        }
    }

}
