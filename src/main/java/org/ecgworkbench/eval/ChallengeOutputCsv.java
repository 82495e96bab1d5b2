package org.ecgworkbench.eval;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.CsvText;

/**
 * The challenge's output file, {@code <record>.csv}:
 * <pre>
 * #A0001
 * 270492004,164889003,164890007,…
 * 0,1,0,…
 * 0.012,0.93,0.2,…
 * </pre>
 * Written as the challenge's example driver writes it. Read as tolerantly as the official scorer
 * reads it where that is unambiguous: spaces around fields, blank lines, {@code #} lines (the
 * first names the record; without one the file name does), {@code True/False/T/F} for binary
 * outputs, probabilities in any notation Python's {@code float()} takes (including {@code nan}).
 * Anything else is an {@link EvalFileFormatException} naming the file, line and field — where the
 * official scorer would silently read a {@code 1.0} output as 0 or an unparsable probability as 0.
 */
public final class ChallengeOutputCsv {
    private static final Set<String> TRUE = Set.of("1", "True", "true", "T", "t");
    private static final Set<String> FALSE = Set.of("0", "False", "false", "F", "f");

    private ChallengeOutputCsv() {
    }

    /** Writes {@code output} to {@code target} through a temporary file (an existing file is replaced). */
    public static void write(ChallengeOutput output, Path target) throws IOException {
        String text = toCsv(output);
        AtomicFiles.write(target, true, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(text);
            w.flush();
        });
    }

    static String toCsv(ChallengeOutput output) {
        StringBuilder sb = new StringBuilder("#").append(output.recordId()).append('\n');
        sb.append(String.join(",", output.codes().stream().map(CsvText::cell).toList())).append('\n');
        boolean[] outputs = output.outputs();
        float[] probabilities = output.probabilities();
        for (int k = 0; k < outputs.length; k++) sb.append(k == 0 ? "" : ",").append(outputs[k] ? '1' : '0');
        sb.append('\n');
        // Float.toString round-trips exactly and Python's float() reads every form it produces.
        for (int k = 0; k < probabilities.length; k++) sb.append(k == 0 ? "" : ",").append(probabilities[k]);
        return sb.append('\n').toString();
    }

    /** Reads one output file; probabilities are rounded to float (see {@link Evaluator} for exact scoring). */
    public static ChallengeOutput read(Path file) throws IOException {
        Parsed p = parse(file);
        float[] probabilities = new float[p.probabilities().length];
        for (int k = 0; k < probabilities.length; k++) probabilities[k] = (float) p.probabilities()[k];
        return new ChallengeOutput(p.recordId(), p.codes(), p.outputs(), probabilities);
    }

    /** The content of an output file with the probabilities as written (double precision). */
    record Parsed(String recordId, List<String> codes, boolean[] outputs, double[] probabilities) {
    }

    static Parsed parse(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new EvalFileFormatException(file, null, "not UTF-8 text");
        }
        String recordId = null;
        List<String[]> data = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1).strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("#")) {
                if (recordId == null && !line.substring(1).isBlank()) recordId = line.substring(1).strip();
                continue;
            }
            if (data.size() == 3) {
                throw new EvalFileFormatException(file, "line " + (i + 1),
                        "unexpected fourth line of values; expected only codes, binary outputs and probabilities");
            }
            String[] fields = line.split(",", -1);
            for (int j = 0; j < fields.length; j++) fields[j] = fields[j].strip();
            if (!data.isEmpty() && fields.length != data.get(0).length) {
                throw new EvalFileFormatException(file, "line " + (i + 1), fields.length + " fields, but the codes line (line "
                        + numbers.get(0) + ") has " + data.get(0).length);
            }
            data.add(fields);
            numbers.add(i + 1);
        }
        if (data.size() < 3) {
            String[] names = {"class codes", "binary outputs", "probabilities"};
            throw new EvalFileFormatException(file, null, "no line of " + names[data.size()]
                    + "; expected class codes, binary outputs and probabilities on three lines");
        }
        String[] codes = data.get(0);
        for (int j = 0; j < codes.length; j++) {
            if (codes[j].isEmpty() || codes[j].chars().anyMatch(Character::isWhitespace)) {
                throw new EvalFileFormatException(file, where(numbers.get(0), j), "'" + codes[j] + "' is not a class code");
            }
        }
        boolean[] outputs = new boolean[codes.length];
        String[] binary = data.get(1);
        for (int j = 0; j < codes.length; j++) {
            if (TRUE.contains(binary[j])) outputs[j] = true;
            else if (!FALSE.contains(binary[j])) {
                throw new EvalFileFormatException(file, where(numbers.get(1), j),
                        "'" + binary[j] + "' is not a binary output (1/0, True/False, T/F)");
            }
        }
        double[] probabilities = new double[codes.length];
        String[] values = data.get(2);
        for (int j = 0; j < codes.length; j++) {
            try {
                probabilities[j] = ChallengeNumbers.parse(values[j]);
            } catch (NumberFormatException e) {
                throw new EvalFileFormatException(file, where(numbers.get(2), j), "'" + values[j] + "' is not a probability");
            }
        }
        if (recordId == null) {
            String name = file.getFileName().toString();
            recordId = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        }
        return new Parsed(recordId, Arrays.asList(codes), outputs, probabilities);
    }

    private static String where(int line, int field) {
        return "line " + line + ", field " + (field + 1);
    }
}
