package org.ecgworkbench.app.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecgworkbench.app.ExplanationFixtures.record;
import static org.ecgworkbench.app.measurements.MeasurementFixtures.IAVB;
import static org.ecgworkbench.app.measurements.MeasurementFixtures.LAD;
import static org.ecgworkbench.app.measurements.MeasurementFixtures.RBBB;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.record.EcgRecord;
import org.junit.jupiter.api.Test;

/** The measurements room without the toolkit: the latest record wins, the statements carry their agreement marks. */
class MeasurementsViewModelTest {

    static final DiagnosisCatalogue CATALOGUE = DiagnosisCatalogue.standard();
    static final String IAVB_CODE = "270492004";
    static final String CRBBB_CODE = "713427006"; // the canonical code of RBBB's class
    static final String LAD_CODE = "39732003";
    static final String AF_CODE = "164889003";

    /** Work that waits until the test runs it, in any order. */
    static final class HeldWork implements BackgroundWork {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }
    }

    @Test
    void theLatestRecordWinsWhateverOrderTheAnswersCome() {
        HeldWork work = new HeldWork();
        MeasurementsViewModel vm = new MeasurementsViewModel(work, CATALOGUE,
                r -> r.id().equals("A") ? MeasurementFixtures.empty() : MeasurementFixtures.full(List.of()));
        EcgRecord a = record("A", 500, 5000, List.of());
        EcgRecord b = record("B", 500, 5000, List.of());
        vm.recordProperty().set(a);
        assertThat(vm.blockProperty().get().intervals()).isEqualTo("Measuring A …");
        vm.recordProperty().set(b);
        work.held.get(1).run();
        work.held.get(0).run(); // A's answer comes last: dropped
        assertThat(vm.measuredProperty().get().record()).isSameAs(b);
        assertThat(vm.blockProperty().get().intervals()).startsWith("Rate 75 bpm");
        assertThat(vm.leadRows()).extracting(LeadRow::lead).containsExactly("I", "II");
        assertThat(vm.statusProperty().get()).isEqualTo("B: measured 2 beats, 0 statement(s), 1 not measurable");
        vm.recordProperty().set(null);
        assertThat(vm.measuredProperty().get()).isNull();
        assertThat(vm.blockProperty().get()).isEqualTo(MeasurementBlock.NONE);
        assertThat(vm.leadRows()).isEmpty();
    }

    @Test
    void aRecordingLongerThanHalfAnHourIsNotMeasuredHereAndSaysWhy() {
        HeldWork work = new HeldWork();
        MeasurementsViewModel vm = new MeasurementsViewModel(work, CATALOGUE, r -> MeasurementFixtures.empty());
        vm.recordProperty().set(record("H", 100, (int) (MeasurementsViewModel.MAX_SECONDS * 100) + 100, List.of()));
        assertThat(work.held).as("nothing started").isEmpty();
        assertThat(vm.blockProperty().get().intervals()).isEqualTo("H: not measured");
        assertThat(vm.blockProperty().get().warnings()).singleElement().asString()
                .startsWith("a recording of 30 min is longer than the 30 min the viewer measures");
        assertThat(vm.measuredProperty().get()).isNull();
        vm.recordProperty().set(record("I", 100, (int) (MeasurementsViewModel.MAX_SECONDS * 100), List.of()));
        assertThat(work.held).as("exactly half an hour is measured").hasSize(1);
    }

    @Test
    void aFailedMeasurementSaysWhy() {
        MeasurementsViewModel vm = new MeasurementsViewModel(BackgroundWork.direct(), CATALOGUE, r -> {
            throw new IllegalStateException("no leads");
        });
        vm.recordProperty().set(record("C", 500, 100, List.of()));
        assertThat(vm.blockProperty().get().intervals()).isEqualTo("Measurements of C failed");
        assertThat(vm.blockProperty().get().warnings()).containsExactly("no leads");
        assertThat(vm.statusProperty().get()).isEqualTo("Measurement failed for C: no leads");
    }

    @Test
    void statementsAreMarkedAgainstTheModelAndTheHeader() {
        Measurement m = MeasurementFixtures.full(List.of(IAVB, RBBB, LAD));
        MeasurementsViewModel vm = new MeasurementsViewModel(BackgroundWork.direct(), CATALOGUE, r -> m);
        // The header names CRBBB (RBBB's class) and AF; the statements say IAVB, RBBB, LAD.
        vm.recordProperty().set(record("D", 500, 5000, List.of(CRBBB_CODE, AF_CODE)));
        // No model answer yet: the model's marks are unknown.
        assertThat(vm.statements()).extracting(StatementRow::marks)
                .containsExactly("model —  header ✗", "model —  header ✓", "model —  header ✗");
        assertThat(vm.unmatchedProperty().get()).isEqualTo("In the header, no statement: AF");

        // The model predicts IAVB, CRBBB and AF and suggests IAVB and AF; it knows nothing of LAD.
        vm.modelSuggestionsProperty().set(new ModelSuggestions("demo", Set.of(IAVB_CODE, CRBBB_CODE, AF_CODE), Set.of(IAVB_CODE, AF_CODE)));
        assertThat(vm.statements()).extracting(StatementRow::model).containsExactly(Mark.AGREES, Mark.DIFFERS, Mark.UNKNOWN);
        assertThat(vm.statements()).extracting(StatementRow::header).containsExactly(Mark.DIFFERS, Mark.AGREES, Mark.DIFFERS);
        assertThat(vm.statements().get(0).title()).isEqualTo("IAVB · 1st degree av block");
        assertThat(vm.statements().get(0).reason()).isEqualTo("PR 236 ms > 200 ms");
        assertThat(vm.statements().get(1).marksInWords()).isEqualTo("Model: does not suggest it\nHeader: names it too");
        assertThat(vm.unmatchedProperty().get())
                .isEqualTo("Suggested by the model, no statement: AF\nIn the header, no statement: AF");
        assertThat(vm.statementsNoteProperty().get()).isEqualTo("3 statement(s) · marks: model demo, header");
    }

    @Test
    void aHeaderWithoutLabelsAndNoStatementsSaySo() {
        MeasurementsViewModel vm = new MeasurementsViewModel(BackgroundWork.direct(), CATALOGUE,
                r -> MeasurementFixtures.full(List.of(LAD)));
        vm.recordProperty().set(record("E", 500, 5000, List.of()));
        assertThat(vm.statements()).extracting(StatementRow::header).containsExactly(Mark.UNKNOWN);
        assertThat(vm.statementsNoteProperty().get()).endsWith("header (no labels)");
        vm.modelSuggestionsProperty().set(new ModelSuggestions("demo", Set.of(LAD_CODE), Set.of(LAD_CODE)));
        assertThat(vm.statements()).extracting(StatementRow::marks).containsExactly("model ✓  header —");
        assertThat(vm.unmatchedProperty().get()).isEmpty();

        MeasurementsViewModel none = new MeasurementsViewModel(BackgroundWork.direct(), CATALOGUE, r -> MeasurementFixtures.empty());
        none.recordProperty().set(record("F", 500, 5000, List.of(IAVB_CODE)));
        assertThat(none.statements()).isEmpty();
        assertThat(none.statementsNoteProperty().get()).isEqualTo("No statement made by the rules.");
        assertThat(none.unmatchedProperty().get()).isEqualTo("In the header, no statement: IAVB");
    }

    @Test
    void equivalentCodesCountAsOneClass() {
        StatementAgreement a = new StatementAgreement(CATALOGUE);
        assertThat(a.canonical("59118001")).isEqualTo(CRBBB_CODE);
        assertThat(a.canonical(" 713427006")).isEqualTo(CRBBB_CODE);
        assertThat(a.canonical("17338001")).isEqualTo("427172004");
        assertThat(a.headerCodes(record("G", 500, 10, List.of("59118001", "RBBB", "not-a-code")))).containsExactly(CRBBB_CODE);
    }
}
