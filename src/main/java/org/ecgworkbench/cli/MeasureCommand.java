package org.ecgworkbench.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.ecgworkbench.dataset.IndexedRecord;
import org.ecgworkbench.dataset.ScanResult;
import org.ecgworkbench.eval.ChallengeOutput;
import org.ecgworkbench.eval.ChallengeOutputCsv;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.measure.LeadMatrix;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.measure.Statement;
import org.ecgworkbench.measure.WindowedMeasurement;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.ReadOptions;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.record.TerminalText;
import org.ecgworkbench.record.wfdb.WindowedRecordReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code measure}: a cart's measurements and interpretation statements for records, as text, JSON, CSV or challenge outputs. */
@Command(name = "measure", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure ECG records as a cart does: rate, RR, P, PR, QRS, QT and QTc (Bazett, Fridericia, Framingham, "
                + "Hodges), the frontal P, QRS and T axes, each lead's waves, and the interpretation statements with the "
                + "numbers behind them. A value that cannot be measured is shown as missing with a warning saying why. "
                + "Folders are measured record by record on --threads threads; a record that fails is listed and skipped.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every record measured", "1:some records failed (listed)", "2:bad input (no record could be read)"})
public final class MeasureCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "records (.hea, .mat, .dat) or folders of records")
    List<Path> files;

    @Mixin
    JsonOption json;

    @Option(names = "--beats", description = "add every beat: its sample and time, type, and fiducials")
    boolean beats;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "also write one row per record (the global values) to this file")
    Path csv;

    @Option(names = "--challenge-out", paramLabel = "DIR",
            description = "write <record>.csv per record in the challenge output format: the statements as the classes output "
                    + "(score 1 or 0), for the score command")
    Path challengeOut;

    @Option(names = "--threads", paramLabel = "N", description = "measuring threads, 1..256 (default: all cores)")
    @Range(min = "1", max = "256")
    Integer threads;

    @Mixin
    ForceOption force;

    @Mixin
    ReadOptionsMixin read;

    @Spec
    CommandSpec spec;

    /** Recordings longer than this (seconds) are measured in windows ({@link WindowedMeasurement}) where their layout allows. */
    static final double LONG_RECORD_S = 300;

    /** One record's result: measured, or the failure line; the reader's warnings in both cases. */
    private record Outcome(IndexedRecord record, MeasuredRecord measured, String failure, List<String> readerWarnings) {
    }

    @Override
    public Integer call() throws IOException {
        ScanResult scan = PredictCommand.inGivenOrder(files);
        PrintWriter err = spec.commandLine().getErr();
        int total = scan.records().size() + scan.failed().size();
        if (total == 0) {
            err.println("error: no records found in " + TerminalText.inert(files.stream().map(Path::toString).collect(Collectors.joining(", "))));
            return ExitCodes.BAD_INPUT;
        }
        if (csv != null) AtomicFiles.requireAbsent(force.replace(), csv);
        if (challengeOut != null) {
            refuseSharedIds(scan.records());
            // Every target is checked before anything is written, so a refusal never leaves half the outputs.
            AtomicFiles.requireAbsent(force.replace(),
                    scan.records().stream().map(r -> challengeOut.resolve(r.id() + ".csv")).toArray(Path[]::new));
            Files.createDirectories(challengeOut);
        }
        List<String> failures = new ArrayList<>();
        scan.failed().forEach(f -> failures.add(f.line()));
        if (csv != null) {
            AtomicFiles.write(csv, force.replace(), stream -> measureAll(scan, failures, stream));
        } else {
            measureAll(scan, failures, null);
        }
        failures.forEach(f -> err.println("failed: " + TerminalText.inert(f)));
        if (failures.size() == total) {
            err.println("error: no record could be measured (" + failures.size() + " failed, listed above)");
            return ExitCodes.BAD_INPUT;
        }
        if (failures.isEmpty()) return ExitCodes.OK;
        err.println("error: " + failures.size() + " of " + total + " records failed (listed above)");
        return ExitCodes.PARTIAL;
    }

    /**
     * Measures every record on a bounded pool, handling the results in the order given: at most two records per
     * thread are in flight, so a folder of any size holds only a few measurements at a time.
     */
    private void measureAll(ScanResult scan, List<String> failures, OutputStream csvStream) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Writer csvOut = csvStream == null ? null : new OutputStreamWriter(csvStream, StandardCharsets.UTF_8);
        if (csvOut != null) {
            csvOut.write(MeasurementCsv.header() + "\n");
            for (ScanResult.Failure f : scan.failed()) {
                csvOut.write(MeasurementCsv.failedRow(stem(f.path()), f.path().toString(), f.reason()) + "\n");
            }
        }
        SequenceWriter jsonOut = json.requested()
                ? Json.MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValuesAsArray(out) : null;
        List<ScoredClass> classes = DiagnosisCatalogue.standard().scoredClasses();
        int n = Math.max(1, Math.min(threads != null ? threads : Runtime.getRuntime().availableProcessors(), scan.records().size()));
        ReadOptions options = read.readOptions();
        TerminalProgress progress = TerminalProgress.forStderr(err, "measuring");
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "measure");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
            Iterator<IndexedRecord> next = scan.records().iterator();
            int done = 0;
            while (next.hasNext() || !inFlight.isEmpty()) {
                while (next.hasNext() && inFlight.size() < 2 * n) {
                    IndexedRecord r = next.next();
                    inFlight.add(pool.submit(() -> measureOne(r, options)));
                }
                Outcome o = result(inFlight.removeFirst());
                for (String w : o.readerWarnings()) err.println("warning: " + TerminalText.inert(o.record().path() + ": " + w));
                if (o.measured() == null) {
                    failures.add(o.failure());
                    if (csvOut != null) csvOut.write(MeasurementCsv.failedRow(o.record().id(), o.record().path().toString(), o.failure()) + "\n");
                } else {
                    if (jsonOut != null) jsonOut.write(MeasurementJson.of(o.measured(), beats));
                    else out.println(MeasurementText.of(o.measured(), beats) + "\n");
                    if (csvOut != null) csvOut.write(MeasurementCsv.row(o.measured()) + "\n");
                    if (challengeOut != null) writeChallengeOutput(o.measured(), classes);
                }
                out.flush();
                progress.update(++done, scan.records().size());
            }
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        if (jsonOut != null) {
            jsonOut.close();
            out.println();
        }
        out.flush();
        if (csvOut != null) csvOut.flush();
    }

    private static Outcome result(Future<Outcome> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while measuring", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a measuring thread failed", e.getCause()); // measureOne catches everything
        }
    }

    /** Reads and measures one record; any failure, also running out of memory on it, is that record's alone. */
    static Outcome measureOne(IndexedRecord r, ReadOptions options) {
        List<String> warnings = List.of();
        try {
            if (r.samples() / r.fs() > LONG_RECORD_S) {
                Optional<WindowedRecordReader> windows = WindowedRecordReader.open(r.path(), options);
                if (windows.isPresent()) return measureInWindows(r, windows.get());
            }
            EcgRecord record = EcgRecordReader.read(r.path(), options);
            warnings = record.warnings();
            LeadMatrix leads = LeadMatrix.of(record);
            if (leads.leadCount() == 0) {
                return new Outcome(r, null, new ScanResult.Failure(r.path(), "no standard ECG lead to measure").line(), warnings);
            }
            Measurement m = Measurement.of(leads);
            return new Outcome(r, MeasuredRecord.of(record.id(), r.path(), record.fs(), record.durationSeconds(),
                    leads.leadCount(), m, 0), null, warnings);
        } catch (RecordFormatException e) {
            return new Outcome(r, null, e.getMessage(), warnings);
        } catch (IOException | RuntimeException e) {
            return new Outcome(r, null, new ScanResult.Failure(r.path(), String.valueOf(e.getMessage())).line(), warnings);
        } catch (OutOfMemoryError e) {
            return new Outcome(r, null, new ScanResult.Failure(r.path(), "out of memory (Java heap limit "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); give Java more with -Xmx").line(), warnings);
        }
    }

    /** A long recording, read and measured one window at a time so that it never sits in the heap whole. */
    private static Outcome measureInWindows(IndexedRecord r, WindowedRecordReader reader) throws IOException {
        if (reader.leadNames().isEmpty()) {
            return new Outcome(r, null, new ScanResult.Failure(r.path(), "no standard ECG lead to measure").line(), reader.warnings());
        }
        WindowedMeasurement.Result result = WindowedMeasurement.of(reader.leadNames(), reader.fs(), reader.frames(), reader::read);
        return new Outcome(r, MeasuredRecord.of(reader.id(), r.path(), reader.fs(), reader.frames() / reader.fs(),
                reader.leadNames().size(), result.measurement(), result.windows()), null, reader.warnings());
    }

    /** The statements as a classifier's answer: each scored class a statement names is output, with score 1. */
    private void writeChallengeOutput(MeasuredRecord r, List<ScoredClass> classes) throws IOException {
        float[] scores = new float[classes.size()];
        double[] thresholds = new double[classes.size()];
        for (int k = 0; k < classes.size(); k++) {
            thresholds[k] = 0.5;
            for (Statement s : r.measurement().statements()) {
                if (classes.get(k).hasCode(s.code())) scores[k] = 1;
            }
        }
        ChallengeOutputCsv.write(ChallengeOutput.of(r.id(), classes, scores, thresholds), challengeOut.resolve(r.id() + ".csv"));
    }

    /** Two records of one id would write the same {@code <id>.csv}: refused before anything is written. */
    private void refuseSharedIds(List<IndexedRecord> records) throws IOException {
        Map<String, Path> first = new HashMap<>();
        for (IndexedRecord r : records) {
            Path earlier = first.putIfAbsent(r.id(), r.path());
            if (earlier != null && !Files.isSameFile(earlier, r.path())) {
                throw new IOException("--challenge-out: " + earlier + " and " + r.path() + " are both record " + r.id()
                        + " and would both write " + challengeOut.resolve(r.id() + ".csv") + "; measure them in separate runs");
            }
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
