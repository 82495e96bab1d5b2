package org.ecgworkbench.app.measurements;

/** One agreement mark beside a measured statement: whether the other reader (the model, the header) says it too. */
public enum Mark {
    /** It says so too. */
    AGREES("✓"),
    /** It could have said so and did not. */
    DIFFERS("✗"),
    /** It cannot say (no model answer yet, a class the model does not predict, a header without labels). */
    UNKNOWN("—");

    private final String symbol;

    Mark(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
