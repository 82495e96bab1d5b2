package org.ecgworkbench.app.measurements;

import org.ecgworkbench.measure.Statement;

/**
 * One measured statement with its agreement marks.
 *
 * @param statement the statement and the numbers behind it
 * @param model     whether the model suggests the same class
 * @param header    whether the record's header (its #Dx labels) names it
 */
public record StatementRow(Statement statement, Mark model, Mark header) {

    /** "IAVB · 1st degree av block". */
    public String title() {
        return statement.abbrev() + " · " + statement.name();
    }

    /** "PR 236 ms > 200 ms". */
    public String reason() {
        return statement.reason();
    }

    /** "model ✓  header ✗". */
    public String marks() {
        return "model " + model.symbol() + "  header " + header.symbol();
    }

    /** What the marks mean in words (the row's tooltip). */
    public String marksInWords() {
        return "Model: " + words(model, "suggests it too", "does not suggest it", "no answer for this class")
                + "\nHeader: " + words(header, "names it too", "does not name it", "has no labels");
    }

    private static String words(Mark m, String agrees, String differs, String unknown) {
        return switch (m) {
            case AGREES -> agrees;
            case DIFFERS -> differs;
            case UNKNOWN -> unknown;
        };
    }
}
