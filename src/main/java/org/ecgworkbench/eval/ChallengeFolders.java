package org.ecgworkbench.eval;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.LabelVector;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.record.wfdb.HeaderComments;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.record.wfdb.WfdbHeaderParser;

/**
 * Pairs a folder of label headers with a folder of challenge output files the way the official
 * scorer does, and folds both onto the 24 scored classes.
 *
 * <ul>
 *   <li>Labels: every {@code *.hea} directly in the labels folder (not hidden, not in subfolders),
 *       in name order; only the header is read (its {@code #Dx} line), so header-only folders
 *       work. Both codes of an equivalent pair count as the class.</li>
 *   <li>Outputs: {@code <header name>.csv} in the outputs folder. A column counts for a class when
 *       its code is either code of the class; with several such columns the output is positive if
 *       any is, and the probability is the mean of those that are not NaN. NaN (or no column)
 *       becomes 0. Codes of unscored classes are ignored.</li>
 *   <li>A malformed output file is scored as all-negative with zero probabilities, which is the
 *       official scorer's rule; a missing one too (the official scorer stops with an error
 *       instead; we score the rest and report it). Both are listed in {@link Loaded#problems()}.
 *       An unreadable label header cannot be scored at all: it is left out and listed.</li>
 * </ul>
 */
public final class ChallengeFolders {

    private ChallengeFolders() {
    }

    /**
     * What was loaded, one row per scored record (in the order of {@code recordIds}), one column
     * per class of {@link DiagnosisCatalogue#scoredClasses()}.
     */
    public record Loaded(List<String> recordIds, boolean[][] labels, boolean[][] outputs, double[][] probabilities,
                         List<String> problems) {
        public Loaded {
            recordIds = List.copyOf(recordIds);
            problems = List.copyOf(problems);
        }
    }

    /**
     * @throws IOException when a folder does not exist or cannot be listed, or holds no header
     */
    public static Loaded load(Path labelsDir, Path outputsDir, DiagnosisCatalogue catalogue) throws IOException {
        if (!Files.isDirectory(labelsDir)) throw new NotDirectoryException(labelsDir + " (labels: expected a folder of .hea files)");
        if (!Files.isDirectory(outputsDir)) throw new NotDirectoryException(outputsDir + " (outputs: expected a folder of .csv files)");
        List<Path> headers = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(labelsDir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (Files.isRegularFile(f) && name.toLowerCase(Locale.ROOT).endsWith(".hea") && !name.startsWith(".")) {
                    headers.add(f);
                }
            }
        }
        if (headers.isEmpty()) throw new IOException(labelsDir + ": no label headers (*.hea) in this folder");
        headers.sort(Comparator.comparing(p -> p.getFileName().toString()));

        List<ScoredClass> classes = catalogue.scoredClasses();
        List<String> ids = new ArrayList<>();
        List<boolean[]> labels = new ArrayList<>();
        List<boolean[]> outputs = new ArrayList<>();
        List<double[]> probabilities = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path header : headers) {
            String name = header.getFileName().toString();
            String root = name.substring(0, name.length() - 4);
            HeaderComments comments;
            try {
                comments = WfdbHeaderParser.parse(header).parsedComments();
            } catch (RecordFormatException e) {
                problems.add("label header left out: " + e.getMessage());
                continue;
            }
            if (!comments.hasDx()) problems.add(header + ": no #Dx line; scored as having no scored label");
            ids.add(root);
            labels.add(LabelVector.of(catalogue, comments.dx()).toArray());
            boolean[] out = new boolean[classes.size()];
            double[] prob = new double[classes.size()];
            Path outputFile = outputsDir.resolve(root + ".csv");
            if (!Files.isRegularFile(outputFile)) {
                problems.add(outputFile + ": no output file for label " + name + "; scored as all-negative");
            } else {
                try {
                    fold(ChallengeOutputCsv.parse(outputFile), catalogue, out, prob);
                } catch (EvalFileFormatException e) {
                    problems.add(e.getMessage() + "; scored as all-negative");
                }
            }
            outputs.add(out);
            probabilities.add(prob);
        }
        return new Loaded(ids, labels.toArray(boolean[][]::new), outputs.toArray(boolean[][]::new),
                probabilities.toArray(double[][]::new), problems);
    }

    private static void fold(ChallengeOutputCsv.Parsed parsed, DiagnosisCatalogue catalogue, boolean[] out, double[] prob) {
        int classes = out.length;
        List<List<Double>> values = new ArrayList<>();
        for (int k = 0; k < classes; k++) values.add(new ArrayList<>());
        for (int j = 0; j < parsed.codes().size(); j++) {
            Optional<ScoredClass> c = catalogue.scoredClassOf(parsed.codes().get(j));
            if (c.isEmpty()) continue;
            int k = c.get().index();
            out[k] |= parsed.outputs()[j];
            values.get(k).add(parsed.probabilities()[j]);
        }
        for (int k = 0; k < classes; k++) {
            if (values.get(k).isEmpty()) continue;
            double mean = PairwiseSum.nanMean(values.get(k).stream().mapToDouble(Double::doubleValue).toArray());
            prob[k] = Double.isNaN(mean) ? 0.0 : mean;
        }
    }
}
