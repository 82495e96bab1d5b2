package org.ecgworkbench.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.ecgworkbench.cli.EcgWorkbenchCommand;
import picocli.CommandLine;

/**
 * {@code measure DIR --threads N} run several times in one JVM (the first rounds warm it up): wall time and the
 * process's CPU time per round, as records per second. On a shared machine the wall time says how much CPU the
 * run got; records per CPU-second times the cores says what two free cores do.
 * Run: {@code java -cp target/test-classes:target/classes:<test classpath> org.ecgworkbench.bench.MeasureFolderThroughput DIR ROUNDS THREADS}.
 */
public final class MeasureFolderThroughput {
    private MeasureFolderThroughput() {
    }

    public static void main(String[] args) {
        String folder = args[0];
        int rounds = Integer.parseInt(args[1]);
        String threads = args[2];
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < rounds; round++) {
            CommandLine cl = EcgWorkbenchCommand.commandLine();
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(new StringWriter()));
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            int code = cl.execute("measure", folder, "--threads", threads);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            long records = out.toString().lines().filter(l -> l.contains(" Hz, ")).count();
            System.out.printf(Locale.ROOT, "round %d (exit %d): %d records, wall %.2f s = %.1f records/s; CPU %.2f s = %.2f ms a record"
                    + " = %.0f records/s on %s free core(s)%n", round, code, records, wall, records / wall, cpu, 1000 * cpu / records,
                    records / cpu * Integer.parseInt(threads), threads);
        }
    }
}
