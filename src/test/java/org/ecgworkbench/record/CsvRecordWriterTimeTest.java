package org.ecgworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The allocation-free time column prints exactly what BigDecimal would. */
class CsvRecordWriterTimeTest {

    @Test
    void timesMatchBigDecimalsPlainForm() {
        for (String fs : new String[] {"500", "1000", "250", "128", "100", "0.5", "0.01", "8000", "2.5"}) {
            BigDecimal period = BigDecimal.ONE.divide(new BigDecimal(fs));
            for (long i : new long[] {0, 1, 2, 5, 9, 10, 99, 100, 101, 499, 500, 501, 12_345, 899_999, 8_333_332}) {
                StringBuilder sb = new StringBuilder();
                CsvRecordWriter.appendTime(sb, i, period);
                assertThat(sb.toString()).as(fs + " Hz, sample " + i)
                        .isEqualTo(BigDecimal.valueOf(i).multiply(period).stripTrailingZeros().toPlainString());
            }
        }
    }
}
