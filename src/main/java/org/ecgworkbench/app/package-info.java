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
 *   <li>Rooms, a package each with its FXML and CSS under the matching resources folder, never importing
 *       each other (ArchitectureTest): {@code viewer}, {@code suggestions}, {@code dataset}, {@code preview},
 *       {@code runs}, {@code wizard}, {@code report}, {@code help}. They meet through
 *       {@link org.ecgworkbench.app.MainViewModel} and the parts they share here
 *       ({@link org.ecgworkbench.app.LatestRequest}, {@link org.ecgworkbench.app.LabelledConverter},
 *       {@link org.ecgworkbench.app.CanvasPane}, {@link org.ecgworkbench.app.LeadShading}, the pipeline stages
 *       of one lead that the Preview room and the wizard show: {@link org.ecgworkbench.app.PipelinePreview},
 *       {@link org.ecgworkbench.app.PreviewStagesView}, ...).</li>
 * </ul>
 */
package org.ecgworkbench.app;
