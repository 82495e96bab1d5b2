package org.ecgworkbench.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgworkbench.train.TrainingEvent;

/**
 * One line of a workspace's runs list: where the run stands, how far it got, its best epoch and its
 * test metrics. Read from the folder alone, so the {@code runs} command and a reopened workbench agree.
 *
 * @param name          the run folder's name (what {@code runs show} takes)
 * @param epochs        finished epochs
 * @param plannedEpochs the epochs asked for, 0 before the data were prepared
 * @param best          the best epoch's row (the one the model keeps), or null before the first epoch
 * @param test          the test part's metrics by key once the run is done, else empty
 * @param problem       why it failed (its failed event, or how its process died), else null
 */
public record RunSummary(String name, Path folder, String label, RunStatus status, int epochs, int plannedEpochs,
                         EpochRow best, Map<String, Double> test, String problem) {
    public RunSummary {
        test = Map.copyOf(test);
    }

    public static RunSummary of(PastRun run) {
        List<EpochRow> rows = run.epochRows();
        int planned = 0;
        for (TrainingEvent e : run.events().events()) {
            if (e instanceof TrainingEvent.Prepared p) planned = p.epochs();
        }
        TrainingEvent terminal = run.events().terminal();
        EpochRow best = null;
        for (EpochRow row : rows) {
            boolean chosen = terminal instanceof TrainingEvent.Done d ? row.epoch() == d.bestEpoch() : row.best();
            if (chosen) best = row;
        }
        Map<String, Double> test = terminal instanceof TrainingEvent.Done d ? d.test() : Map.of();
        String problem = terminal instanceof TrainingEvent.Failed f ? f.message()
                : terminal == null ? run.metadata().deathReason() : null;
        return new RunSummary(run.folder().getFileName().toString(), run.folder(), run.metadata().label(), run.status(),
                rows.size(), planned, best, test, problem);
    }
}
