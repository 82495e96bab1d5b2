package org.ecgworkbench.train;

/** Learning-rate schedules, see {@link LearningRateSchedule}. */
public enum ScheduleKind {
    CONSTANT, STEP, COSINE, ONE_CYCLE
}
