package org.ecgworkbench.measure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The condition of a statement rule: comparisons of named {@link MeasuredValues} with numbers or with each other,
 * joined by {@code and}, {@code or} and parentheses. Evaluated in three-valued logic, so a value that cannot be
 * measured makes its comparison unknown, and an unknown condition never fires: {@code and} is false when any part
 * is false, true only when all are true; {@code or} is true when any part is true, false only when all are false.
 */
public sealed interface RuleCondition {

    /** The outcome of a condition: true (with the comparisons that made it true), false or unknown. */
    record Outcome(Truth truth, List<String> reasons) {
        static final Outcome FALSE = new Outcome(Truth.FALSE, List.of());
        static final Outcome UNKNOWN = new Outcome(Truth.UNKNOWN, List.of());

        public Outcome {
            reasons = List.copyOf(reasons);
        }
    }

    enum Truth { TRUE, FALSE, UNKNOWN }

    Outcome evaluate(Map<String, Double> values);

    /** Every value name the condition reads. */
    void names(Set<String> into);

    /** A number, or a named value (optionally negated: {@code -s_V1_mv} is the S depth). */
    record Term(String name, boolean negated, double number) {

        static Term ofNumber(double number) {
            return new Term(null, false, number);
        }

        boolean isNumber() {
            return name == null;
        }

        Double value(Map<String, Double> values) {
            if (isNumber()) return number;
            Double x = values.get(name);
            return x == null ? null : negated ? -x : x;
        }

        String unit() {
            return isNumber() ? "" : MeasuredValues.definition(name).map(MeasuredValues.Definition::unit).orElse("");
        }

        /** The term in a reason; {@code other} is the other side's text, which this one must not equal. */
        String text(double value, String unit, String other) {
            if (isNumber()) return Numbers.asWritten(value, unit); // a threshold as the table writes it
            String label = (negated ? "−" : "") + MeasuredValues.definition(name).orElseThrow().label() + " ";
            return label + Numbers.format(value, unit, other);
        }
    }

    /** {@code left op right}. */
    record Comparison(Term left, String op, Term right) implements RuleCondition {

        static final List<String> OPERATORS = List.of("<=", ">=", "<", ">");

        public Comparison {
            if (!OPERATORS.contains(op)) throw new IllegalArgumentException("unknown operator " + op);
        }

        @Override
        public Outcome evaluate(Map<String, Double> values) {
            Double a = left.value(values);
            Double b = right.value(values);
            if (a == null || b == null) return Outcome.UNKNOWN;
            boolean holds = switch (op) {
                case "<" -> a < b;
                case "<=" -> a <= b;
                case ">" -> a > b;
                default -> a >= b;
            };
            if (!holds) return Outcome.FALSE;
            String unit = left.isNumber() ? right.unit() : left.unit();
            String symbol = switch (op) {
                case "<=" -> "≤";
                case ">=" -> "≥";
                default -> op;
            };
            // a named value gets the digits its threshold needs ("PR 200.4 ms > 200 ms"), a number keeps its own
            boolean equal = a.doubleValue() == b.doubleValue();
            String leftText = left.text(a, unit, left.isNumber() || equal ? null : Numbers.format(b, unit, null));
            String rightText = right.text(b, unit, right.isNumber() || equal ? null : Numbers.format(a, unit, null));
            return new Outcome(Truth.TRUE, List.of(leftText + " " + symbol + " " + rightText));
        }

        @Override
        public void names(Set<String> into) {
            if (!left.isNumber()) into.add(left.name());
            if (!right.isNumber()) into.add(right.name());
        }
    }

    /** All parts true. */
    record All(List<RuleCondition> parts) implements RuleCondition {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public Outcome evaluate(Map<String, Double> values) {
            List<String> reasons = new ArrayList<>();
            boolean unknown = false;
            for (RuleCondition c : parts) {
                Outcome o = c.evaluate(values);
                if (o.truth() == Truth.FALSE) return Outcome.FALSE;
                if (o.truth() == Truth.UNKNOWN) unknown = true;
                reasons.addAll(o.reasons());
            }
            return unknown ? Outcome.UNKNOWN : new Outcome(Truth.TRUE, reasons);
        }

        @Override
        public void names(Set<String> into) {
            parts.forEach(p -> p.names(into));
        }
    }

    /** Any part true; the reason is the first true part's. */
    record Any(List<RuleCondition> parts) implements RuleCondition {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public Outcome evaluate(Map<String, Double> values) {
            boolean unknown = false;
            for (RuleCondition c : parts) {
                Outcome o = c.evaluate(values);
                if (o.truth() == Truth.TRUE) return o;
                if (o.truth() == Truth.UNKNOWN) unknown = true;
            }
            return unknown ? Outcome.UNKNOWN : Outcome.FALSE;
        }

        @Override
        public void names(Set<String> into) {
            parts.forEach(p -> p.names(into));
        }
    }

    /** Number formatting for reasons: the unit's precision, more digits when rounding would hide the comparison. */
    final class Numbers {
        private Numbers() {
        }

        static String format(double value, String unit, String other) {
            int decimals = switch (unit) {
                case "mV" -> 2;
                case "ms", "bpm", "°" -> 0;
                default -> value == Math.rint(value) ? 0 : 2;
            };
            String text = fixed(value, decimals);
            while (other != null && text.equals(stripUnit(other, unit)) && decimals < 4) text = fixed(value, ++decimals);
            return unit.isEmpty() ? text : unit.equals("°") ? text + "°" : text + " " + unit;
        }

        static String asWritten(double value, String unit) {
            String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            if (text.startsWith("-")) text = "−" + text.substring(1);
            return unit.isEmpty() ? text : unit.equals("°") ? text + "°" : text + " " + unit;
        }

        private static String stripUnit(String formatted, String unit) {
            if (unit.isEmpty()) return formatted;
            return unit.equals("°") ? formatted.substring(0, formatted.length() - 1)
                    : formatted.substring(0, formatted.length() - unit.length() - 1);
        }

        private static String fixed(double value, int decimals) {
            String s = String.format(Locale.ROOT, "%." + decimals + "f", value + 0.0);
            if (s.matches("-0(\\.0+)?")) return s.substring(1);
            return s.startsWith("-") ? "−" + s.substring(1) : s;
        }
    }
}
