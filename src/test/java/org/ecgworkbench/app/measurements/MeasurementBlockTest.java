package org.ecgworkbench.app.measurements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The block's text: rounded as a cart prints it, "—" for every value that could not be measured. */
class MeasurementBlockTest {

    @Test
    void anEmptyMeasurementReadsAsDashesWithItsWarning() {
        MeasurementBlock b = MeasurementBlock.of(MeasurementFixtures.empty());
        assertThat(b.intervals()).isEqualTo("Rate — bpm   PR — ms   QRS — ms   QT/QTcB/QTcF —/—/— ms");
        assertThat(b.axes()).isEqualTo("P/QRS/T axes —/—/—°   RR — ± — ms   P — ms   Sokolow–Lyon — mV   Cornell — mV");
        assertThat(b.statements()).isEqualTo("Statements: none made");
        assertThat(b.warnings()).containsExactly("rate not measurable: 0 beat(s) detected");
        assertThat(b.details()).contains("QTc Bazett — ms", "QTc Hodges — ms", "0 beats detected", "no beats", "not a diagnosis");
    }

    @Test
    void aFullMeasurementIsRoundedAndNamesEveryCorrection() {
        MeasurementBlock b = MeasurementBlock.of(MeasurementFixtures.full(List.of(MeasurementFixtures.IAVB, MeasurementFixtures.LAD)));
        // QTcB = 380 / sqrt(0.8) = 424.9; QTcF = 380 / cbrt(0.8) = 409.4.
        assertThat(b.intervals()).isEqualTo("Rate 75 bpm   PR 162 ms   QRS 92 ms   QT/QTcB/QTcF 380/425/409 ms");
        assertThat(b.axes()).isEqualTo("P/QRS/T axes 45/-30/—°   RR 800 ± 21 ms   P 100 ms   Sokolow–Lyon 2.10 mV   Cornell — mV");
        assertThat(b.statements()).isEqualTo("1st degree av block · left axis deviation");
        // Framingham: 380 + 154 × 0.2 = 410.8; Hodges: 380 + 1.75 × 15 = 406.25.
        assertThat(b.details()).contains("QTc Bazett 425 ms", "QTc Fridericia 409 ms", "QTc Framingham 411 ms",
                "QTc Hodges 406 ms", "Atrial rate 75 bpm", "2 beats detected", "median beat of 10 dominant beats");
        assertThat(b.warnings()).containsExactly("T axis not measurable: flat T waves");
        assertThat(b.text()).hasLineCount(3);
    }

    @Test
    void theStatesBeforeAMeasurement() {
        assertThat(MeasurementBlock.NONE.text()).isEqualTo("No record");
        assertThat(MeasurementBlock.measuring("A5432").intervals()).isEqualTo("Measuring A5432 …");
        assertThat(MeasurementBlock.failed("A5432", "boom").warnings()).containsExactly("boom");
    }

    @Test
    void perLeadRowsPrintMillivoltsAndMilliseconds() {
        LeadRow r = LeadRow.of(MeasurementFixtures.lead("V1", 1.234));
        assertThat(r.lead()).isEqualTo("V1");
        assertThat(r.rMv()).isEqualTo("1.23");
        assertThat(r.pMs()).isEqualTo("96");
        assertThat(r.qMv()).isEqualTo("—");
        assertThat(r.rPrimeMs()).isEqualTo("—");
        assertThat(r.sMv()).isEqualTo("-0.30");
        assertThat(r.stJMv()).as("no -0.00").isEqualTo("0.00");
        assertThat(r.stJ60Mv()).isEqualTo("-0.05");
        assertThat(LeadRow.of(MeasurementFixtures.lead("II", -0.0001)).rMv()).isEqualTo("0.00");
    }
}
