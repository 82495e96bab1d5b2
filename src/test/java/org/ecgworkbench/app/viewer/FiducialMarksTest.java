package org.ecgworkbench.app.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecgworkbench.app.ExplanationFixtures;
import org.ecgworkbench.app.RecordMeasurement;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.measure.Beat;
import org.ecgworkbench.measure.BeatType;
import org.ecgworkbench.measure.Delineation;
import org.ecgworkbench.measure.FrontalAxes;
import org.ecgworkbench.measure.GlobalIntervals;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.measure.MedianBeats;
import org.ecgworkbench.measure.Rhythm;
import org.ecgworkbench.measure.Voltages;
import org.ecgworkbench.record.EcgRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fiducial marks on the paper, and the caliper snapping to them within {@link FiducialMarks#SNAP_PX}. */
class FiducialMarksTest {

    static final OptionalDouble NONE = OptionalDouble.empty();

    EcgViewerViewModel vm;
    EcgRecord record;
    Measurement measurement;

    @BeforeEach
    void setUp() {
        vm = new EcgViewerViewModel(DiagnosisCatalogue.standard());
        vm.viewportWidthProperty().set(1060);
        record = ExplanationFixtures.record("F1", 500, 5000, List.of());
        vm.recordProperty().set(record);
        // A delineated dominant beat, a ventricular beat without fiducials, and a dominant beat without its own
        // (the median's global fiducials, aligned on its sample 100, are laid on it).
        MedianBeats medians = new MedianBeats(List.of("I"), new double[][] {new double[300]}, 100, 500, 8);
        measurement = new Measurement(List.of(
                new Beat(1000, BeatType.DOMINANT, 1, Optional.of(new Delineation(880, 950, 980, 1030, 1100, 1200))),
                new Beat(1500, BeatType.VENTRICULAR_OR_WIDE, 0.4),
                new Beat(2000, BeatType.DOMINANT, 0.98)),
                Optional.of(medians), Optional.of(new Delineation(20, 60, 90, 135, 180, 220)),
                new GlobalIntervals(NONE, NONE, NONE, NONE, NONE, NONE, NONE), Map.of(), FrontalAxes.NONE, List.of(),
                Voltages.NONE, Rhythm.NONE, List.of(), List.of());
    }

    private EcgPaperLayout layout() {
        return vm.paperLayoutProperty().get();
    }

    private EcgPaperLayout.Cell cell(String label) {
        return layout().cells().stream().filter(c -> c.label().equals(label) && !c.rhythmStrip()).findFirst().orElseThrow();
    }

    private double middleY(EcgPaperLayout.Cell c) {
        return layout().toPx(c.topMm() + c.heightMm() / 2);
    }

    @Test
    void marksFollowTheBeatsCellByCell() {
        vm.measurementProperty().set(new RecordMeasurement(record, measurement));
        assertThat(vm.fiducialsProperty().get().isEmpty()).as("hidden until asked for").isTrue();
        vm.showFiducialsProperty().set(true);
        FiducialMarks marks = vm.fiducialsProperty().get();
        EcgPaperLayout.Cell lead1 = cell("I");
        List<FiducialMarks.BeatMarks> inLead1 = marks.beats().stream().filter(b -> b.cell().equals(lead1)).toList();
        // Lead I's cell shows 0–2.5 s: the beat at sample 1000 only (1500 and 2000 are in aVR's column).
        assertThat(inLead1).singleElement().satisfies(b -> {
            assertThat(b.pOnsetX()).isCloseTo(layout().sampleXPx(lead1, 880), within(1e-9));
            assertThat(b.qrsOffsetX()).isCloseTo(layout().sampleXPx(lead1, 1030), within(1e-9));
            assertThat(b.tEndX()).isCloseTo(layout().sampleXPx(lead1, 1200), within(1e-9));
        });
        EcgPaperLayout.Cell aVR = cell("aVR");
        List<FiducialMarks.BeatMarks> inAvr = marks.beats().stream().filter(b -> b.cell().equals(aVR)).toList();
        assertThat(inAvr).hasSize(2);
        assertThat(inAvr.get(0).type()).isEqualTo(BeatType.VENTRICULAR_OR_WIDE);
        assertThat(inAvr.get(0).hasQrs()).isFalse();
        assertThat(inAvr.get(1).qrsOnsetX()).as("median's QRS onset 90 + (2000 − 100)")
                .isCloseTo(layout().sampleXPx(aVR, 1990), within(1e-9));
        assertThat(inAvr.get(1).tEndX()).isCloseTo(layout().sampleXPx(aVR, 2120), within(1e-9));
        // Every cell with a trace has its beats: 12 cells + the rhythm strip, 3 beats each over 10 s of lead II.
        assertThat(marks.beats().stream().filter(b -> b.cell().rhythmStrip()).count()).isEqualTo(3);

        // A measurement of another record, or none, marks nothing.
        vm.measurementProperty().set(new RecordMeasurement(ExplanationFixtures.record("other", 500, 5000, List.of()), measurement));
        assertThat(vm.fiducialsProperty().get().isEmpty()).isTrue();
    }

    @Test
    void snappingReachesTheNearestFiducialWithinAFewPixels() {
        vm.measurementProperty().set(new RecordMeasurement(record, measurement));
        vm.showFiducialsProperty().set(true);
        FiducialMarks marks = vm.fiducialsProperty().get();
        EcgPaperLayout.Cell lead1 = cell("I");
        double y = middleY(lead1);
        double pOn = layout().sampleXPx(lead1, 880);
        double pOff = layout().sampleXPx(lead1, 950);
        assertThat(pOff - pOn).as("the two are further apart than twice the reach").isGreaterThan(2 * FiducialMarks.SNAP_PX);
        assertThat(marks.snap(layout(), pOn - 5, y, FiducialMarks.SNAP_PX))
                .contains(new FiducialMarks.Snap(pOn, FiducialMarks.Point.P_ONSET));
        assertThat(marks.snap(layout(), pOn + 5.9, y, FiducialMarks.SNAP_PX)).map(FiducialMarks.Snap::point)
                .contains(FiducialMarks.Point.P_ONSET);
        assertThat(marks.snap(layout(), pOn - 6.5, y, FiducialMarks.SNAP_PX)).isEmpty();
        assertThat(marks.snap(layout(), pOff - 2, y, FiducialMarks.SNAP_PX)).map(FiducialMarks.Snap::point)
                .contains(FiducialMarks.Point.P_OFFSET);
        // Only the cell under the pointer counts; off the traces nothing snaps.
        EcgPaperLayout.Cell aVR = cell("aVR");
        double beat = layout().sampleXPx(aVR, 1500);
        assertThat(marks.snap(layout(), beat + 3, middleY(aVR), FiducialMarks.SNAP_PX)).map(FiducialMarks.Snap::point)
                .as("a beat without fiducials snaps where it was detected").contains(FiducialMarks.Point.BEAT);
        assertThat(marks.snap(layout(), pOn, layout().toPx(1), FiducialMarks.SNAP_PX)).isEmpty();
    }

    @Test
    void theCaliperSnapsAndNamesItsEndsWhileFiducialsAreShown() {
        vm.measurementProperty().set(new RecordMeasurement(record, measurement));
        EcgPaperLayout.Cell lead1 = cell("I");
        double y = middleY(lead1);
        double pOn = layout().sampleXPx(lead1, 880);
        double qrsOn = layout().sampleXPx(lead1, 980);
        vm.caliperPressed(pOn - 4, y);
        vm.caliperReleased(qrsOn + 4, y);
        assertThat(vm.caliperProperty().get().x1()).as("fiducials hidden: no snapping").isEqualTo(pOn - 4);

        vm.showFiducialsProperty().set(true);
        vm.caliperPressed(pOn - 4, y);
        vm.caliperReleased(qrsOn + 4, y);
        Caliper c = vm.caliperProperty().get();
        assertThat(c.x1()).isEqualTo(pOn);
        assertThat(c.x2()).isEqualTo(qrsOn);
        assertThat(c.deltaMs()).as("PR of the beat: 100 samples at 500 Hz").isCloseTo(200, within(1e-6));
        assertThat(vm.caliperTextProperty().get()).isEqualTo("P onset → QRS onset · Δt 200 ms · ΔV 0.00 mV");

        // Between two of a kind (one RR interval: QRS onset to the next beat's) the rate stays.
        EcgPaperLayout.Cell strip = layout().cells().stream().filter(EcgPaperLayout.Cell::rhythmStrip).findFirst().orElseThrow();
        double stripY = middleY(strip);
        vm.caliperPressed(layout().sampleXPx(strip, 980) + 2, stripY);
        vm.caliperReleased(layout().sampleXPx(strip, 1990) - 2, stripY);
        assertThat(vm.caliperTextProperty().get()).isEqualTo("QRS onset → QRS onset · Δt 2020 ms · ΔV 0.00 mV · 30 bpm");

        vm.caliperPressed(pOn - 30, y);
        vm.caliperReleased(qrsOn + 4, y);
        assertThat(vm.caliperTextProperty().get()).startsWith("· → QRS onset · Δt");
    }

    @Test
    void typeLettersNameTheBeatsThatAreNotDominant() {
        assertThat(EcgPaperView.typeLetter(BeatType.DOMINANT)).isEmpty();
        assertThat(EcgPaperView.typeLetter(BeatType.VENTRICULAR_OR_WIDE)).isEqualTo("V");
        assertThat(EcgPaperView.typeLetter(BeatType.PREMATURE_SUPRAVENTRICULAR)).isEqualTo("S");
    }
}
