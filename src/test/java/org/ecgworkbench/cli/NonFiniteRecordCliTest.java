package org.ecgworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 9: calibration that makes samples non-finite or the rate absurd is refused at read
 * time by every command, with the field named; implausible-but-finite calibration is read, and the
 * warning is shown by every command that uses the record.
 */
class NonFiniteRecordCliTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> absurdCalibrationIsRefusedByEveryCommand() throws IOException {
        Path base = TestRecords.challengeRecord(tmp, "BASE", 1000, "426783006");
        String text = Files.readString(base);
        List<Object[]> probes = List.of(
                new Object[] {"tinygain", text.replace(" 1000/mV ", " 1e-300/mV "), "gain of signal 1"},
                new Object[] {"hugegain", text.replace(" 1000/mV ", " 1e300/mV "), "gain of signal 1"},
                new Object[] {"neggain", text.replace(" 1000/mV ", " -1000/mV "), "gain of signal 1"},
                new Object[] {"tinyfs", text.replaceFirst("^BASE 12 500 ", "BASE 12 1e-300 "), "sampling frequency"},
                new Object[] {"hugefs", text.replaceFirst("^BASE 12 500 ", "BASE 12 1000000 "), "sampling frequency"});
        List<DynamicTest> tests = new ArrayList<>();
        for (Object[] p : probes) {
            String id = (String) p[0];
            Path dir = Files.createDirectories(tmp.resolve(id));
            Files.copy(tmp.resolve("BASE.mat"), dir.resolve("BASE.mat"));
            Path header = Files.writeString(dir.resolve("BASE.hea"), (String) p[1]);
            String field = (String) p[2];
            Path csv = tmp.resolve(id + ".csv");
            tests.add(DynamicTest.dynamicTest("inspect " + id, () -> assertRefused(field, "inspect", header.toString())));
            tests.add(DynamicTest.dynamicTest("export " + id, () -> {
                assertRefused(field, "export", header.toString(), "--to", "csv", "--out", csv.toString());
                assertFalse(Files.exists(csv));
            }));
            tests.add(DynamicTest.dynamicTest("predict " + id, () -> assertRefused(field, "predict", header.toString())));
            tests.add(DynamicTest.dynamicTest("scan " + id, () -> assertRefused(field, "scan", header.toString())));
            tests.add(DynamicTest.dynamicTest("scan --verify " + id, () -> assertRefused(field, "scan", "--verify", header.toString())));
        }
        return tests.stream();
    }

    @Test
    void implausibleButFiniteCalibrationIsReadAndWarnedAboutByEveryCommand() throws IOException {
        // Gain 1 ADC unit per mV: the 1600-unit swings read as 1.6 V, finite but far outside an ECG's range.
        Path header = TestRecords.challengeRecord(tmp, "LOUD", 1, "426783006");
        String[][] commands = {
            {"inspect", header.toString()},
            {"export", header.toString(), "--to", "csv", "--out", tmp.resolve("loud.csv").toString()},
            {"predict", header.toString()},
            {"preprocess", header.toString(), "--out", tmp.resolve("loud-pre.csv").toString()},
        };
        for (String[] c : commands) {
            CliRunner r = CliRunner.run(c);
            assertEquals(0, r.exitCode(), c[0] + ": " + r.err());
            assertTrue((r.out() + r.err()).contains("implausible amplitude"), c[0] + " shows the warning: " + r.out() + r.err());
        }
    }

    private static void assertRefused(String field, String... args) {
        CliRunner r = CliRunner.run(args);
        String all = r.out() + r.err();
        assertEquals(2, r.exitCode(), String.join(" ", args) + " -> " + all);
        assertTrue(all.contains(field), "names " + field + ": " + all);
        assertFalse(all.contains("Infinity") || all.contains("NaN"), all);
    }
}
