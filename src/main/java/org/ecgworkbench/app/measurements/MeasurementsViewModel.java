package org.ecgworkbench.app.measurements;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.app.LatestRequest;
import org.ecgworkbench.app.RecordMeasurement;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.measure.LeadMatrix;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.record.EcgRecord;

/**
 * The measurements room: measures the shown record in {@link BackgroundWork} (the latest record wins), and shows
 * the result as the cart's block ({@link MeasurementBlock}), the per-lead table ({@link LeadRow}), the median
 * beats (from {@link #measuredProperty()}) and the statements with their agreement marks ({@link StatementRow})
 * against the model's suggestions ({@link #modelSuggestionsProperty()}, handed in by MainViewModel) and the
 * header's diagnoses.
 */
public final class MeasurementsViewModel {

    private final BackgroundWork work;
    private final StatementAgreement agreement;
    private final Function<EcgRecord, Measurement> measurer;
    private final ObjectProperty<EcgRecord> record = new SimpleObjectProperty<>(this, "record");
    private final ObjectProperty<ModelSuggestions> modelSuggestions = new SimpleObjectProperty<>(this, "modelSuggestions");
    private final ReadOnlyObjectWrapper<RecordMeasurement> measured = new ReadOnlyObjectWrapper<>(this, "measured");
    private final ReadOnlyObjectWrapper<MeasurementBlock> block = new ReadOnlyObjectWrapper<>(this, "block", MeasurementBlock.NONE);
    private final ObservableList<LeadRow> leadRows = FXCollections.observableArrayList();
    private final ObservableList<StatementRow> statements = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper statementsNote = new ReadOnlyStringWrapper(this, "statementsNote", "");
    private final ReadOnlyStringWrapper unmatched = new ReadOnlyStringWrapper(this, "unmatched", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final BooleanProperty showLeadTable = new SimpleBooleanProperty(this, "showLeadTable", false);
    private final BooleanProperty showMedianBeats = new SimpleBooleanProperty(this, "showMedianBeats", false);
    private final LatestRequest requests = new LatestRequest();

    /**
     * The longest recording measured here, in seconds: the whole record is measured in memory (a copy of its leads
     * in double precision and their filtered copies), so a Holter recording would take gigabytes.
     */
    public static final double MAX_SECONDS = 30 * 60;

    /** The app's: {@link Measurement#of} on the record's standard leads. */
    public MeasurementsViewModel(BackgroundWork work, DiagnosisCatalogue catalogue) {
        this(work, catalogue, r -> Measurement.of(LeadMatrix.of(r)));
    }

    /** With another measurer (tests: a measurement built by hand). */
    public MeasurementsViewModel(BackgroundWork work, DiagnosisCatalogue catalogue, Function<EcgRecord, Measurement> measurer) {
        this.work = Objects.requireNonNull(work);
        this.agreement = new StatementAgreement(Objects.requireNonNull(catalogue));
        this.measurer = Objects.requireNonNull(measurer);
        record.addListener((o, old, now) -> measure());
        modelSuggestions.addListener((o, old, now) -> showStatements());
    }

    private void measure() {
        LatestRequest.Ticket mine = requests.next();
        EcgRecord r = record.get();
        measured.set(null);
        leadRows.clear();
        showStatements();
        if (r == null) {
            block.set(MeasurementBlock.NONE);
            return;
        }
        if (r.durationSeconds() > MAX_SECONDS) {
            block.set(MeasurementBlock.notMeasured(r.id(), String.format(Locale.ROOT,
                    "a recording of %.0f min is longer than the %.0f min the viewer measures; the measure command "
                            + "measures it in windows", r.durationSeconds() / 60, MAX_SECONDS / 60)));
            status.set(r.id() + ": not measured (longer than " + Math.round(MAX_SECONDS / 60) + " min)");
            return;
        }
        block.set(MeasurementBlock.measuring(r.id()));
        work.run("Measuring " + r.id(), () -> measurer.apply(r), mine.ifLatest(m -> {
            measured.set(new RecordMeasurement(r, m));
            block.set(MeasurementBlock.of(m));
            leadRows.setAll(m.leads().stream().map(LeadRow::of).toList());
            showStatements();
            status.set(r.id() + ": measured " + m.beats().size() + " beats, " + m.statements().size() + " statement(s)"
                    + (m.warnings().isEmpty() ? "" : ", " + m.warnings().size() + " not measurable"));
        }), mine.ifLatest(failure -> {
            String reason = failure.getMessage() != null ? failure.getMessage() : failure.toString();
            block.set(MeasurementBlock.failed(r.id(), reason));
            status.set("Measurement failed for " + r.id() + ": " + reason);
        }));
    }

    private void showStatements() {
        RecordMeasurement rm = measured.get();
        EcgRecord r = record.get();
        if (rm == null || r == null) {
            statements.clear();
            unmatched.set("");
            statementsNote.set(r == null ? "No record" : "Measuring …");
            return;
        }
        Set<String> header = agreement.headerCodes(r);
        ModelSuggestions model = modelSuggestions.get();
        List<StatementRow> rows = agreement.rows(rm.measurement().statements(), model, header, !r.dx().isEmpty());
        statements.setAll(rows);
        unmatched.set(String.join("\n", agreement.unmatched(rm.measurement().statements(), model, header)));
        statementsNote.set(rows.isEmpty() ? "No statement made by the rules." : rows.size() + " statement(s) · marks: "
                + (model == null ? "model —" : "model " + model.modelName()) + ", header" + (r.dx().isEmpty() ? " (no labels)" : ""));
    }

    // ---- properties

    /** The record to measure (MainViewModel binds it to the viewer's). */
    public ObjectProperty<EcgRecord> recordProperty() {
        return record;
    }

    /** The model's answer for the shown record, or null (MainViewModel feeds it from the suggestions room). */
    public ObjectProperty<ModelSuggestions> modelSuggestionsProperty() {
        return modelSuggestions;
    }

    /** The shown record's measurement, or null while measuring. */
    public ReadOnlyObjectProperty<RecordMeasurement> measuredProperty() {
        return measured.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MeasurementBlock> blockProperty() {
        return block.getReadOnlyProperty();
    }

    public ObservableList<LeadRow> leadRows() {
        return leadRows;
    }

    public ObservableList<StatementRow> statements() {
        return statements;
    }

    /** Above the statements: how many, and what the marks compare with. */
    public ReadOnlyStringProperty statementsNoteProperty() {
        return statementsNote.getReadOnlyProperty();
    }

    /** Below the statements: what the model suggests or the header names that no statement says. */
    public ReadOnlyStringProperty unmatchedProperty() {
        return unmatched.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanProperty showLeadTableProperty() {
        return showLeadTable;
    }

    public BooleanProperty showMedianBeatsProperty() {
        return showMedianBeats;
    }
}
