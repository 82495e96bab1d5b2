package org.ecgworkbench.model;

import java.util.List;
import java.util.Optional;

/**
 * The explanations of one input window of a record, with what the UI needs to lay them over the raw trace.
 *
 * @param index         the window's index among the pipeline's blocks (0 unless the pipeline cuts windows)
 * @param fs            the window's sampling rate in Hz (the pipeline may resample: not the record's rate)
 * @param startSample   where sample 0 of the window lies in the record, in samples at {@code fs}; negative
 *                      when the pipeline pads before the signal (centred padding)
 * @param mask          per sample, true where it is real signal, false where it is padding
 * @param probabilities the network's probabilities for this window, in the bundle's class order
 * @param explanations  one per requested class, in the order asked
 */
public record ExplainedWindow(int index, double fs, int startSample, boolean[] mask, float[] probabilities,
                              List<Explanation> explanations) {
    public ExplainedWindow {
        explanations = List.copyOf(explanations);
    }

    /** Where sample 0 of the window lies in the record, in seconds from the record's start. */
    public double startSeconds() {
        return startSample / fs;
    }

    /** Time in the record, in seconds, of sample {@code i} of the window. */
    public double secondsAt(int i) {
        return (startSample + i) / fs;
    }

    /** The explanation of one class, by canonical code. */
    public Optional<Explanation> explanation(String code) {
        return explanations.stream().filter(e -> e.code().equals(code)).findFirst();
    }
}
