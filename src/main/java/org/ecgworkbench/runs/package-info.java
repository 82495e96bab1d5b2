/**
 * Training runs as the engine knows them, for the app's runs room and the {@code runs} command alike:
 * the workspace ({@link org.ecgworkbench.runs.RunWorkspace}, {@code <workspace>/runs/<time>-<label>/}),
 * a run folder as found on disk with its status and epochs ({@link org.ecgworkbench.runs.PastRun}, read
 * leniently from {@code events.jsonl} by {@link org.ecgworkbench.runs.EventsFile}), what the workbench adds
 * to it ({@link org.ecgworkbench.runs.RunMetadata}), the queue of runs waiting for a process
 * ({@link org.ecgworkbench.runs.QueueFile}), the comparison rows of the dissertation's Table 4
 * ({@link org.ecgworkbench.runs.ComparisonRow}), and starting {@code train} in a JVM of its own
 * ({@link org.ecgworkbench.runs.JvmTrainLauncher}, {@link org.ecgworkbench.runs.TrainChild}), whose output
 * is delivered through an {@link java.util.concurrent.Executor} (the app's FX thread). Cancel is SIGTERM to
 * the process that holds the run's lock (its pid is in the folder's {@code .pid}); resume is
 * {@code train --resume <folder>}.
 *
 * <p>Uses {@code train} and {@code eval} (and the packages below them), never {@code app} or {@code cli}
 * and never JavaFX: {@code ArchitectureTest} holds it.
 */
package org.ecgworkbench.runs;
