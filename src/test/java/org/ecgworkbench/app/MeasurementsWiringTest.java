package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ecgworkbench.app.suggestions.SuggestedDiagnosesViewModel;
import org.ecgworkbench.app.viewer.EcgViewerViewModel;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MainViewModel hands the shown record to the measurements room, and its measurement to the viewer's fiducials. */
class MeasurementsWiringTest {

    @TempDir
    Path config;

    @Test
    void theShownRecordIsMeasuredAndItsBeatsMarkedOnThePaper() {
        MainViewModel vm = new MainViewModel(BackgroundWork.direct(), new RecentFiles(config),
                new EcgViewerViewModel(DiagnosisCatalogue.standard()));
        vm.connect(new SuggestedDiagnosesViewModel(BackgroundWork.direct(), DiagnosisCatalogue.standard(), (file, bundled) -> {
            throw new IllegalStateException("no model in this test");
        }));
        vm.viewer().viewportWidthProperty().set(1060);
        vm.open(SampleRecords.folder().resolve("A5432.hea"));
        RecordMeasurement measured = vm.measurements().measuredProperty().get();
        assertThat(measured.record()).isSameAs(vm.viewer().recordProperty().get());
        assertThat(vm.viewer().measurementProperty().get()).isSameAs(measured);
        assertThat(measured.measurement().beats()).hasSizeGreaterThan(8);
        assertThat(vm.measurements().blockProperty().get().intervals()).matches("Rate \\d+ bpm   PR .*");
        // No model answered: the statements' model marks stay unknown.
        assertThat(vm.measurements().modelSuggestionsProperty().get()).isNull();

        vm.viewer().showFiducialsProperty().set(true);
        assertThat(vm.viewer().fiducialsProperty().get().beats()).isNotEmpty();
        vm.open(SampleRecords.folder().resolve("E00009.hea"));
        assertThat(vm.measurements().measuredProperty().get().record().id()).isEqualTo("E00009");
        assertThat(vm.viewer().fiducialsProperty().get().beats()).allSatisfy(b -> assertThat(b.cell()).isNotNull()).isNotEmpty();
    }
}
