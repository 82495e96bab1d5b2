package org.ecgworkbench.model;

import java.util.List;

/**
 * A record's explanations: one {@link ExplainedWindow} per block the bundle's pipeline made of it.
 *
 * @param recordId the record's id
 * @param method   how relevance was computed
 * @param options  the settings used
 * @param codes    the explained classes (canonical codes), in the order asked
 * @param windows  per window, in the pipeline's order
 */
public record ExplainedRecord(String recordId, ExplainMethod method, ExplainOptions options, List<String> codes,
                              List<ExplainedWindow> windows) {
    public ExplainedRecord {
        codes = List.copyOf(codes);
        windows = List.copyOf(windows);
    }
}
