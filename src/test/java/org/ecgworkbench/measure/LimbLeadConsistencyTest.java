package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.RecordFormatException;
import org.junit.jupiter.api.Test;

class LimbLeadConsistencyTest {

    @Test
    void recordsThatObeyEinthovensLawKeepTheirAmplitudes() {
        // Its 0.2-Hz wander is the same in every lead, which no body makes: the check takes wander out first.
        LeadMatrix leads = MeasurementWavesTest.record(500, 55, 40, 25, MeasurementWavesTest.TWELVE);
        assertThat(LimbLeadConsistency.problem(leads)).isEmpty();
        Measurement m = Measurement.of(leads);
        assertThat(m.axes().qrsDeg()).isPresent();
        assertThat(m.voltages().sokolowLyonMv()).isPresent();
        assertThat(m.warnings()).noneMatch(w -> w.contains("Einthoven"));
    }

    @Test
    void aWronglyScaledLeadLeavesAmplitudesVoltagesAndAxesUnmeasured() {
        LeadMatrix good = MeasurementWavesTest.record(500, 55, 40, 25, MeasurementWavesTest.TWELVE);
        double[][] x = good.samples().clone();
        int iii = good.names().indexOf("III");
        x[iii] = x[iii].clone();
        for (int i = 0; i < x[iii].length; i++) x[iii][i] *= 1.6;
        LeadMatrix bad = new LeadMatrix(good.names(), x, good.fs());
        assertThat(LimbLeadConsistency.problem(bad)).get().asString().contains("Einthoven's law");
        Measurement m = Measurement.of(bad);
        assertThat(m.axes()).isEqualTo(FrontalAxes.NONE);
        assertThat(m.voltages()).isEqualTo(Voltages.NONE);
        assertThat(m.leads()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.rMv()).isEmpty();
            assertThat(l.sMv()).isEmpty();
            assertThat(l.stJMv()).isEmpty();
        });
        assertThat(m.leads()).anySatisfy(l -> assertThat(l.rMs()).isPresent());
        assertThat(m.intervals().qrsMs()).isPresent();
        assertThat(m.warnings()).anyMatch(w -> w.startsWith("amplitudes, voltages and axes not measurable"));
        assertThat(m.statements()).noneMatch(s -> s.abbrev().equals("LQRSV"));
    }

    @Test
    void withoutTheThreeLimbLeadsThereIsNothingToCheck() {
        LeadMatrix leads = MeasurementWavesTest.record(500, 55, 40, 25, List.of("II", "V1", "V5"));
        assertThat(LimbLeadConsistency.problem(leads)).isEmpty();
    }

    /** Every real CinC record with I, II and III passes; every LUDB record of the shared copy (per-lead gains) fails. */
    @Test
    void realRecords() throws IOException, RecordFormatException {
        Path shared = Path.of(System.getProperty("ecg.shared.data", "../shared/data"));
        assumeTrue(Files.isDirectory(shared.resolve("cinc2020-fixtures")), "shared data not present");
        List<String> refused = new ArrayList<>();
        int checked = 0;
        for (String folder : List.of("cinc2020-fixtures", "cinc2021-sample", "cinc2021-relabelled")) {
            try (Stream<Path> s = Files.list(shared.resolve(folder))) {
                for (Path h : s.filter(p -> p.toString().endsWith(".hea")).sorted().toList()) {
                    LeadMatrix leads;
                    try {
                        leads = LeadMatrix.of(EcgRecordReader.read(h));
                    } catch (RecordFormatException e) {
                        continue; // the readers' own tests cover unreadable fixtures
                    }
                    if (!leads.names().containsAll(List.of("I", "II", "III"))) continue;
                    checked++;
                    if (LimbLeadConsistency.problem(leads).isPresent()) refused.add(h.getFileName().toString());
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(refused).as("CinC records refused").isEmpty();
        if (LudbRecords.present()) {
            assertThat(LudbRecords.all()).allSatisfy(e -> assertThat(LimbLeadConsistency.problem(e.leads())).isPresent());
            assertThat(LudbRecords.all()).allSatisfy(
                    e -> assertThat(LimbLeadConsistency.problem(LudbRecords.atCommonGain(e.record()))).isEmpty());
        }
    }
}
