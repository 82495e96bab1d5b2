package org.ecgworkbench.app;

/** A choice the app offers by name (a layout, a paper speed, a resampling method): its label is what the user reads. */
public interface Labelled {

    /** The choice in the user's words, e.g. "25 mm/s". */
    String label();
}
