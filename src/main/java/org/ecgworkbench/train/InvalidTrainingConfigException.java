package org.ecgworkbench.train;

/**
 * A {@link TrainingConfig} value out of bounds, naming the field ({@code epochs}) so each front end can
 * say it in its own words: the command line names its flag ({@code --epochs}), the wizard its page.
 */
public final class InvalidTrainingConfigException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    public InvalidTrainingConfigException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The record component's name, e.g. {@code epochs}, {@code fractions}. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field, e.g. {@code must be in 1..10000, got 0}. */
    public String problem() {
        return problem;
    }
}
