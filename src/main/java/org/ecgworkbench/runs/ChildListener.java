package org.ecgworkbench.runs;

import org.ecgworkbench.train.TrainingEvent;

/** What a training child reports, delivered on the UI thread in the order it happened. */
public interface ChildListener {

    void event(TrainingEvent event);

    /** A line of error output, or a standard-output line that is not an event. */
    void log(String line);

    /** The process ended; called once, after every event and log line. */
    void exited(int exitCode);
}
