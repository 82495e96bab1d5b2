package org.ecgworkbench.app.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ecgworkbench.app.ExplanationFixtures;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The viewer's state without the toolkit: layouts follow settings, calipers and the crosshair read the paper. */
class EcgViewerViewModelTest {

    static final Path SAMPLES = Path.of("resources", "samples");

    EcgViewerViewModel vm;
    EcgRecord record;

    @BeforeEach
    void setUp() throws Exception {
        vm = new EcgViewerViewModel(DiagnosisCatalogue.standard());
        vm.viewportWidthProperty().set(1060);
        record = EcgRecordReader.read(SAMPLES.resolve("A5432.hea"));
        vm.recordProperty().set(record);
    }

    @Test
    void aRecordGivesAStandardPageAndThePatientPanel() {
        EcgPaperLayout l = vm.paperLayoutProperty().get();
        assertThat(l).isNotNull();
        assertThat(l.settings().layout()).isEqualTo(EcgLayout.THREE_BY_FOUR);
        assertThat(l.settings().speed().mmPerSecond()).isEqualTo(25);
        assertThat(l.settings().gain().mmPerMillivolt()).isEqualTo(10);
        assertThat(l.drawnCells()).hasSize(13);
        assertThat(vm.patientProperty().get().id()).isEqualTo("A5432");
        assertThat(vm.patientProperty().get().age()).isEqualTo("38");
        assertThat(vm.patientProperty().get().diagnoses()).singleElement().asString().contains("PAC").contains("284470004");
        vm.recordProperty().set(null);
        assertThat(vm.paperLayoutProperty().get()).isNull();
        assertThat(vm.patientProperty().get()).isEqualTo(PatientSummary.EMPTY);
    }

    @Test
    void settingsRelayOutAndClearTheCaliper() {
        vm.caliperPressed(200, 100);
        vm.caliperReleased(300, 100);
        assertThat(vm.caliperProperty().get()).isNotNull();
        vm.layoutProperty().set(EcgLayout.TWELVE_BY_ONE);
        assertThat(vm.caliperProperty().get()).isNull();
        assertThat(vm.paperLayoutProperty().get().cells()).hasSize(12)
                .allSatisfy(c -> assertThat(c.sampleCount()).isEqualTo(5000));
        vm.speedProperty().set(PaperSpeed.FAST);
        assertThat(vm.paperLayoutProperty().get().pageSeconds()).isEqualTo(5);
        assertThat(vm.maxStartSecondsProperty().get()).isEqualTo(5);
        vm.pan(0.5);
        assertThat(vm.startSecondsProperty().get()).isEqualTo(2.5);
        assertThat(vm.paperLayoutProperty().get().cells().get(0).firstSample()).isEqualTo(1250);
        vm.pan(10);
        assertThat(vm.startSecondsProperty().get()).isEqualTo(5);
        vm.gainProperty().set(PaperGain.HALF);
        assertThat(vm.paperLayoutProperty().get().cells().get(0).heightMm()).isEqualTo(12.5);
        vm.layoutProperty().set(EcgLayout.SIX_BY_TWO);
        assertThat(vm.paperLayoutProperty().get().cells().get(0).heightMm()).isEqualTo(15);
    }

    @Test
    void zoomStaysBetweenFitAndTheMaximumAndMagnifiesWithoutChangingThePage() {
        vm.viewportHeightProperty().set(500);
        double fitted = vm.paperLayoutProperty().get().pxPerMm();
        vm.zoomOut();
        assertThat(vm.zoomProperty().get()).isEqualTo(1);
        for (int i = 0; i < 10; i++) vm.zoomIn();
        assertThat(vm.zoomProperty().get()).isEqualTo(EcgViewerViewModel.MAX_ZOOM);
        assertThat(vm.paperLayoutProperty().get().pageSeconds()).isCloseTo(10, within(1e-12));
        assertThat(vm.maxStartSecondsProperty().get()).isZero();
        assertThat(vm.paperLayoutProperty().get().pxPerMm()).isCloseTo(EcgViewerViewModel.MAX_ZOOM * fitted, within(1e-9));
        vm.zoomToFit();
        assertThat(vm.zoomProperty().get()).isEqualTo(1);
        assertThat(vm.paperLayoutProperty().get().paperHeightPx()).isLessThanOrEqualTo(500 + 1e-9);
    }

    @Test
    void aDoubleClickedLeadIsShownAloneUntilDoubleClickedAgainOrALayoutIsChosen() {
        EcgPaperLayout l = vm.paperLayoutProperty().get();
        var v1 = l.cells().get(6);
        vm.toggleLeadAlone(l.xPx(v1, 5.5), l.yPx(v1, 0));
        assertThat(vm.paperLayoutProperty().get().settings().soloLead()).isEqualTo("V1");
        assertThat(vm.paperLayoutProperty().get().cells()).singleElement()
                .satisfies(c -> assertThat(c.sampleCount()).isEqualTo(5000));
        vm.zoomIn();
        vm.zoomIn();
        assertThat(vm.paperLayoutProperty().get().cells()).singleElement().satisfies(c -> assertThat(c.label()).isEqualTo("V1"));
        vm.toggleLeadAlone(0, 0);
        assertThat(vm.paperLayoutProperty().get().settings().soloLead()).isNull();
        assertThat(vm.paperLayoutProperty().get().cells()).hasSize(13);
        vm.toggleLeadAlone(l.xPx(v1, 5.5), l.yPx(v1, 0));
        vm.layoutProperty().set(EcgLayout.SIX_BY_TWO);
        assertThat(vm.paperLayoutProperty().get().settings().soloLead()).isNull();
        assertThat(vm.paperLayoutProperty().get().cells()).hasSize(12);
        // Off the traces: nothing to show alone.
        vm.toggleLeadAlone(1, 1);
        assertThat(vm.paperLayoutProperty().get().settings().soloLead()).isNull();
    }

    @Test
    void aCaliperDragMeasuresDeltaTDeltaVAndRate() {
        EcgPaperLayout l = vm.paperLayoutProperty().get();
        var strip = l.cells().get(12);
        double x1 = l.xPx(strip, 1.0);
        double x2 = l.xPx(strip, 1.8);
        double y = l.yPx(strip, 0);
        vm.caliperPressed(x1, y);
        vm.caliperDragged((x1 + x2) / 2, y);
        vm.caliperReleased(x2, l.yPx(strip, 1.2));
        Caliper c = vm.caliperProperty().get();
        assertThat(c.deltaMs()).isCloseTo(800, within(1e-6));
        assertThat(c.deltaMv()).isCloseTo(1.2, within(1e-6));
        assertThat(c.heartRateBpm()).isCloseTo(75, within(1e-6));
        assertThat(vm.caliperTextProperty().get()).startsWith("Δt 800 ms · ΔV 1.20 mV · 75 bpm");
        // A drag without a press does nothing.
        vm.clearCaliper();
        vm.caliperDragged(x2, y);
        assertThat(vm.caliperProperty().get()).isNull();
    }

    @Test
    void theCrosshairReadsTheTraceUnderThePointer() {
        EcgPaperLayout l = vm.paperLayoutProperty().get();
        var v2 = l.cells().get(7);
        assertThat(v2.label()).isEqualTo("V2");
        vm.pointerMoved(l.xPx(v2, 6.0), l.yPx(v2, 0));
        float expected = record.leads().get(7).millivolts()[3000];
        assertThat(vm.crosshairTextProperty().get())
                .isEqualTo(String.format(Locale.ROOT, "V2  t = 6.000 s  %.3f mV", expected));
        assertThat(vm.pointerXProperty().get()).isCloseTo(l.xPx(v2, 6.0), within(1e-9));
        vm.pointerMoved(1, 1);
        assertThat(vm.crosshairTextProperty().get()).isEmpty();
        assertThat(vm.pointerXProperty().get()).isNaN();
    }

    @Test
    void theNavigatorShowsTheWholeRecordAndMovesThePage() {
        // 60 s at 500 Hz, lead II a 1 mV spike every second at a quarter second, the other leads flat.
        EcgRecord longOne = ExplanationFixtures.record("LONG", 500, 30000, List.of());
        float[] ii = longOne.leads().get(1).millivolts();
        for (int s = 0; s < 60; s++) ii[s * 500 + 125] = 1f;
        ii[29999] = -0.5f;
        vm.recordProperty().set(longOne);

        RecordOverview o = vm.overviewProperty().get();
        assertThat(o.lead()).isEqualTo("II");
        assertThat(o.seconds()).isEqualTo(60.0);
        assertThat(o.buckets()).isEqualTo(RecordOverview.BUCKETS);
        // 25 samples per bucket: every spike lands in exactly one bucket, none is lost to decimation.
        int spikes = 0;
        for (int b = 0; b < o.buckets(); b++) if (o.maxAt(b) == 1f) spikes++;
        assertThat(spikes).isEqualTo(60);
        assertThat(o.minAt(o.buckets() - 1)).isEqualTo(-0.5f);

        double page = vm.pageSecondsProperty().get();
        assertThat(page).isGreaterThan(0).isLessThan(60);
        assertThat(vm.maxStartSecondsProperty().get()).isCloseTo(60 - page, within(1e-9));
        vm.centreOn(30);
        assertThat(vm.startSecondsProperty().get()).isCloseTo(30 - page / 2, within(1e-9));
        assertThat(vm.paperLayoutProperty().get().settings().startSeconds()).isCloseTo(30 - page / 2, within(1e-9));
        vm.centreOn(59);
        assertThat(vm.startSecondsProperty().get()).isCloseTo(60 - page, within(1e-9));
        vm.showFrom(-3);
        assertThat(vm.startSecondsProperty().get()).isZero();
        vm.showFrom(20);
        assertThat(vm.startSecondsProperty().get()).isEqualTo(20.0);

        // A short record: everything on one page.
        vm.recordProperty().set(record);
        assertThat(vm.overviewProperty().get().seconds()).isEqualTo(10.0);
        assertThat(vm.maxStartSecondsProperty().get()).isZero();
        vm.recordProperty().set(null);
        assertThat(vm.overviewProperty().get()).isNull();
    }
}
