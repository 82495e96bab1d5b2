package org.ecgworkbench.runs;

/** Where a run stands, as the runs list shows it. */
public enum RunStatus {
    QUEUED("queued"),
    RUNNING("running"),
    FINISHED("finished"),
    CANCELLED("cancelled"),
    FAILED("failed"),
    /** No terminal event and no live process: the app or the machine stopped while it trained. */
    INTERRUPTED("interrupted");

    private final String text;

    RunStatus(String text) {
        this.text = text;
    }

    /** Whether {@code train --resume} makes sense: a checkpoint may exist and nothing trains now. */
    public boolean resumable() {
        return this == CANCELLED || this == INTERRUPTED || this == FAILED;
    }

    @Override
    public String toString() {
        return text;
    }
}
