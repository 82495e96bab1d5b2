package org.ecgworkbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.ecgworkbench.measure.LeadMatrix;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.record.EcgRecordReader;

/**
 * The thread CPU time of {@code Measurement.of} on sample records, warm (median of 300 after 200 untimed): the
 * figure the JMH benchmark's wall time approaches on an idle machine, and one that a busy machine does not inflate.
 * Run: {@code java -cp target/test-classes:target/classes:<test classpath> org.ecgworkbench.bench.MeasurementCpuTime A5432 HR00599}.
 */
public final class MeasurementCpuTime {
    private MeasurementCpuTime() {
    }

    public static void main(String[] ids) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String id : ids) {
            LeadMatrix leads = LeadMatrix.of(EcgRecordReader.read(Path.of("resources/samples").resolve(id + ".hea")));
            long[] cpu = new long[300];
            for (int i = -200; i < cpu.length; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                Measurement.of(leads);
                if (i >= 0) cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            }
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "%s: Measurement.of median %.2f ms CPU (p10 %.2f, p90 %.2f)%n", id, cpu[150] / 1e6,
                    cpu[30] / 1e6, cpu[270] / 1e6);
        }
    }
}
