/**
 * The suggestions room beside the viewer: a model ({@link org.ecgworkbench.app.suggestions.DiagnosisModel}, the
 * bundled demonstration model or an opened bundle), its probabilities against thresholds as rows, the window
 * timeline of long records, and where the model looked. {@code SuggestedDiagnoses.fxml} +
 * {@link org.ecgworkbench.app.suggestions.SuggestedDiagnosesController} over
 * {@link org.ecgworkbench.app.suggestions.SuggestedDiagnosesViewModel}, which meets the viewer through
 * {@link org.ecgworkbench.app.MainViewModel#connect}.
 */
package org.ecgworkbench.app.suggestions;
