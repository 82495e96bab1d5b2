package org.ecgworkbench.record;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record's references to other files stay inside its header's folder, and only {@link RecordFolder} makes them paths. */
class RecordFolderTest {

    @TempDir
    Path tmp;

    @Test
    void readersTurnNamesFromFilesIntoPathsOnlyThroughRecordFolder() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ecgworkbench.record");
        // RecordLocator handles paths the user typed, writers paths the user chose; every reader that
        // follows a name read from a file (today WFDB signal files; later DICOM, aECG, ...) must use RecordFolder.
        DescribedPredicate<JavaClass> exempt = DescribedPredicate.describe("RecordFolder, RecordLocator or a writer",
                c -> c.getSimpleName().startsWith("RecordFolder") || c.getSimpleName().equals("RecordLocator")
                        || c.getSimpleName().endsWith("Writer") || c.getSimpleName().equals("AtomicFiles"));
        noClasses().that().resideInAPackage("org.ecgworkbench.record..").and(DescribedPredicate.not(exempt))
                .should().callMethod(Path.class, "resolve", String.class)
                .orShould().callMethod(Path.class, "resolve", Path.class)
                .orShould().callMethod(Path.class, "resolveSibling", String.class)
                .orShould().callMethod(Path.class, "resolveSibling", Path.class)
                .orShould().callMethod(Path.class, "of", String.class, String[].class)
                .orShould().callMethod(Paths.class, "get", String.class, String[].class)
                .because("a file name read from a record must be confined to the record's folder (issue 14)")
                .check(classes);
    }

    @Test
    void refusesAbsoluteDotDotAndEscapingLinksNamingHeaderAndField() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("rec"));
        Path outside = Files.writeString(tmp.resolve("secret.dat"), "secret");
        Files.createSymbolicLink(folder.resolve("out.dat"), outside);
        Path header = folder.resolve("r.hea");
        RecordFolder f = RecordFolder.of(header);
        for (String name : new String[] {outside.toString(), "../secret.dat", "a/../../secret.dat", "..\\secret.dat", "out.dat",
                "/etc/passwd", "C:\\Windows\\win.ini", ".", "", "a/.."}) {
            RecordFormatException e = assertThrows(RecordFormatException.class, () -> f.referencedFile(name, "file of signal 2"),
                    name);
            assertEquals(header, e.file());
            assertEquals("file of signal 2", e.location());
            assertTrue(e.getMessage().startsWith(header + ": file of signal 2: "), e.getMessage());
        }
    }

    @Test
    void allowsPlainNamesSubfoldersAndLinksThatStayInside() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("rec"));
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data/a.dat"), "x");
        Files.writeString(folder.resolve("b.dat"), "x");
        Files.createSymbolicLink(folder.resolve("a.dat"), Path.of("data/a.dat"));
        // The folder itself reached through a link: confinement compares real paths on both sides.
        Path linkedFolder = Files.createSymbolicLink(tmp.resolve("linked"), folder);
        for (Path header : new Path[] {folder.resolve("r.hea"), linkedFolder.resolve("r.hea")}) {
            RecordFolder f = RecordFolder.of(header);
            assertEquals(header.resolveSibling("b.dat"), f.referencedFile("b.dat", "file"));
            assertEquals(header.resolveSibling("a.dat"), f.referencedFile("a.dat", "file"));
            assertEquals(header.resolveSibling("data/a.dat"), f.referencedFile("data/a.dat", "file"));
            assertEquals(header.resolveSibling("data/a.dat"), f.referencedFile("./data/a.dat", "file").normalize());
        }
    }

    @Test
    void saysWhatAFileThatIsNotASignalFileIs() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("rec"));
        Files.createDirectories(folder.resolve("dir.dat"));
        Files.createSymbolicLink(folder.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(folder.resolve("loop2"), Path.of("loop1"));
        Files.createSymbolicLink(folder.resolve("dangling.dat"), Path.of("nothing.dat"));
        RecordFolder f = RecordFolder.of(folder.resolve("r.hea"));
        assertMessage(f, "dir.dat", "is a folder");
        assertMessage(f, "loop1", "symbolic link loop");
        assertMessage(f, "dangling.dat", "symbolic link to a file that does not exist");
        assertMessage(f, "missing.dat", "not found");
        if (!System.getProperty("os.name").startsWith("Windows")) {
            Process p = new ProcessBuilder("mkfifo", folder.resolve("fifo.dat").toString()).start();
            if (p.waitFor() == 0) assertMessage(f, "fifo.dat", "named pipe (FIFO)");
        }
    }

    @Test
    void aRecordPathThatIsNoRegularFileSaysWhatItIs() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("given"));
        Files.createDirectories(folder.resolve("dir.hea"));
        Files.createSymbolicLink(folder.resolve("loop1.hea"), Path.of("loop2.hea"));
        Files.createSymbolicLink(folder.resolve("loop2.hea"), Path.of("loop1.hea"));
        Files.createSymbolicLink(folder.resolve("loop1.mat"), Path.of("loop2.mat"));
        Files.createSymbolicLink(folder.resolve("loop2.mat"), Path.of("loop1.mat"));
        assertLocatorMessage(folder.resolve("dir.hea"), "is a folder");
        assertLocatorMessage(folder.resolve("loop1.hea"), "symbolic link loop");
        assertLocatorMessage(folder.resolve("loop1.mat"), "symbolic link loop");
        if (!System.getProperty("os.name").startsWith("Windows")) {
            Process p = new ProcessBuilder("mkfifo", folder.resolve("fifo.mat").toString()).start();
            if (p.waitFor() == 0) assertLocatorMessage(folder.resolve("fifo.mat"), "named pipe (FIFO)");
        }
    }

    private static void assertLocatorMessage(Path path, String expected) {
        RecordFormatException e = assertThrows(RecordFormatException.class, () -> EcgRecordReader.read(path));
        assertTrue(e.getMessage().startsWith(path + ": ") && e.getMessage().contains(expected), e.getMessage());
    }

    private static void assertMessage(RecordFolder f, String name, String expected) {
        RecordFormatException e = assertThrows(RecordFormatException.class, () -> f.referencedFile(name, "file of signal 1"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
