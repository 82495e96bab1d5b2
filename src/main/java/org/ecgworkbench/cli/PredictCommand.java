package org.ecgworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ecgworkbench.dataset.DatasetScanner;
import org.ecgworkbench.dataset.IndexedRecord;
import org.ecgworkbench.dataset.ScanResult;
import org.ecgworkbench.eval.ChallengeOutput;
import org.ecgworkbench.eval.ChallengeOutputCsv;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.DxEntry;
import org.ecgworkbench.model.BundledModelResource;
import org.ecgworkbench.model.ClassPrediction;
import org.ecgworkbench.model.ModelBundle;
import org.ecgworkbench.model.ModelBundleIO;
import org.ecgworkbench.model.Predictor;
import org.ecgworkbench.model.RecordPrediction;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.record.ResourceLimitException;
import org.ecgworkbench.record.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code predict}: suggested diagnoses for records, as text, JSON or challenge output files. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Suggest diagnoses for ECG records with a model bundle: each class's probability against its tuned "
                + "threshold. Long recordings are cut into windows by the bundle's pipeline and pooled (maximum). "
                + "A record that cannot be read is reported and skipped.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every record predicted", "1:some records failed (listed)", "2:bad input"})
public final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "M.ecgmodel",
            description = "model bundle (default: the bundled demonstration model, which is not for clinical use)")
    Path model;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "records (.hea, .mat, .dat) or folders of records")
    List<Path> files;

    @Mixin
    JsonOption json;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "write <record>.csv per record in the challenge output format")
    Path outDir;

    @Mixin
    ForceOption force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (model == null) {
            model = BundledModelResource.file();
            spec.commandLine().getErr().println("note: no --model given: using the bundled demonstration model "
                    + model.getFileName() + " (trained on synthetic records; not for clinical use)");
        }
        ModelBundle bundle = ModelBundleIO.read(model);
        Predictor predictor = new Predictor(bundle);
        ScanResult scan = inGivenOrder(files);
        List<String> failures = new ArrayList<>();
        boolean resourceLimited = false;
        scan.failed().forEach(f -> failures.add(f.line()));
        if (outDir != null) {
            refuseSharedIds(scan.records());
            // Every target is checked before anything is written, so a refusal never leaves half the outputs.
            AtomicFiles.requireAbsent(force.replace(),
                    scan.records().stream().map(r -> outDir.resolve(r.id() + ".csv")).toArray(Path[]::new));
            Files.createDirectories(outDir);
        }

        PrintWriter out = spec.commandLine().getOut();
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (IndexedRecord r : scan.records()) {
            RecordPrediction p;
            try {
                EcgRecord record = EcgRecordReader.read(r.path());
                RecordWarnings.print(spec.commandLine().getErr(), record);
                requireHeapFor(record, predictor.pipeline());
                p = predictor.predict(record);
            } catch (RecordFormatException e) {
                failures.add(e.getMessage());
                continue;
            } catch (ResourceLimitException e) {
                failures.add(new ScanResult.Failure(r.path(), e.getMessage()).line());
                resourceLimited = true;
                continue;
            } catch (IOException | RuntimeException e) {
                failures.add(new ScanResult.Failure(r.path(), String.valueOf(e.getMessage())).line());
                continue;
            }
            if (json.requested()) array.add(toJson(p, r.dx()));
            else out.println(text(p, r.dx()));
            if (outDir != null) writeOutput(p, bundle);
        }
        if (json.requested()) out.println(Json.write(array));
        out.flush();
        failures.forEach(f -> spec.commandLine().getErr().println("failed: " + TerminalText.inert(f)));
        PrintWriter err = spec.commandLine().getErr();
        int total = scan.records().size() + scan.failed().size();
        if (total == 0) {
            err.println("error: no records found in " + files.stream().map(Path::toString).collect(Collectors.joining(", ")));
            return ExitCodes.BAD_INPUT;
        }
        if (scan.records().isEmpty() || failures.size() == total) {
            if (resourceLimited) { // 3: the machine's limit, as out of memory
                err.println("error: no record could be predicted within this machine's limits (" + failures.size() + " failed, listed above)");
                return ExitCodes.INTERNAL_ERROR;
            }
            err.println("error: no record could be read (" + failures.size() + " failed, listed above)");
            return ExitCodes.BAD_INPUT;
        }
        if (failures.isEmpty()) return ExitCodes.OK;
        err.println("error: " + failures.size() + " of " + total + " records failed (listed above)");
        return ExitCodes.PARTIAL;
    }

    /**
     * A record whose pipeline steps must run on all of it (a rate change, filters) needs that work's blocks
     * beside the record (its float millivolts and raw integers): refused up front when the heap cannot hold
     * them, instead of running out of memory a minute later (docs/cli.md, "Limits").
     */
    private static void requireHeapFor(EcgRecord record, Pipeline pipeline) throws ResourceLimitException {
        long held = (long) record.samples() * record.leads().size() * (Float.BYTES + Integer.BYTES);
        long need = held + pipeline.wholeRecordBytes(record);
        long max = Runtime.getRuntime().maxMemory();
        if (need > max) {
            throw new ResourceLimitException(String.format(Locale.ROOT,
                    "the model's pipeline must resample or filter all %,d samples of this record at once: that needs "
                            + "about %.1f GB of Java heap, more than its limit of %.1f GB; give Java more with -Xmx, or "
                            + "cut the recording shorter", (long) record.samples() * record.leads().size(), need / 1e9, max / 1e9));
        }
    }

    /** Two records of one id would write the same {@code <id>.csv}, the second over the first: refused before anything is written. */
    private void refuseSharedIds(List<IndexedRecord> records) throws IOException {
        Map<String, Path> first = new HashMap<>();
        for (IndexedRecord r : records) {
            Path earlier = first.putIfAbsent(r.id(), r.path());
            if (earlier != null && !Files.isSameFile(earlier, r.path())) {
                throw new IOException("--out-dir: " + earlier + " and " + r.path() + " are both record " + r.id()
                        + " and would both write " + outDir.resolve(r.id() + ".csv") + "; predict them in separate runs or --out-dir folders");
            }
        }
    }

    /** Each argument scanned on its own, so records come out in the order given (a folder's records in path order). */
    static ScanResult inGivenOrder(List<Path> files) {
        List<IndexedRecord> records = new ArrayList<>();
        List<ScanResult.Failure> failed = new ArrayList<>();
        for (Path f : files) {
            ScanResult one = new DatasetScanner(false).scan(List.of(f));
            records.addAll(one.records());
            failed.addAll(one.failed());
        }
        return new ScanResult(records, failed);
    }

    private void writeOutput(RecordPrediction p, ModelBundle bundle) throws IOException {
        List<String> codes = bundle.metadata().codes();
        double[] thresholds = bundle.metadata().thresholds();
        float[] probabilities = p.probabilities();
        boolean[] outputs = new boolean[codes.size()];
        for (int c = 0; c < outputs.length; c++) outputs[c] = probabilities[c] >= thresholds[c];
        Path target = outDir.resolve(p.recordId() + ".csv");
        ChallengeOutputCsv.write(new ChallengeOutput(p.recordId(), codes, outputs, probabilities), target);
    }

    static ObjectNode toJson(RecordPrediction p, List<String> headerDx) {
        ObjectNode o = Json.object();
        o.put("id", p.recordId());
        ArrayNode dx = o.putArray("header_dx");
        headerDx.forEach(dx::add);
        ArrayNode predictions = o.putArray("predictions");
        for (ClassPrediction c : p.predictions()) {
            ObjectNode n = predictions.addObject();
            n.put("code", c.code());
            n.put("abbrev", c.abbrev());
            n.put("name", c.name());
            Json.putNumber(n, "probability", c.probability());
            Json.putNumber(n, "threshold", c.threshold());
            n.put("predicted", c.predicted());
        }
        o.put("windows", p.windows().size());
        return o;
    }

    /**
     * One line per record: the suggestions, then the header's own diagnoses beside them (abbreviations
     * where the catalogue knows the code), so a reader can compare at a glance.
     */
    static String text(RecordPrediction p, List<String> headerDx) {
        StringBuilder sb = new StringBuilder(TerminalText.inert(p.recordId())).append(':');
        List<ClassPrediction> predicted = p.predictions().stream().filter(ClassPrediction::predicted).toList();
        if (predicted.isEmpty()) sb.append(" no class above its threshold");
        for (ClassPrediction c : predicted) {
            sb.append(String.format(Locale.ROOT, " %s %.3f (≥ %.3f)", TerminalText.inert(c.abbrev()), c.probability(), c.threshold()));
        }
        if (p.windows().size() > 1) sb.append(String.format(Locale.ROOT, "  [%d windows, max-pooled]", p.windows().size()));
        sb.append("  | header: ").append(headerDx.isEmpty() ? "no diagnosis" : headerDiagnoses(headerDx));
        return sb.toString();
    }

    private static String headerDiagnoses(List<String> dx) {
        DiagnosisCatalogue catalogue = DiagnosisCatalogue.standard();
        List<String> names = new ArrayList<>();
        for (DxEntry e : catalogue.labelVector(dx).entries()) {
            String name = e.diagnosis().map(d -> d.abbreviation()).orElse(e.raw());
            name = TerminalText.inert(name);
            if (!names.contains(name)) names.add(name);
        }
        return String.join(" ", names);
    }
}
