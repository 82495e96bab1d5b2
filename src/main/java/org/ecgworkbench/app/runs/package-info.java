/**
 * The runs room: live dashboards of training runs, the runs list of the workspace, and run comparison.
 * The runs themselves (workspace, run folders, queue, child processes, comparison rows) are the engine's
 * {@link org.ecgworkbench.runs} package; this package holds their view models, controller and charts.
 *
 * <p>{@link org.ecgworkbench.app.runs.RunsRoom} loads the room ({@code Runs.fxml}) and gives the "Runs"
 * tab. {@link org.ecgworkbench.app.runs.RunsViewModel#enqueue} takes {@link org.ecgworkbench.runs.RunRequest}s
 * (from the training wizard), gives each a folder {@code <workspace>/runs/<time>-<label>/} and starts
 * them one at a time by default, their configuration written as {@code <folder>/config.json}, as
 * {@code java … org.ecgworkbench.Main train --config <folder>/config.json --out <folder> --progress jsonl}
 * ({@link org.ecgworkbench.runs.JvmTrainLauncher}). {@link org.ecgworkbench.runs.TrainChild} reads the
 * child's output on its own threads and hands it to the FX thread in batches; each
 * {@link org.ecgworkbench.app.runs.RunViewModel} turns events into chart lines ({@link org.ecgworkbench.app.runs.PlotSeries}),
 * which the view copies into ChartFX data sets once per frame. Cancel is SIGTERM (train checkpoints and
 * says cancelled); resume is {@code train --resume <folder>}; a process that ends without a last event
 * is reported as failed with its error output's tail, and recorded in {@code workbench-run.json} so a
 * reopened workbench says so too. Reopening lists every run folder with its status, its charts rebuilt
 * from {@code events.jsonl}; new runs still waiting when the workbench closed ({@code runs/queue.json})
 * wait again and train.
 */
package org.ecgworkbench.app.runs;
