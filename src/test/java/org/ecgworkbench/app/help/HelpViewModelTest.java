package org.ecgworkbench.app.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.model.SoftwareVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Help menu's texts: About says what the repository says, and the user guide is always an existing document. */
class HelpViewModelTest {

    @TempDir
    Path temp;

    @Test
    void aboutHasTheVersionTheDataCreditAndTheNotAMedicalDeviceStatement() {
        About about = About.current();
        assertThat(about.version()).isEqualTo(SoftwareVersion.current());
        assertThat(about.notAMedicalDevice()).startsWith("Not a medical device.")
                .contains("must not be used for the care of patients").doesNotContain(">").doesNotContain("**");
        assertThat(about.dataCredits()).contains("PhysioNet", "CC BY 4.0", "ODC-By", "Perez Alday");
        assertThat(about.text()).contains("ECG Workbench " + SoftwareVersion.current(), about.notAMedicalDevice(),
                "Perez Alday", "ControlsFX — BSD 3-Clause", "ChartFX — LGPL v3");
    }

    @Test
    void everyLicenceListedIsADependencyInThePom() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        List<Licence> licences = About.readLicences();
        assertThat(licences).extracting(Licence::name).contains("OpenJFX (JavaFX)", "ControlsFX", "ChartFX", "picocli", "Jackson");
        assertThat(licences).allSatisfy(l -> assertThat(pom).contains("<artifactId>" + l.artifact() + "</artifactId>"));
    }

    @Test
    void theStatementIsTheReadmes() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(About.plain(readme.replace("\n> ", " "))).contains(About.current().notAMedicalDevice());
    }

    @Test
    void inACheckoutTheGuideIsDocsUserGuide() throws Exception {
        List<String> opened = new ArrayList<>();
        HelpViewModel help = new HelpViewModel(Path.of("").toAbsolutePath(), temp, opened::add);
        UserGuide guide = help.openUserGuide();
        assertThat(guide.bundled()).isFalse();
        assertThat(guide.file()).isEqualTo(Path.of("docs", "user-guide.md").toAbsolutePath()).isRegularFile();
        assertThat(opened).containsExactly(guide.file().toUri().toString());
    }

    /** The packaged app has no docs folder: the bundled copy (the same text) is written out and opened. */
    @Test
    void withoutDocsTheBundledGuideIsWrittenOutAndOpened() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("installed"));
        List<String> opened = new ArrayList<>();
        HelpViewModel help = new HelpViewModel(elsewhere, temp.resolve("tmp"), opened::add);
        UserGuide guide = help.openUserGuide();
        assertThat(guide.bundled()).isTrue();
        assertThat(guide.file()).isRegularFile();
        assertThat(Files.readString(guide.file())).isEqualTo(Files.readString(Path.of("docs", "user-guide.md")))
                .isEqualTo(guide.text()).contains("# ");
        assertThat(opened).containsExactly(guide.file().toUri().toString());
        assertThat(help.statusProperty().get()).contains("desktop's viewer");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Path reference = temp.resolve("reference");
            Files.newOutputStream(reference).close();
            assertThat(Files.getPosixFilePermissions(guide.file())).as("a document the viewer opens, not a private 0600 file")
                    .isEqualTo(Files.getPosixFilePermissions(reference));
        }
    }

    @Test
    void noDesktopViewerStillGivesTheGuide() {
        HelpViewModel help = new HelpViewModel(temp, temp.resolve("tmp"), uri -> {
            throw new UnsupportedOperationException("no browser");
        });
        UserGuide guide = help.openUserGuide();
        assertThat(guide.file()).isRegularFile();
        assertThat(help.statusProperty().get()).contains("no browser", "shown in the window");
    }

    @Test
    void sectionsAndQuotesAreReadFromMarkdown() {
        String md = "# T\n\n## A\none\n### A1\ntwo\n## B\nthree\n\n> **Note.** first\n> second\n\nafter";
        assertThat(BundledText.section(md, "## A")).isEqualTo("one\n### A1\ntwo");
        assertThat(BundledText.quote(md, "**Note.**")).isEqualTo("**Note.** first second");
        assertThat(About.reflow("One\ntwo `x`.\n\nCite:\n\n- A, B.\n  C.\n- D.")).isEqualTo("One two `x`.\n\nCite:\n\n- A, B. C.\n- D.");
    }
}
