package org.ecgworkbench.app.wizard;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ecgworkbench.train.TrainingArguments;

/** Numbers as short command-line text ({@code 1e-3}, {@code 0.25}) and command lines as shell text. */
public final class ArgumentText {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    private ArgumentText() {
    }

    /**
     * A decimal number as people write it; Java's own parser would also take {@code 1d}, {@code 0x1p3},
     * {@code NaN} and {@code Infinity}, which nobody means in a learning-rate field.
     */
    public static double parseNumber(String text) {
        String t = text.trim();
        if (!PLAIN_NUMBER.matcher(t).matches()) throw new IllegalArgumentException("must be a number, not '" + t + "'");
        return Double.parseDouble(t);
    }

    /** The shorter of plain and scientific notation: 0.001 → {@code 1e-3}, 0.25 → {@code 0.25}, 30 → {@code 30}. */
    public static String number(double v) {
        return TrainingArguments.number(v);
    }

    /** The arguments as one line a POSIX shell reads back into the same arguments. */
    public static String shellLine(List<String> arguments) {
        return arguments.stream().map(ArgumentText::shellQuote).collect(Collectors.joining(" "));
    }

    static String shellQuote(String a) {
        if (!a.isEmpty() && SHELL_SAFE.matcher(a).matches()) return a;
        return "'" + a.replace("'", "'\\''") + "'";
    }

    /** Lower-case name of an enum constant as the command line spells it ({@code ONE_CYCLE} → {@code one-cycle}). */
    static String option(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
