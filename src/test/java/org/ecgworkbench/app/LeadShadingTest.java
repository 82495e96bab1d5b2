package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecgworkbench.app.ExplanationFixtures.explained;
import static org.ecgworkbench.app.ExplanationFixtures.record;
import static org.ecgworkbench.app.ExplanationFixtures.spike;
import static org.ecgworkbench.app.ExplanationFixtures.window;

import java.util.Arrays;
import java.util.List;
import org.ecgworkbench.model.Explanation;
import org.ecgworkbench.record.EcgRecord;
import org.junit.jupiter.api.Test;

/** The explanation's window time mapped onto the record's samples. */
class LeadShadingTest {

    @Test
    void aResampledWindowLandsAtTheSameTimeInTheRecord() {
        // The record at 250 Hz, the pipeline at 500 Hz: window sample 1000 (2.0 s) is record sample 500.
        EcgRecord r = record("R", 250, 2500, List.of());
        var e = explained("R", List.of("A"), window(500, 0, 5000, 0, 5000, spike("A", 5000, 500, 1, 1000)));
        LeadShading s = LeadShading.of(r, e, List.of());
        assertThat(s.codes()).containsExactly("A");
        assertThat(s.intensity()).hasNumberOfRows(12);
        assertThat(s.intensity()[1][500]).isEqualTo(1f);
        assertThat(s.intensity()[1][0]).isZero();
        // Smoothed over 0.08 s (40 window samples, about ±10 record samples) and only in lead II.
        assertThat(s.intensity()[1][496]).isEqualTo(1f);
        assertThat(s.intensity()[1][520]).isZero();
        assertThat(s.intensity()[0][500]).isZero();
        assertThat(s.isEmpty()).isFalse();
        assertThat(s.max(1, 0, 400)).isZero();
        assertThat(s.max(1, 400, 600)).isEqualTo(1f);
    }

    @Test
    void centredPaddingShiftsTheWindowAndPaddingIsNeverShaded() {
        // 500 Hz record of 1000 samples, centred in a 2000-sample window: window sample 500 + i is record sample i.
        EcgRecord r = record("R", 500, 1000, List.of());
        var e = explained("R", List.of("A"), window(500, -500, 2000, 500, 1500,
                spike("A", 2000, 500, 0, 700)));
        LeadShading s = LeadShading.of(r, e, List.of("A"));
        assertThat(s.intensity()[0][200]).isEqualTo(1f);
        assertThat(s.intensity()[0][0]).isZero();

        // Relevance in the padding maps to no record sample.
        var padded = explained("R", List.of("A"), window(500, -500, 2000, 500, 1500, spike("A", 2000, 500, 0, 100)));
        assertThat(LeadShading.of(r, padded, List.of()).isEmpty()).isTrue();
    }

    @Test
    void classesCombineByTheirMaximumAndOtherLeadsStayClear() {
        EcgRecord r = record("R", 500, 5000, List.of(), "Pleth");
        var e = explained("R", List.of("A", "B"), window(500, 0, 5000, 0, 5000,
                spike("A", 5000, 500, 6, 1000), spike("B", 5000, 500, 6, 3000)));
        LeadShading both = LeadShading.of(r, e, List.of());
        assertThat(both.intensity()).hasNumberOfRows(13);
        assertThat(both.intensity()[6][1000]).isEqualTo(1f);
        assertThat(both.intensity()[6][3000]).isEqualTo(1f);
        assertThat(both.max(12, 0, 5000)).isZero();
        LeadShading onlyB = LeadShading.of(r, e, List.of("B"));
        assertThat(onlyB.codes()).containsExactly("B");
        assertThat(onlyB.intensity()[6][1000]).isZero();
        assertThat(onlyB.intensity()[6][3000]).isEqualTo(1f);
    }

    @Test
    void onlyTheStrongestTenPercentOfEachLeadIsShaded() {
        // A ramp over lead I (sample k has relevance k + 1) and a flat lead II: of 5000 samples, 500 are kept in lead I.
        EcgRecord r = record("R", 500, 5000, List.of());
        float[][] relevance = new float[12][5000];
        for (int k = 0; k < 5000; k++) {
            relevance[0][k] = k + 1;
            relevance[1][k] = 2500; // every sample ties: all stay (ties with the weakest kept one are kept)
        }
        var ramp = new Explanation("A", "gradient_x_input", 5000, 500, relevance);
        LeadShading s = LeadShading.of(r, explained("R", List.of("A"), window(500, 0, 5000, 0, 5000, ramp)), List.of());
        int kept = 0;
        for (float v : s.intensity()[0]) if (v > 0) kept++;
        assertThat(kept).isEqualTo(500);
        assertThat(LeadShading.SHADED_FRACTION).isEqualTo(0.10);
        // Smoothing (0.08 s = 40 samples) moves the ramp by a sample or two at most; the kept part is its top.
        assertThat(s.intensity()[0][4499]).isZero();
        assertThat(s.intensity()[0][4500]).isPositive();
        assertThat(s.intensity()[0][4999]).isPositive();
        assertThat(s.max(0, 0, 4490)).isZero();
        // Kept samples keep their strength (darker = stronger).
        assertThat(s.intensity()[0][4980]).isGreaterThan(s.intensity()[0][4510]);
    }

    @Test
    void theCutKeepsExactlyTheTopShareAndNeverAZero() {
        float[] lead = new float[100];
        for (int k = 0; k < 100; k++) lead[k] = k; // 0 … 99
        LeadShading.keepStrongest(lead, 0.10);
        for (int k = 0; k < 90; k++) assertThat(lead[k]).as("sample %d", k).isZero();
        for (int k = 90; k < 100; k++) assertThat(lead[k]).as("sample %d", k).isEqualTo(k);

        float[] sparse = new float[100];
        sparse[3] = 0.2f;
        sparse[70] = 1f;
        LeadShading.keepStrongest(sparse, 0.10);
        assertThat(sparse[3]).as("fewer positive samples than the share: all stay").isEqualTo(0.2f);
        assertThat(sparse[70]).isEqualTo(1f);

        float[] ties = new float[100];
        Arrays.fill(ties, 0.5f);
        ties[0] = 1f;
        LeadShading.keepStrongest(ties, 0.10);
        assertThat(ties).as("ties with the weakest kept value stay").containsOnly(1f, 0.5f);
    }
}
