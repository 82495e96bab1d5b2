package org.ecgworkbench.app.measurements;

import java.util.Set;

/**
 * What the model answered for the shown record, as canonical class codes: the classes it predicts at all, and those
 * it suggests (probability at or above the class's threshold).
 */
public record ModelSuggestions(String modelName, Set<String> classes, Set<String> suggested) {

    public ModelSuggestions {
        classes = Set.copyOf(classes);
        suggested = Set.copyOf(suggested);
    }
}
