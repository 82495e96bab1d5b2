package org.ecgworkbench.eval;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers as the challenge's Python files write them and {@code float()} reads them: decimal or
 * scientific notation, {@code nan}, {@code inf}, {@code infinity} in any case. Java-only forms that
 * Python refuses ({@code 1d}, {@code 0x1p3}) are refused too, so a file means the same to both.
 */
final class ChallengeNumbers {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private ChallengeNumbers() {
    }

    /** The value of {@code text} (already stripped). */
    static double parse(String text) {
        if (DECIMAL.matcher(text).matches()) return Double.parseDouble(text);
        String lower = text.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String word = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        switch (word) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "infinity":
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default:
                throw new NumberFormatException("'" + text + "' is not a number");
        }
    }
}
