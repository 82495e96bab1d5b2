package org.ecgworkbench.app.wizard;

/** The wizard's pages, in order. */
public enum WizardPage {
    DATA("Data folders"),
    SPLIT("Classes and split"),
    PIPELINE("Preprocessing"),
    MODEL("Model"),
    OPTIMISATION("Optimisation"),
    COMPUTE("Compute"),
    REVIEW("Review and launch");

    private final String title;

    WizardPage(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
