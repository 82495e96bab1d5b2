package org.ecgworkbench.record;

/**
 * A record's header in its format's own terms (a WFDB header, …), which {@link EcgRecord} carries without
 * knowing the format: a writer of the same format reads it back to keep what the file said (the WFDB
 * writer keeps the record name and each signal's ADC settings). Each format's package implements it.
 */
public interface FormatHeader {

    /** The format's name, e.g. {@code WFDB}. */
    String format();
}
