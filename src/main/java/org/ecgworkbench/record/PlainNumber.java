package org.ecgworkbench.record;

/** Numbers as headers and people write them: integers without a decimal point ("1000", "500"), others shortest. */
public final class PlainNumber {
    private PlainNumber() {
    }

    public static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
