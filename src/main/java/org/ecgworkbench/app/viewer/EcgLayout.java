package org.ecgworkbench.app.viewer;

import java.util.List;
import org.ecgworkbench.app.Labelled;
import org.ecgworkbench.record.LeadName;

/**
 * How the twelve leads are arranged on the paper. Columns show consecutive stretches of the page's
 * time window (a cardiograph prints them one after another), rows the leads within a column.
 */
public enum EcgLayout implements Labelled {
    /** Four columns of 2.5 s (I, II, III | aVR, aVL, aVF | V1-V3 | V4-V6) and a full-length lead II strip. */
    THREE_BY_FOUR("3 × 4 + II", 3, 4, true),
    /** Two columns of 5 s: limb leads, then chest leads. */
    SIX_BY_TWO("6 × 2", 6, 2, false),
    /** Every lead over the whole page. */
    TWELVE_BY_ONE("12 × 1", 12, 1, false);

    private final String label;
    private final int rows;
    private final int columns;
    private final boolean rhythmStrip;

    EcgLayout(String label, int rows, int columns, boolean rhythmStrip) {
        this.label = label;
        this.rows = rows;
        this.columns = columns;
        this.rhythmStrip = rhythmStrip;
    }

    @Override
    public String label() {
        return label;
    }

    /** Lead rows per column (without the rhythm strip). */
    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public boolean hasRhythmStrip() {
        return rhythmStrip;
    }

    /** The lead in a cell: standard order filled column by column. */
    public LeadName leadAt(int row, int column) {
        List<LeadName> order = LeadName.STANDARD_ORDER;
        return order.get(column * rows + row);
    }

    /** Height of a row in millivolts of paper (times mm/mV gives mm). */
    double rowMillivolts() {
        // 40 mm rows at 10 mm/mV as on a printed 12-lead page: tall chest-lead QRS complexes rarely reach the next row.
        return switch (this) {
            case THREE_BY_FOUR -> 4.0;
            case SIX_BY_TWO -> 3.0;
            case TWELVE_BY_ONE -> 2.5;
        };
    }
}
