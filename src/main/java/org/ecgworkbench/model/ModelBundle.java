package org.ecgworkbench.model;

import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** A trained network with what it needs to be used and trusted: classes, pipeline, thresholds, provenance. */
public record ModelBundle(ComputationGraph network, BundleMetadata metadata) {
    public ModelBundle {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(metadata, "metadata");
    }
}
