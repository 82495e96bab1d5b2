package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long recording measured window by window: every beat once, the rhythm of the whole, the intervals of the parts. */
class WindowedMeasurementTest {
    private static final double FS = 250;

    /** {@code tiles} copies of an 8-s stretch of ten beats 0.8 s apart: a seamless rhythm at 75 bpm. */
    private static LeadMatrix regular(int tiles) {
        double[] beats = new double[10];
        for (int i = 0; i < beats.length; i++) beats[i] = 0.4 + i * 0.8;
        LeadMatrix tile = QrsDetectorTest.synthetic(FS, 8, beats);
        int n = tile.length();
        double[][] x = new double[tile.leadCount()][n * tiles];
        for (int lead = 0; lead < x.length; lead++) {
            for (int t = 0; t < tiles; t++) System.arraycopy(tile.samples()[lead], 0, x[lead], t * n, n);
        }
        return new LeadMatrix(tile.names(), x, FS);
    }

    private static WindowedMeasurement.Source sliceOf(LeadMatrix leads) {
        return (first, count) -> {
            double[][] out = new double[leads.leadCount()][];
            for (int lead = 0; lead < out.length; lead++) {
                out[lead] = Arrays.copyOfRange(leads.samples()[lead], (int) first, (int) Math.min(leads.length(), first + count));
            }
            return out;
        };
    }

    @Test
    void everyBeatIsCountedOnceAndTheIntervalsAreThoseOfTheWholeRecording() throws Exception {
        LeadMatrix leads = regular(40); // 320 s: six windows
        WindowedMeasurement.Result r = WindowedMeasurement.of(leads.names(), FS, leads.length(), sliceOf(leads));
        Measurement whole = Measurement.of(leads);

        assertThat(r.windows()).isEqualTo(6);
        Measurement m = r.measurement();
        assertThat(m.beats()).hasSize(400);
        for (int i = 1; i < m.beats().size(); i++) {
            assertThat(m.beats().get(i).sample() - m.beats().get(i - 1).sample()).as("beat %d", i).isBetween(195, 205);
        }
        assertThat(m.intervals().rateBpm().getAsDouble()).isCloseTo(75, within(0.2));
        assertThat(m.intervals().rrSdMs().getAsDouble()).isLessThan(5);
        assertThat(m.intervals().qrsMs().getAsDouble()).isCloseTo(whole.intervals().qrsMs().getAsDouble(), within(8.0));
        assertThat(m.intervals().qtMs().getAsDouble()).isCloseTo(whole.intervals().qtMs().getAsDouble(), within(8.0));
        assertThat(m.qtcMs()).containsOnlyKeys(QtCorrection.values());
        assertThat(m.medians()).isPresent();
        assertThat(m.delineation()).isPresent();
    }

    @Test
    void aRecordingShorterThanOneWindowIsOneWindow() throws Exception {
        LeadMatrix leads = regular(3);
        WindowedMeasurement.Result r = WindowedMeasurement.of(leads.names(), FS, leads.length(), sliceOf(leads));
        assertThat(r.windows()).isEqualTo(1);
        assertThat(r.measurement().beats()).hasSize(30);
    }

    @Test
    void aFlatRecordingSaysWhatCannotBeMeasured() throws Exception {
        LeadMatrix flat = new LeadMatrix(List.of("I", "II", "V5"), new double[3][(int) (FS * 200)], FS);
        Measurement m = WindowedMeasurement.of(flat.names(), FS, flat.length(), sliceOf(flat)).measurement();
        assertThat(m.beats()).isEmpty();
        assertThat(m.intervals().rateBpm()).isEmpty();
        assertThat(m.intervals().qrsMs()).isEmpty();
        assertThat(m.warnings()).contains("rate not measurable: 0 beat(s) detected in the recording")
                .anyMatch(w -> w.startsWith("in 4 of 4 windows: ") && w.contains("not measurable"));
    }
}
