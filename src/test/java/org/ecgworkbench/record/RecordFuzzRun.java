package org.ecgworkbench.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ecgworkbench.record.wfdb.SignalSpec;
import org.ecgworkbench.record.wfdb.WfdbHeader;

/**
 * The fuzz loop of {@link RecordFuzzTest}: each case takes a record, mutates its header, a signal
 * file or both with its own seeded {@link Random}, writes the files to a scratch folder and calls the
 * reader. Every outcome is judged; problems are collected (not thrown) so one run reports them all.
 */
final class RecordFuzzRun {

    /** A call slower than this is reported as a hang candidate. */
    static final long SLOW_CALL_MILLIS = 3_000;
    private static final int MAX_EXAMPLES_PER_KIND = 3;

    enum Target { HEADER, SIGNAL, BOTH }

    /** One problem: which case, what was done to the files, which call, what happened. */
    record Failure(long caseSeed, int caseIndex, String mutation, String call, String kind, String detail) {
    }

    private final Path dir;
    private final List<RecordFuzzRecords.Rec> synthesized;
    private final List<RecordFuzzRecords.Rec> real;

    final Map<String, List<Failure>> failures = new LinkedHashMap<>();
    final Map<Target, Integer> casesByTarget = new LinkedHashMap<>();
    int cases;
    int calls;
    int successes;
    int recordFormatExceptions;
    int realCases;
    long slowestCallMillis;
    String slowestCall = "";
    /** What is running now, for the message when the whole loop times out. */
    volatile String current = "(not started)";

    RecordFuzzRun(Path dir, List<RecordFuzzRecords.Rec> synthesized, List<RecordFuzzRecords.Rec> real) {
        this.dir = dir;
        this.synthesized = synthesized;
        this.real = real;
    }

    /** The seed of case {@code index} of a run seeded with {@code seed} (SplitMix64). */
    static long caseSeed(long seed, int index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    void runCase(int index, long caseSeed) throws IOException {
        Random rnd = new Random(caseSeed);
        RecordFuzzRecords.Rec rec = pickRecord(rnd);
        int t = rnd.nextInt(100);
        Target target = t < 40 ? Target.HEADER : t < 75 ? Target.SIGNAL : Target.BOTH;

        StringBuilder log = new StringBuilder(rec.id()).append(rec.real() ? " (real)" : " (synthesized)").append(' ')
                .append(target).append(": ");
        RecordFuzzMutator mutator = new RecordFuzzMutator(rnd, log, dir.toAbsolutePath().getParent().toString());
        Map<String, byte[]> files = new LinkedHashMap<>(rec.files());
        Set<String> named = new LinkedHashSet<>();
        named.add(rec.headerName());
        if (target != Target.SIGNAL) {
            Map<String, Integer> sizes = new LinkedHashMap<>();
            for (String s : rec.signalFiles()) sizes.put(s, rec.files().get(s).length);
            files.put(rec.headerName(), mutator.mutateHeader(rec.header(), rec.headerName(), sizes));
        }
        if (target != Target.HEADER) {
            if (target == Target.BOTH) log.append(" | ");
            String name = rec.signalFiles().get(rnd.nextInt(rec.signalFiles().size()));
            byte[] mutated = mutator.mutateSignal(name, files.get(name));
            if (mutated == null) files.remove(name);
            else files.put(name, mutated);
            named.add(name);
        }

        clean();
        for (Map.Entry<String, byte[]> e : files.entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
        // Intact copies beside the record folder: a header naming "../x.mat" or its absolute path would read fine.
        for (String s : rec.signalFiles()) Files.write(dir.resolveSibling(s), rec.files().get(s));

        String mutation = log.toString();
        Path header = dir.resolve(rec.headerName());
        Path signal = dir.resolve(rec.signalFiles().get(rnd.nextInt(rec.signalFiles().size())));
        Path bare = dir.resolve(rec.id());
        Path alternative = rnd.nextBoolean() ? signal : bare;
        Path forHeader = switch (rnd.nextInt(3)) {
            case 0 -> header;
            case 1 -> signal;
            default -> bare;
        };

        cases++;
        casesByTarget.merge(target, 1, Integer::sum);
        if (rec.real()) realCases++;
        check(index, caseSeed, mutation, "read(" + header.getFileName() + ")", named, () -> EcgRecordReader.read(header));
        if (rnd.nextBoolean()) {
            check(index, caseSeed, mutation, "read(" + alternative.getFileName() + ")", named,
                    () -> EcgRecordReader.read(alternative));
        }
        check(index, caseSeed, mutation, "readHeader(" + forHeader.getFileName() + ")", named,
                () -> EcgRecordReader.readHeader(forHeader));
    }

    private RecordFuzzRecords.Rec pickRecord(Random rnd) {
        // Mostly the small synthesized records; real ones (some 1 MB) now and then, the biggest rarely.
        if (!real.isEmpty() && rnd.nextInt(100) < 8) {
            List<RecordFuzzRecords.Rec> weighted = new ArrayList<>();
            for (RecordFuzzRecords.Rec r : real) {
                long size = r.files().values().stream().mapToLong(b -> b.length).sum();
                int weight = size > 500_000 ? 1 : 4;
                for (int w = 0; w < weight; w++) weighted.add(r);
            }
            return weighted.get(rnd.nextInt(weighted.size()));
        }
        return synthesized.get(rnd.nextInt(synthesized.size()));
    }

    private void clean() throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) Files.delete(p);
        }
    }

    private void check(int index, long caseSeed, String mutation, String call, Set<String> named, Callable<Object> action) {
        current = "case " + index + " (seed 0x" + Long.toHexString(caseSeed) + ") " + call + " after " + mutation;
        calls++;
        long t0 = System.nanoTime();
        Object result = null;
        Throwable thrown = null;
        try {
            result = action.call();
        } catch (Throwable t) {
            thrown = t;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (ms > slowestCallMillis) {
            slowestCallMillis = ms;
            slowestCall = current;
        }
        if (ms > SLOW_CALL_MILLIS) {
            record(new Failure(caseSeed, index, mutation, call, "slow call (hang candidate)", ms + " ms"));
        }
        if (thrown == null) {
            successes++;
            String problem = invariantProblem(result);
            if (problem != null) record(new Failure(caseSeed, index, mutation, call, "invariant: " + problem, ""));
            return;
        }
        if (thrown instanceof RecordFormatException e) {
            recordFormatExceptions++;
            String problem = RecordFuzzTest.rfeProblem(e, named);
            if (problem != null) {
                record(new Failure(caseSeed, index, mutation, call, problem + " [" + signature(e.getCause() != null ? e.getCause() : e) + "]",
                        "files " + named + "; " + RecordFuzzTest.describe(e)));
            }
            return;
        }
        record(new Failure(caseSeed, index, mutation, call, "escaped " + signature(thrown), RecordFuzzTest.describe(thrown)));
    }

    /** Success must give sound results; null when it does. */
    static String invariantProblem(Object result) {
        if (result == null) return "the reader returned null";
        if (result instanceof WfdbHeader h) {
            if (h.signals() == null) return "header without a signal list";
            for (SignalSpec s : h.signals()) {
                if (s == null) return "header with a null signal";
            }
            if (!(h.samplingFrequency() > 0)) return "header sampling frequency " + h.samplingFrequency();
            if (h.segments().isEmpty() && h.signals().size() != h.signalCount()) {
                return "header declares " + h.signalCount() + " signals but holds " + h.signals().size();
            }
            return null;
        }
        EcgRecord r = (EcgRecord) result;
        if (WfdbHeader.of(r).isPresent()) {
            for (SignalSpec s : WfdbHeader.of(r).get().signals()) {
                String n = s.fileName();
                if (n.startsWith("/") || n.startsWith("\\") || Arrays.asList(n.split("[/\\\\]")).contains("..")) {
                    return "read signal file '" + n + "' outside the record folder";
                }
            }
        }
        if (!(r.fs() > 0) || Double.isInfinite(r.fs())) return "fs " + r.fs();
        if (r.leads() == null || r.leads().isEmpty()) return "no leads";
        int n = -1;
        for (Lead lead : r.leads()) {
            if (lead == null) return "a null lead";
            if (lead.millivolts() == null) return "lead " + lead.name() + " without samples";
            if (lead.adc() != null && lead.adc().length != lead.millivolts().length) return "lead " + lead.name() + " adc/mV lengths differ";
            if (n >= 0 && lead.length() != n) return "leads of different lengths (" + n + ", " + lead.length() + ")";
            n = lead.length();
        }
        return null;
    }

    /** Exception class and the first frame in the project (else the top frame): groups failures by bug. */
    static String signature(Throwable t) {
        StackTraceElement where = null;
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("org.ecgworkbench.") && !e.getClassName().contains("RecordFuzz")) {
                where = e;
                break;
            }
        }
        if (where == null && t.getStackTrace().length > 0) where = t.getStackTrace()[0];
        return t.getClass().getName() + (where == null ? "" : " at " + where);
    }

    private void record(Failure f) {
        failures.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f);
    }

    int failureCount() {
        return failures.values().stream().mapToInt(List::size).sum();
    }

    String summary(long seed, long millis) {
        return String.format(Locale.ROOT,
                "record fuzz: seed 0x%x, %d cases %s (%d on real records), %d reader calls in %d ms: %d succeeded, "
                        + "%d RecordFormatException, %d problem(s) of %d kind(s); slowest call %d ms (%s)",
                seed, cases, casesByTarget, realCases, calls, millis, successes, recordFormatExceptions, failureCount(),
                failures.size(), slowestCallMillis, abbreviate(slowestCall, 300));
    }

    /** Every kind of problem with its count and the first few cases, each replayable by its seed. */
    String report(long seed, long millis) {
        StringBuilder sb = new StringBuilder(summary(seed, millis)).append('\n');
        for (Map.Entry<String, List<Failure>> e : failures.entrySet()) {
            sb.append("\n== ").append(e.getValue().size()).append(" x ").append(e.getKey()).append('\n');
            for (Failure f : e.getValue().subList(0, Math.min(MAX_EXAMPLES_PER_KIND, e.getValue().size()))) {
                sb.append("   case ").append(f.caseIndex()).append(", seed 0x").append(Long.toHexString(f.caseSeed()))
                        .append(" (replay: -Decg.fuzz.replay=0x").append(Long.toHexString(f.caseSeed())).append(")\n")
                        .append("   mutation: ").append(abbreviate(f.mutation(), 600)).append('\n')
                        .append("   call: ").append(f.call()).append('\n');
                if (!f.detail().isEmpty()) sb.append("   got: ").append(abbreviate(f.detail(), 900)).append('\n');
            }
        }
        return sb.toString();
    }

    /** The report while the loop may still be running (after a timeout); never throws. */
    String reportWhileRunning(long seed, long millis) {
        try {
            return report(seed, millis);
        } catch (RuntimeException e) {
            return "(no report: " + e + ")";
        }
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }
}
