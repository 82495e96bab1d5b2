/**
 * The JavaFX desktop workbench (MVVM): FXML views with thin controllers, view models with JavaFX
 * properties (never {@code javafx.scene}; ArchitectureTest holds it), engine work in
 * {@link org.ecgworkbench.app.BackgroundWork} ({@code javafx.concurrent.Task} in the app, in place in tests).
 *
 * <ul>
 *   <li>Start: {@code org.ecgworkbench.Main} with no arguments calls {@link org.ecgworkbench.app.EcgWorkbenchLauncher},
 *       which launches {@link org.ecgworkbench.app.EcgWorkbenchApp} (an {@code Application} cannot be the jar's main class).</li>
 *   <li>Main window: {@code MainWindow.fxml} + {@link org.ecgworkbench.app.MainWindowController} over
 *       {@link org.ecgworkbench.app.MainViewModel} (record list, File → Open, recent files in
 *       {@code <config>/recent-files.json}, see {@link org.ecgworkbench.runs.AppConfigDir}).</li>
 *   <li>Samples: {@link org.ecgworkbench.app.SampleRecords} finds {@code /samples/} on the class path, reads the
 *       folder in place from the build tree and copies it to a temporary folder when running from the jar.</li>
 *   <li>ECG viewer: {@link org.ecgworkbench.app.viewer.EcgViewerViewModel} holds the settings; all geometry is in
 *       {@link org.ecgworkbench.app.viewer.EcgPaperLayout} (mm, px, which lead in which cell over which samples),
 *       {@link org.ecgworkbench.app.viewer.TracePolyline} and {@link org.ecgworkbench.app.viewer.Caliper}; the canvas
 *       ({@link org.ecgworkbench.app.viewer.EcgPaperCanvas} inside {@link org.ecgworkbench.app.viewer.EcgPaperView}) only draws,
 *       and reports what it drew ({@link org.ecgworkbench.app.viewer.PaperDrawing}) for tests and benchmarks.</li>
 * </ul>
 */
package org.ecgworkbench.app;
