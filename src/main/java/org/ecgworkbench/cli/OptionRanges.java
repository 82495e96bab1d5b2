package org.ecgworkbench.cli;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Checks numeric options against their {@link Range} before any command does work, so that an absurd
 * count or batch is refused in one line instead of running out of memory or overflowing an int.
 */
final class OptionRanges {

    private static final Set<Class<?>> INTEGRAL = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class);
    private static final Set<Class<?>> DECIMAL = Set.of(double.class, Double.class, float.class, Float.class);

    private OptionRanges() {
    }

    /** Whether an option holds one number (the options a {@link Range} must cover). */
    static boolean isNumeric(ArgSpec arg) {
        return INTEGRAL.contains(arg.type()) || DECIMAL.contains(arg.type());
    }

    /** The range declared on the option's field, if any. */
    static Optional<Range> of(ArgSpec arg) {
        return arg.userObject() instanceof Field f ? Optional.ofNullable(f.getAnnotation(Range.class)) : Optional.empty();
    }

    /** The range as help and docs show it: {@code 1..1024} for whole numbers, {@code (0, 10)} for decimals. */
    static String describe(Range r, Class<?> type) {
        if (INTEGRAL.contains(type)) {
            BigDecimal min = new BigDecimal(r.min());
            BigDecimal max = new BigDecimal(r.max());
            if (r.minExclusive()) min = min.add(BigDecimal.ONE);
            if (r.maxExclusive()) max = max.subtract(BigDecimal.ONE);
            return min.toPlainString() + ".." + max.toPlainString();
        }
        return (r.minExclusive() ? "(" : "[") + r.min() + ", " + r.max() + (r.maxExclusive() ? ")" : "]");
    }

    static boolean contains(Range r, Number value) {
        if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            if (!Double.isFinite(d)) return false;
        }
        BigDecimal v = value instanceof Double || value instanceof Float ? new BigDecimal(value.doubleValue()) : BigDecimal.valueOf(value.longValue());
        int low = v.compareTo(new BigDecimal(r.min()));
        int high = v.compareTo(new BigDecimal(r.max()));
        return (r.minExclusive() ? low > 0 : low >= 0) && (r.maxExclusive() ? high < 0 : high <= 0);
    }

    /** Refuses the first option of the parsed command chain whose value (given or default) is out of its range. */
    static void check(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) check(p.commandSpec());
    }

    private static void check(CommandSpec spec) {
        for (ArgSpec arg : spec.args()) {
            Optional<Range> range = of(arg);
            if (range.isEmpty() || !(arg.getValue() instanceof Number value)) continue;
            if (!contains(range.get(), value)) {
                String name = arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel();
                throw new CommandLine.ParameterException(spec.commandLine(), name + " must be in "
                        + describe(range.get(), arg.type()) + ", got " + plain(value), arg, String.valueOf(value));
            }
        }
    }

    private static String plain(Number value) {
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(value.doubleValue())) {
            return BigDecimal.valueOf(value.doubleValue()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
