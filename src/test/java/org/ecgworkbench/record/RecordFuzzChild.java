package org.ecgworkbench.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ecgworkbench.record.wfdb.WfdbHeader;

/**
 * Runs reader calls in a separate JVM for {@link RecordFuzzTest}, so that inputs which might exhaust
 * memory (under a small {@code -Xmx}) or spin for minutes cannot harm the test JVM. The parent kills
 * this process if it outlives its time limit.
 *
 * <p>Arguments: {@code perCallMillis} then {@code CALLS=path} pairs, where CALLS holds {@code R}
 * ({@link EcgRecordReader#read}) and/or {@code H} ({@link EcgRecordReader#readHeader}). Prints one line
 * per call: {@code RESULT <tab> index <tab> call <tab> millis <tab> OK|RFE|THROWN|TIMEOUT <tab> detail}, and for
 * RFE a last column {@code cause=none}, {@code cause=io …} or {@code cause=unchecked …}.
 */
final class RecordFuzzChild {

    private RecordFuzzChild() {
    }

    public static void main(String[] args) {
        long perCall = Long.parseLong(args[0]);
        System.out.println("ENV\tsun.jnu.encoding=" + System.getProperty("sun.jnu.encoding")
                + "\tmaxMemory=" + Runtime.getRuntime().maxMemory());
        ExecutorService worker = newWorker();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            String calls = args[i].substring(0, eq);
            Path path = Path.of(args[i].substring(eq + 1));
            for (char call : calls.toCharArray()) {
                long t0 = System.nanoTime();
                Future<String> f = worker.submit(() -> run(call, path));
                String outcome;
                try {
                    outcome = f.get(perCall, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    // The stuck thread may not stop (regex, allocation); leave it, it is a daemon.
                    worker = newWorker();
                    outcome = "TIMEOUT\tno result within " + perCall + " ms";
                } catch (Exception e) {
                    outcome = "THROWN\t" + describe(e.getCause() == null ? e : e.getCause());
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.println("RESULT\t" + (i - 1) + "\t" + call + "\t" + ms + "\t" + outcome);
                System.out.flush();
            }
        }
        System.exit(0);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reader");
            t.setDaemon(true);
            return t;
        });
    }

    private static String run(char call, Path path) {
        try {
            if (call == 'R') {
                EcgRecord r = EcgRecordReader.read(path);
                return "OK\t" + r.leads().size() + " leads x " + r.samples() + " samples at " + r.fs() + " Hz";
            }
            WfdbHeader h = EcgRecordReader.readHeader(path);
            return "OK\t" + h.signalCount() + " signals";
        } catch (RecordFormatException e) {
            Throwable c = e.getCause();
            return "RFE\t" + clean(e.getMessage()) + "\tcause="
                    + (c == null ? "none" : (c instanceof IOException ? "io " : "unchecked ") + describe(c));
        } catch (Throwable t) {
            return "THROWN\t" + describe(t);
        }
    }

    private static String describe(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        return clean(t.toString()) + " @ " + clean(Arrays.toString(Arrays.copyOf(st, Math.min(4, st.length))));
    }

    private static String clean(String s) {
        String c = String.valueOf(s).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        return c.length() > 600 ? c.substring(0, 600) + "…" : c;
    }
}
