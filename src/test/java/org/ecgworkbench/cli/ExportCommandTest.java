package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void wfdbExportOfAChallengeRecordIsByteIdentical() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = Files.createDirectories(dir.resolve("out"));
        TestRecords.challengeRecord(in, "A0007", 1000, "426783006,164889003");
        CliRunner r = CliRunner.run("export", in.resolve("A0007.hea").toString(), "--to", "wfdb", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(out.resolve("A0007.hea"))).isEqualTo(Files.readAllBytes(in.resolve("A0007.hea")));
        assertThat(Files.readAllBytes(out.resolve("A0007.mat"))).isEqualTo(Files.readAllBytes(in.resolve("A0007.mat")));
    }

    @Test
    void correctedGainIsWrittenAsOneThousand() throws Exception {
        TestRecords.challengeRecord(dir, "E00007", 4880, "");
        Path target = dir.resolve("fixed.hea");
        assertThat(CliRunner.run("export", dir.resolve("E00007").toString(), "--to", "wfdb", "--out", target.toString()).exitCode()).isZero();
        assertThat(Files.readString(target)).startsWith("fixed 12 500 1000").contains("fixed.mat 16+24 1000/mV");
        EcgRecord original = EcgRecordReader.read(dir.resolve("E00007"));
        EcgRecord copy = EcgRecordReader.read(target);
        assertThat(copy.gainCorrected()).isFalse();
        assertThat(copy.leads().get(5).millivolts()).containsExactly(original.leads().get(5).millivolts());
    }

    @Test
    void csvHasATimeColumnAndOneColumnPerLeadInMillivolts() throws Exception {
        TestRecords.challengeRecord(dir, "A0008", 1000, "");
        Path csv = dir.resolve("a.csv");
        CliRunner r = CliRunner.run("export", dir.resolve("A0008.hea").toString(), "--to", "csv", "--out", csv.toString());
        assertThat(r.exitCode()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1001);
        assertThat(lines.get(0)).isEqualTo("time_s,I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6");
        EcgRecord rec = EcgRecordReader.read(dir.resolve("A0008.hea"));
        String[] row = lines.get(3).split(",");
        assertThat(row[0]).isEqualTo("0.004");
        for (int l = 0; l < 12; l++) {
            assertThat(Float.parseFloat(row[l + 1])).isEqualTo(rec.leads().get(l).millivolts()[2]);
        }
    }

    @Test
    void matExportReadsBackWithTheSameValuesRateLeadsAndLabels() throws Exception {
        TestRecords.challengeRecord(dir, "E00010", 4880, "164889003,59118001");
        Path mat = dir.resolve("out.mat");
        CliRunner r = CliRunner.run("export", dir.resolve("E00010").toString(), "--to", "mat", "--out", mat.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        EcgRecord original = EcgRecordReader.read(dir.resolve("E00010"));
        EcgRecord copy = EcgRecordReader.read(mat);
        assertThat(copy.id()).isEqualTo("E00010");
        assertThat(copy.fs()).isEqualTo(500);
        assertThat(copy.dx()).containsExactly("164889003", "59118001");
        assertThat(copy.age()).isEqualTo(original.age());
        assertThat(copy.sex()).isEqualTo(original.sex());
        assertThat(copy.leads()).extracting(l -> l.name()).containsExactlyElementsOf(original.leads().stream().map(l -> l.name()).toList());
        for (int l = 0; l < 12; l++) {
            assertThat(copy.leads().get(l).millivolts()).containsExactly(original.leads().get(l).millivolts());
        }
    }

    @Test
    void neverOverwritesWithoutForceAndNeverTheInput() throws Exception {
        TestRecords.challengeRecord(dir, "A0009", 1000, "");
        Path csv = dir.resolve("exists.csv");
        Files.writeString(csv, "mine");
        CliRunner refused = CliRunner.run("export", dir.resolve("A0009").toString(), "--to", "csv", "--out", csv.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("exists.csv").contains("--force");
        assertThat(Files.readString(csv)).isEqualTo("mine");
        assertThat(CliRunner.run("export", dir.resolve("A0009").toString(), "--to", "csv", "--out", csv.toString(), "--force").exitCode()).isZero();
        assertThat(Files.readString(csv)).startsWith("time_s");

        byte[] before = Files.readAllBytes(dir.resolve("A0009.mat"));
        CliRunner self = CliRunner.run("export", dir.resolve("A0009").toString(), "--to", "wfdb", "--out", dir.resolve("A0009.hea").toString(), "--force");
        assertThat(self.exitCode()).isEqualTo(2);
        assertThat(self.err()).contains("input file");
        assertThat(Files.readAllBytes(dir.resolve("A0009.mat"))).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
