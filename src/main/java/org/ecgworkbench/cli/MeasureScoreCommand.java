package org.ecgworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ecgworkbench.dataset.IndexedRecord;
import org.ecgworkbench.dataset.ScanResult;
import org.ecgworkbench.eval.ChallengeMetric;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.LabelVector;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.measure.LeadMatrix;
import org.ecgworkbench.measure.LudbDiagnoses;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.measure.Statement;
import org.ecgworkbench.model.BundledModelResource;
import org.ecgworkbench.model.ClassPrediction;
import org.ecgworkbench.model.ModelBundleIO;
import org.ecgworkbench.model.Predictor;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code measure-score}: the interpretation statements of the measurements against labelled records, beside the
 * model's suggestions on the same records (issue 16, "Statements against diagnoses").
 */
@Command(name = "measure-score", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score the interpretation statements of the measurements against the diagnoses of labelled "
                + "records, beside a model's suggestions on the same records: per class precision, recall and F1 "
                + "(scikit-learn's), and the challenge score over all records and per folder. Labels come from the "
                + "headers' #Dx lines, or for LUDB records from ludb.csv (--ludb-csv) through the project's mapping "
                + "to SNOMED CT. Records without any label are skipped; a record id met twice counts once (the first).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every record scored", "1:scored, but some records could not be read (listed)",
                "2:no labelled record"})
public final class MeasureScoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FOLDER", arity = "1..*", description = "records (.hea, .mat) or folders of records")
    List<Path> files;

    @Option(names = "--ludb-csv", paramLabel = "ludb.csv",
            description = "LUDB's diagnosis table: labels for the records whose id is its ID column")
    Path ludbCsv;

    @Option(names = "--model", paramLabel = "M.ecgmodel", description = "model bundle (default: the bundled demonstration model)")
    Path model;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, List<String>> ludb = ludbCsv == null ? Map.of() : ludbLabels(err);
        Path bundle = model != null ? model : BundledModelResource.file();
        Predictor predictor = null; // read at the first labelled record: a folder without one fails fast
        DiagnosisCatalogue catalogue = DiagnosisCatalogue.standard();
        ChallengeMetric metric = ChallengeMetric.standard();
        List<ScoredClass> classes = metric.classes();
        StatementsAgainstLabels table = new StatementsAgainstLabels(metric);
        List<String> failures = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int unlabelled = 0;
        int duplicates = 0;
        for (Path folder : files) {
            ScanResult scan = PredictCommand.inGivenOrder(List.of(folder));
            scan.failed().forEach(f -> failures.add(f.line()));
            String group = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
            for (IndexedRecord r : scan.records()) {
                List<String> dx = !r.dx().isEmpty() ? r.dx() : ludb.getOrDefault(r.id(), List.of());
                LabelVector labels = catalogue.labelVector(dx);
                if (labels.entries().isEmpty()) {
                    unlabelled++;
                    continue;
                }
                if (!seen.add(r.id())) {
                    duplicates++;
                    continue;
                }
                if (predictor == null) predictor = new Predictor(ModelBundleIO.read(bundle));
                try {
                    EcgRecord record = EcgRecordReader.read(r.path());
                    List<String> statementCodes = Measurement.of(LeadMatrix.of(record)).statements().stream()
                            .map(Statement::code).toList();
                    List<String> modelCodes = predictor.predict(record).positives().stream().map(ClassPrediction::code).toList();
                    table.add(group, labels.toArray(), StatementsAgainstLabels.row(classes, statementCodes),
                            StatementsAgainstLabels.row(classes, modelCodes));
                } catch (IOException | RuntimeException e) {
                    failures.add(r.path() + ": " + e.getMessage());
                }
            }
        }
        failures.forEach(f -> err.println("failed: " + TerminalText.inert(f)));
        if (table.size() == 0) {
            err.println("error: no labelled record could be scored");
            return ExitCodes.BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(Plural.of(table.size(), "labelled record") + " (" + Plural.of(unlabelled, "record") + " without labels, "
                + Plural.of(duplicates, "repeated id") + " skipped; model " + bundle.getFileName() + ")");
        out.println();
        out.println(table.table());
        out.flush();
        return failures.isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    private Map<String, List<String>> ludbLabels(PrintWriter err) throws IOException {
        LudbDiagnoses.Labels labels = LudbDiagnoses.standard().read(ludbCsv);
        for (String u : labels.unknownFindings()) err.println("warning: " + ludbCsv + ": finding not in the mapping, left out: " + TerminalText.inert(u));
        return labels.codesById();
    }
}
