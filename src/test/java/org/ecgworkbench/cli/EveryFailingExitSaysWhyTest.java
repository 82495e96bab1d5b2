package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 7: every command, given input it cannot use (a missing file, an empty folder, a
 * wrong option), exits with a non-zero code and says why in one {@code error:} line on stderr; and a
 * dataset folder reached through a symbolic link is walked like any other.
 */
class EveryFailingExitSaysWhyTest {

    @TempDir
    static Path tmp;

    /** Failing invocations per command; every command the program has must have some. */
    private static Map<String, List<String[]>> cases() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        String missing = tmp.resolve("missing.hea").toString();
        String missingDir = tmp.resolve("missing-dir").toString();
        String model = tmp.resolve("missing.ecgmodel").toString();
        String out = tmp.resolve("out").toString();
        Map<String, List<String[]>> c = new LinkedHashMap<>();
        c.put("inspect", cmds(new String[] {"inspect", missing}, new String[] {"inspect", empty.toString()},
                new String[] {"inspect"}));
        c.put("scan", cmds(new String[] {"scan", missingDir}, new String[] {"scan", empty.toString()},
                new String[] {"scan", "--bogus", empty.toString()}));
        c.put("export", cmds(new String[] {"export", missing, "--to", "csv", "--out", out + ".csv"},
                new String[] {"export", missing, "--to", "nonsense", "--out", out + ".csv"}));
        c.put("preprocess", cmds(new String[] {"preprocess", missing, "--out", out + "-p.csv"}));
        c.put("synth", cmds(new String[] {"synth", "--count", "0", "--out", out + "-synth"}));
        c.put("train", cmds(new String[] {"train", "--data", missingDir, "--out", out + "-run1"},
                new String[] {"train", "--data", empty.toString(), "--out", out + "-run2"},
                new String[] {"train", "--resume", missingDir}));
        c.put("evaluate", cmds(new String[] {"evaluate", "--model", model, empty.toString()},
                new String[] {"evaluate", empty.toString()}));
        c.put("predict", cmds(new String[] {"predict", missing}, new String[] {"predict", empty.toString()},
                new String[] {"predict", "--model", model, missing}));
        c.put("score", cmds(new String[] {"score", "--outputs", missingDir, empty.toString()},
                new String[] {"score", empty.toString()}));
        c.put("measure-score", cmds(new String[] {"measure-score", missingDir}, new String[] {"measure-score", empty.toString()},
                new String[] {"measure-score", "--ludb-csv", missing, empty.toString()}));
        c.put("measure", cmds(new String[] {"measure", missing}, new String[] {"measure", empty.toString()},
                new String[] {"measure", "--threads", "0", empty.toString()}));
        c.put("bench", cmds(new String[] {"bench", "--arch", "nonsense"}));
        c.put("runs", cmds(new String[] {"runs"}, new String[] {"runs", "show", "nonesuch", "--workspace", empty.toString()},
                new String[] {"runs", "compare", "nonesuch", "--workspace", empty.toString()},
                new String[] {"runs", "resume", "nonesuch", "--workspace", empty.toString()},
                new String[] {"runs", "cancel", missingDir},
                new String[] {"runs", "list", "--workspace", empty.toString(), "--bogus"}));
        c.put("nonsense", cmds(new String[] {"nonsense"}));
        return c;
    }

    private static List<String[]> cmds(String[]... invocations) {
        return List.of(invocations);
    }

    @Test
    void everyCommandHasFailingCases() throws IOException {
        Set<String> commands = new TreeSet<>(EcgWorkbenchCommand.commandLine().getSubcommands().keySet());
        commands.removeAll(Set.of("help"));
        assertThat(cases().keySet()).containsAll(commands);
    }

    @TestFactory
    Stream<DynamicTest> everyNonZeroExitPrintsAnErrorLine() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> e : cases().entrySet()) {
            for (String[] args : e.getValue()) {
                tests.add(DynamicTest.dynamicTest(String.join(" ", args), () -> {
                    CliRunner r = CliRunner.run(args);
                    assertTrue(r.exitCode() != 0, "expected a failure: " + r.out() + r.err());
                    assertThat(r.err().lines().filter(l -> l.startsWith("error: ") && l.length() > "error: ".length()))
                            .as("stderr of exit %d: %s", r.exitCode(), r.err()).isNotEmpty();
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void aRecordNamedByItsSignalFileOrBarePathIsUsedAndAFailureNamesItOnce() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("named"));
        TestRecords.challengeRecord(dir, "A0003", 1000, "426783006");
        for (String given : new String[] {"A0003.mat", "A0003", "A0003.hea"}) {
            CliRunner r = CliRunner.run("predict", dir.resolve(given).toString());
            assertEquals(0, r.exitCode(), given + ": " + r.err());
            assertThat(r.out()).contains("A0003");
        }
        Files.write(dir.resolve("A0003.mat"), new byte[100]); // damaged
        CliRunner r = CliRunner.run("predict", dir.resolve("A0003.mat").toString());
        assertEquals(2, r.exitCode());
        String failed = r.err().lines().filter(l -> l.startsWith("failed: ")).findFirst().orElseThrow();
        assertEquals(failed.indexOf("A0003.mat"), failed.lastIndexOf("A0003.mat"), "the signal file named once: " + failed);
        assertEquals(failed.indexOf("A0003.hea"), failed.lastIndexOf("A0003.hea"), "the header named once: " + failed);
    }

    @Test
    void aSymlinkedDatasetFolderIsWalkedAndLinkLoopsEnd() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real-data"));
        TestRecords.challengeRecord(real, "A0001", 1000, "426783006");
        Files.createDirectories(real.resolve("nested"));
        TestRecords.challengeRecord(real.resolve("nested"), "A0002", 1000, "164889003");
        Files.createSymbolicLink(real.resolve("nested/back-up"), real); // a loop
        Path linked = Files.createSymbolicLink(tmp.resolve("linked-data"), real);
        CliRunner scan = CliRunner.run("scan", linked.toString());
        assertEquals(0, scan.exitCode(), scan.out() + scan.err());
        assertThat(scan.out()).startsWith("2 records read, 0 failed");
        CliRunner predict = CliRunner.run("predict", linked.toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertThat(predict.out()).contains("A0001").contains("A0002");
    }
}
