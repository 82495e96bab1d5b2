package org.ecgworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue-14 probes: a header whose signal-file field points outside its folder (an absolute path,
 * a {@code ..} path, a symbolic link leading out) is refused by every command that reads records, with
 * exit 2 and a message naming the header and the field; nothing of the outside file is written out.
 * A symbolic link that stays inside the folder is still read.
 */
class RecordFolderConfinementCliTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyReadingCommandRefusesAFileOutsideTheRecordFolder() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        // A perfectly valid signal file, so nothing but confinement can stop the read.
        Path valid = TestRecords.challengeRecord(outside, "SECRET", 1000, "426783006");
        Path secret = outside.resolve("SECRET.mat");
        Path folder = Files.createDirectories(tmp.resolve("records"));
        List<Path> headers = new ArrayList<>();
        headers.add(pointingAt(folder, "absolute", secret.toAbsolutePath().toString(), valid));
        headers.add(pointingAt(folder, "dotdot", "../outside/SECRET.mat", valid));
        headers.add(pointingAt(folder, "etcpasswd", "../../../../../../../../etc/passwd", valid));
        headers.add(pointingAt(folder, "rootpasswd", "/etc/passwd", valid));
        Files.createSymbolicLink(folder.resolve("link.mat"), secret.toAbsolutePath());
        headers.add(pointingAt(folder, "symlinkout", "link.mat", valid));
        Files.createDirectories(folder.resolve("sub"));
        Files.createSymbolicLink(folder.resolve("sub/up"), outside.toAbsolutePath());
        headers.add(pointingAt(folder, "dirlinkout", "sub/up/SECRET.mat", valid));

        List<DynamicTest> tests = new ArrayList<>();
        for (Path header : headers) {
            String name = header.getFileName().toString();
            tests.add(DynamicTest.dynamicTest("inspect " + name, () -> assertRefused(header, "inspect", header.toString())));
            tests.add(DynamicTest.dynamicTest("export " + name, () -> {
                Path out = tmp.resolve("out-" + name + ".csv");
                assertRefused(header, "export", header.toString(), "--to", "csv", "--out", out.toString());
                assertFalse(Files.exists(out), "nothing written");
            }));
            tests.add(DynamicTest.dynamicTest("predict " + name, () -> assertRefused(header, "predict", header.toString())));
            tests.add(DynamicTest.dynamicTest("scan --verify " + name,
                    () -> assertRefused(header, "scan", "--verify", header.toString())));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aSymbolicLinkThatStaysInsideTheFolderIsRead() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("inside"));
        Path header = TestRecords.challengeRecord(folder, "R1", 1000, "426783006");
        Files.createDirectories(folder.resolve("data"));
        Files.move(folder.resolve("R1.mat"), folder.resolve("data/R1-samples.mat"));
        Files.createSymbolicLink(folder.resolve("R1.mat"), Path.of("data/R1-samples.mat"));
        return Stream.of(
                DynamicTest.dynamicTest("inspect", () -> assertEquals(0, CliRunner.run("inspect", header.toString()).exitCode())),
                DynamicTest.dynamicTest("export", () -> assertEquals(0, CliRunner.run("export", header.toString(), "--to", "csv",
                        "--out", tmp.resolve("inside.csv").toString()).exitCode())),
                DynamicTest.dynamicTest("scan --verify", () -> assertEquals(0, CliRunner.run("scan", "--verify", header.toString()).exitCode())));
    }

    /** A copy of {@code template}'s header whose every signal line names {@code fileName}. */
    private static Path pointingAt(Path folder, String id, String fileName, Path template) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<String> lines = Files.readAllLines(template);
        sb.append(lines.get(0).replaceFirst("^\\S+", id)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            sb.append(line.startsWith("#") ? line : line.replaceFirst("^\\S+", Matcher.quoteReplacement(fileName)))
                    .append('\n');
        }
        Path header = folder.resolve(id + ".hea");
        Files.writeString(header, sb);
        return header;
    }

    private static void assertRefused(Path header, String... args) {
        CliRunner r = CliRunner.run(args);
        String all = r.out() + r.err();
        assertEquals(2, r.exitCode(), String.join(" ", args) + " -> " + all);
        // scan lists its failures in its report (stdout); the other commands on stderr.
        assertTrue(all.contains(header + ": file of signal 1"), "names the header and the field: " + all);
        assertTrue(all.contains("inside the header's folder"), "says the rule: " + all);
        // The outside file's content never reaches the output (MAT v4 name 'val' or /etc/passwd's root line).
        assertFalse(r.out().contains("root:"), r.out());
    }
}
