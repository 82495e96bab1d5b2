package org.ecgworkbench.app.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.app.viewer.EcgPaperLayout.Cell;
import org.ecgworkbench.app.viewer.EcgPaperLayout.Settings;
import org.ecgworkbench.app.viewer.EcgPaperLayout.Signal;
import org.ecgworkbench.record.LeadName;
import org.junit.jupiter.api.Test;

class EcgPaperLayoutTest {

    static final List<String> TWELVE = LeadName.STANDARD_ORDER.stream().map(LeadName::label).toList();
    static final Signal TEN_SECONDS_500HZ = new Signal(500, 5000, TWELVE);

    static EcgPaperLayout layout(Signal s, EcgLayout layout, PaperSpeed speed, PaperGain gain, double zoom, double start) {
        return new EcgPaperLayout(s, new Settings(layout, speed, gain, zoom, start), 1060);
    }

    @Test
    void threeByFourIsStandardOrderInColumnsOfTwoAndAHalfSecondsPlusARhythmStrip() {
        EcgPaperLayout l = new EcgPaperLayout(TEN_SECONDS_500HZ, Settings.standard(), 1060);
        List<Cell> cells = l.cells();
        assertThat(cells).hasSize(13);
        assertThat(cells.stream().map(Cell::label).toList()).containsExactly(
                "I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6", "II");
        for (int i = 0; i < 12; i++) {
            Cell c = cells.get(i);
            assertThat(c.leadIndex()).isEqualTo(i);
            assertThat(c.firstSample()).isEqualTo(1250 * (i / 3));
            assertThat(c.sampleCount()).isEqualTo(1250);
            assertThat(c.widthMm()).isCloseTo(62.5, within(1e-9));
            assertThat(c.heightMm()).isCloseTo(40, within(1e-9));
        }
        Cell rhythm = cells.get(12);
        assertThat(rhythm.rhythmStrip()).isTrue();
        assertThat(rhythm.firstSample()).isZero();
        assertThat(rhythm.sampleCount()).isEqualTo(5000);
        assertThat(rhythm.widthMm()).isCloseTo(250, within(1e-9));
        assertThat(l.pageSeconds()).isCloseTo(10, within(1e-12));
        // 10 mm of calibration margin + 250 mm of trace + 5 mm right margin fill the viewport.
        assertThat(l.marginMm()).isEqualTo(10);
        assertThat(l.pxPerMm()).isCloseTo(1060 / 265.0, within(1e-12));
        assertThat(l.heightMm()).isCloseTo(5 + 4 * 40 + 5, within(1e-9));
        assertThat(l.maxStartSeconds()).isZero();
    }

    @Test
    void sixByTwoAndTwelveByOne() {
        EcgPaperLayout six = layout(TEN_SECONDS_500HZ, EcgLayout.SIX_BY_TWO, PaperSpeed.STANDARD, PaperGain.STANDARD, 1, 0);
        assertThat(six.cells()).hasSize(12);
        assertThat(six.cells().get(5).label()).isEqualTo("aVF");
        assertThat(six.cells().get(6).label()).isEqualTo("V1");
        assertThat(six.cells().get(6).firstSample()).isEqualTo(2500);
        assertThat(six.cells()).allSatisfy(c -> assertThat(c.sampleCount()).isEqualTo(2500));

        EcgPaperLayout twelve = layout(TEN_SECONDS_500HZ, EcgLayout.TWELVE_BY_ONE, PaperSpeed.STANDARD, PaperGain.STANDARD, 1, 0);
        assertThat(twelve.cells()).hasSize(12).allSatisfy(c -> {
            assertThat(c.firstSample()).isZero();
            assertThat(c.sampleCount()).isEqualTo(5000);
        });
        assertThat(twelve.cells().get(11).topMm()).isCloseTo(5 + 11 * 25, within(1e-9));
    }

    @Test
    void speedChangesTheSecondsOnThePageNotThePaperWidth() {
        EcgPaperLayout fast = layout(TEN_SECONDS_500HZ, EcgLayout.THREE_BY_FOUR, PaperSpeed.FAST, PaperGain.STANDARD, 1, 0);
        assertThat(fast.pageSeconds()).isCloseTo(5, within(1e-12));
        assertThat(fast.cells().get(0).sampleCount()).isEqualTo(625);
        assertThat(fast.maxStartSeconds()).isCloseTo(5, within(1e-12));
        assertThat(fast.marginMm()).isEqualTo(15);

        EcgPaperLayout slow = layout(TEN_SECONDS_500HZ, EcgLayout.THREE_BY_FOUR, PaperSpeed.SLOW, PaperGain.STANDARD, 1, 0);
        assertThat(slow.pageSeconds()).isCloseTo(20, within(1e-12));
        // A 10-s record on a 20-s page: the last two columns are empty paper.
        assertThat(slow.cells().get(0).sampleCount()).isEqualTo(2500);
        assertThat(slow.cells().get(6).sampleCount()).isZero();
        assertThat(slow.drawnCells()).hasSize(7);
    }

    @Test
    void zoomMagnifiesThePaperAndKeepsEveryLeadsTimeWindow() {
        Settings fit = Settings.standard();
        Settings fourTimes = new Settings(EcgLayout.THREE_BY_FOUR, PaperSpeed.STANDARD, PaperGain.STANDARD, 4, 0);
        EcgPaperLayout fitted = new EcgPaperLayout(TEN_SECONDS_500HZ, fit, 800, 500);
        EcgPaperLayout zoomed = new EcgPaperLayout(TEN_SECONDS_500HZ, fourTimes, 800, 500);
        // Every lead still covers 2.5 s (V1: 5.0-7.5 s), the rhythm strip 10 s: the same cells, in the same millimetres.
        assertThat(zoomed.pageSeconds()).isCloseTo(10, within(1e-12));
        assertThat(zoomed.cells()).hasSize(13);
        for (int i = 0; i < 13; i++) {
            Cell a = fitted.cells().get(i);
            Cell b = zoomed.cells().get(i);
            assertThat(b.label()).isEqualTo(a.label());
            assertThat(b.startSeconds()).isEqualTo(a.startSeconds());
            assertThat(b.endSeconds()).isEqualTo(a.endSeconds());
            assertThat(b.firstSample()).isEqualTo(a.firstSample());
            assertThat(b.sampleCount()).isEqualTo(a.sampleCount());
            assertThat(b.widthMm()).isEqualTo(a.widthMm());
        }
        Cell v1 = zoomed.cells().get(6);
        assertThat(v1.label()).isEqualTo("V1");
        assertThat(v1.startSeconds()).isCloseTo(5, within(1e-12));
        assertThat(v1.endSeconds() - v1.startSeconds()).isCloseTo(2.5, within(1e-12));
        assertThat(v1.sampleCount()).isEqualTo(1250);
        // Four times the pixels per millimetre: the paper is four times the fitted size both ways.
        assertThat(zoomed.pxPerMm()).isCloseTo(4 * fitted.pxPerMm(), within(1e-12));
        assertThat(zoomed.paperWidthPx()).isCloseTo(4 * fitted.paperWidthPx(), within(1e-9));
        assertThat(zoomed.paperHeightPx()).isCloseTo(4 * fitted.paperHeightPx(), within(1e-9));
        assertThat(zoomed.xPx(v1, 6.0) - zoomed.xPx(v1, 5.5)).isCloseTo(4 * (fitted.xPx(v1, 6.0) - fitted.xPx(v1, 5.5)), within(1e-9));
        assertThat(zoomed.maxStartSeconds()).isZero();
        // The caliper arithmetic follows the scale: 25 mm is 1 s at any zoom.
        assertThat(zoomed.millisecondsOf(25 * zoomed.pxPerMm())).isCloseTo(1000, within(1e-9));
        var hit = zoomed.hitTest(zoomed.xPx(v1, 6.3), zoomed.yPx(v1, 0.4)).orElseThrow();
        assertThat(hit.cell().label()).isEqualTo("V1");
        assertThat(hit.seconds()).isCloseTo(6.3, within(1e-9));
        assertThat(hit.millivolts()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void aLeadAloneCoversTheWholePageAtEveryZoom() {
        for (double zoom : new double[] {1, 4}) {
            EcgPaperLayout l = new EcgPaperLayout(TEN_SECONDS_500HZ,
                    new Settings(EcgLayout.THREE_BY_FOUR, PaperSpeed.STANDARD, PaperGain.STANDARD, zoom, 0, "V1"), 800, 500);
            assertThat(l.cells()).singleElement().satisfies(c -> {
                assertThat(c.label()).isEqualTo("V1");
                assertThat(c.leadIndex()).isEqualTo(6);
                assertThat(c.firstSample()).isZero();
                assertThat(c.sampleCount()).isEqualTo(5000);
                assertThat(c.widthMm()).isCloseTo(250, within(1e-9));
                assertThat(c.heightMm()).isCloseTo(40, within(1e-9));
            });
            assertThat(l.heightMm()).isCloseTo(5 + 40 + 5, within(1e-9));
            assertThat(l.settings().describe()).isEqualTo("V1 alone");
            // A strip 265 mm × 50 mm: the width decides the fitted scale.
            assertThat(l.pxPerMm()).isCloseTo(zoom * 800 / 265.0, within(1e-9));
        }
    }

    @Test
    void atFitTheWholePaperIsInTheViewportAndTheSheetFillsIt() {
        for (EcgLayout kind : EcgLayout.values()) {
            Settings s = new Settings(kind, PaperSpeed.STANDARD, PaperGain.STANDARD, 1, 0);
            EcgPaperLayout l = new EcgPaperLayout(TEN_SECONDS_500HZ, s, 800, 500);
            assertThat(l.paperWidthPx()).isLessThanOrEqualTo(800 + 1e-9);
            assertThat(l.paperHeightPx()).isLessThanOrEqualTo(500 + 1e-9);
            // One side touches the viewport (the paper is as large as fits) and the sheet fills the rest with grid.
            assertThat(Math.max(l.paperWidthPx() / 800, l.paperHeightPx() / 500)).isCloseTo(1, within(1e-9));
            assertThat(l.widthPx()).isEqualTo(800);
            assertThat(l.heightPx()).isEqualTo(500);
        }
        // 12 × 1 is taller than wide: its height decides the scale.
        EcgPaperLayout twelve = new EcgPaperLayout(TEN_SECONDS_500HZ,
                new Settings(EcgLayout.TWELVE_BY_ONE, PaperSpeed.STANDARD, PaperGain.STANDARD, 1, 0), 800, 500);
        assertThat(twelve.pxPerMm()).isCloseTo(500 / (5 + 12 * 25 + 5.0), within(1e-12));
        // Without a height the width alone is fitted (the paper then scrolls down).
        EcgPaperLayout widthOnly = new EcgPaperLayout(TEN_SECONDS_500HZ, Settings.standard(), 1060);
        assertThat(widthOnly.pxPerMm()).isCloseTo(1060 / 265.0, within(1e-12));
        assertThat(widthOnly.heightPx()).isCloseTo(170 * 1060 / 265.0, within(1e-9));
    }

    @Test
    void gainScalesTheRows() {
        EcgPaperLayout big = layout(TEN_SECONDS_500HZ, EcgLayout.THREE_BY_FOUR, PaperSpeed.STANDARD, PaperGain.DOUBLE, 1, 0);
        assertThat(big.cells().get(0).heightMm()).isCloseTo(80, within(1e-9));
        Cell c = big.cells().get(0);
        assertThat(big.yPx(c, 1) - big.yPx(c, 0)).isCloseTo(-20 * big.pxPerMm(), within(1e-9));
    }

    @Test
    void hitTestInvertsThePositionOfATimeAndAVoltage() {
        EcgPaperLayout l = new EcgPaperLayout(TEN_SECONDS_500HZ, Settings.standard(), 1060);
        Cell avl = l.cells().get(4);
        var hit = l.hitTest(l.xPx(avl, 3.3), l.yPx(avl, 0.7)).orElseThrow();
        assertThat(hit.cell().label()).isEqualTo("aVL");
        assertThat(hit.seconds()).isCloseTo(3.3, within(1e-9));
        assertThat(hit.millivolts()).isCloseTo(0.7, within(1e-9));
        assertThat(l.hitTest(1, 1)).isEmpty();
        // 25 mm/s: 25 mm = 1000 ms; 10 mm/mV: 10 mm up = +1 mV.
        assertThat(l.millisecondsOf(25 * l.pxPerMm())).isCloseTo(1000, within(1e-9));
        assertThat(l.millivoltsOf(-10 * l.pxPerMm())).isCloseTo(1, within(1e-9));
    }

    @Test
    void missingLeadsLeaveEmptyCellsAndExtraSignalsGoBelowTwelveByOne() {
        List<String> names = new ArrayList<>(TWELVE.subList(0, 11));
        names.add("Resp");
        Signal s = new Signal(100, 1000, names);
        EcgPaperLayout grid = layout(s, EcgLayout.THREE_BY_FOUR, PaperSpeed.STANDARD, PaperGain.STANDARD, 1, 0);
        Cell v6 = grid.cells().get(11);
        assertThat(v6.label()).isEqualTo("V6");
        assertThat(v6.leadIndex()).isEqualTo(-1);
        assertThat(v6.sampleCount()).isZero();
        assertThat(grid.cells().get(0).sampleCount()).isEqualTo(250);

        EcgPaperLayout rows = layout(s, EcgLayout.TWELVE_BY_ONE, PaperSpeed.STANDARD, PaperGain.STANDARD, 1, 0);
        assertThat(rows.cells()).hasSize(13);
        assertThat(rows.cells().get(12).label()).isEqualTo("Resp");
        assertThat(rows.cells().get(12).leadIndex()).isEqualTo(11);
    }

    @Test
    void longRecordsScrollInTime() {
        Signal thirty = new Signal(500, 15000, TWELVE);
        EcgPaperLayout l = layout(thirty, EcgLayout.THREE_BY_FOUR, PaperSpeed.STANDARD, PaperGain.STANDARD, 1, 20);
        assertThat(l.maxStartSeconds()).isCloseTo(20, within(1e-12));
        assertThat(l.cells().get(0).firstSample()).isEqualTo(10000);
        assertThat(l.cells().get(12).firstSample()).isEqualTo(10000);
        assertThat(l.cells().get(12).sampleCount()).isEqualTo(5000);
        assertThat(l.cells().get(11).firstSample()).isEqualTo(13750);
    }
}
