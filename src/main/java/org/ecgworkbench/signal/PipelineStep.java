package org.ecgworkbench.signal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One step of a {@link Pipeline}: an immutable value with its parameters, validated when built.
 * A step maps one block to one or more blocks (only the windows length policy makes several).
 */
public sealed interface PipelineStep
        permits ResampleStep, FilterStep, NormalizeStep, LengthStep {

    /** The step's name in JSON and in stage file names: resample, highpass, lowpass, bandpass, notch, normalize, length. */
    String type();

    List<SignalBlock> apply(SignalBlock block);

    /** One sentence for people (the preview and the CLI show it). */
    String describe();

    /** Writes the parameters (not the type) into {@code node}. */
    void writeJson(ObjectNode node);
}
