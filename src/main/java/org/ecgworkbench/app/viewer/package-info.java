/**
 * The viewer room: the ECG on paper. {@link org.ecgworkbench.app.viewer.EcgViewerViewModel} holds the settings;
 * all geometry is in {@link org.ecgworkbench.app.viewer.EcgPaperLayout} (mm, px, which lead in which cell over
 * which samples), {@link org.ecgworkbench.app.viewer.TracePolyline} and {@link org.ecgworkbench.app.viewer.Caliper};
 * the canvas ({@link org.ecgworkbench.app.viewer.EcgPaperCanvas} inside {@link org.ecgworkbench.app.viewer.EcgPaperView})
 * only draws, and reports what it drew ({@link org.ecgworkbench.app.viewer.PaperDrawing}) for tests and benchmarks.
 * Views: {@code Viewer.fxml} + {@link org.ecgworkbench.app.viewer.ViewerController}, {@code Patient.fxml} +
 * {@link org.ecgworkbench.app.viewer.PatientController}.
 */
package org.ecgworkbench.app.viewer;
