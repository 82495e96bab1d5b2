package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's logic, with work run in place (no toolkit). */
class MainViewModelTest {

    @TempDir
    Path config;
    @TempDir
    Path data;

    MainViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new MainViewModel(BackgroundWork.direct(), new RecentFiles(config),
                new EcgViewerViewModel(DiagnosisCatalogue.standard()));
    }

    @Test
    void firstLaunchListsTheSamplesAndShowsTheFirst() {
        vm.showSamples();
        assertThat(vm.records()).extracting(RecordEntry::name)
                .containsExactly("00001_lr", "A5432", "E00009", "HR00599", "Q1805", "Q2428");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("00001_lr");
        assertThat(vm.viewer().recordProperty().get().id()).isEqualTo("00001_lr");
        assertThat(vm.titleProperty().get()).endsWith("00001_lr");
        assertThat(vm.busyProperty().get()).isFalse();
        // The samples are not "recent files": nothing the user chose.
        assertThat(vm.recentFiles()).isEmpty();
    }

    @Test
    void selectingARecordShowsIt() {
        vm.showSamples();
        vm.select(vm.records().get(2));
        assertThat(vm.viewer().recordProperty().get().id()).isEqualTo("E00009");
        assertThat(vm.viewer().patientProperty().get().warnings()).anyMatch(w -> w.contains("gain correction"));
        assertThat(vm.statusProperty().get()).startsWith("E00009: 12 leads, 10.0 s (5000 samples) at 500 Hz");
    }

    @Test
    void openingAFileOrAFolderShowsItAndRemembersIt() throws Exception {
        for (String f : new String[] {"HR00599.hea", "HR00599.mat", "Q1805.hea", "Q1805.mat"}) {
            Files.copy(SampleRecords.folder().resolve(f), data.resolve(f));
        }
        vm.open(data.resolve("Q1805.mat"));
        assertThat(vm.records()).extracting(RecordEntry::name).containsExactly("Q1805");
        assertThat(vm.viewer().recordProperty().get().id()).isEqualTo("Q1805");
        vm.open(data);
        assertThat(vm.records()).extracting(RecordEntry::name).containsExactly("HR00599", "Q1805");
        assertThat(vm.viewer().recordProperty().get().id()).isEqualTo("HR00599");
        assertThat(vm.recentFiles()).containsExactly(data.toAbsolutePath(), data.resolve("Q1805.mat").toAbsolutePath());

        // A new session sees the same recent files.
        MainViewModel again = new MainViewModel(BackgroundWork.direct(), new RecentFiles(config),
                new EcgViewerViewModel(DiagnosisCatalogue.standard()));
        assertThat(again.recentFiles()).containsExactlyElementsOf(vm.recentFiles());
    }

    @Test
    void aBadFileIsReportedAndTheShownRecordStays() throws Exception {
        vm.showSamples();
        Path bad = data.resolve("broken.hea");
        Files.writeString(bad, "broken 12 500\n");
        vm.open(bad);
        assertThat(vm.statusProperty().get()).contains("broken.hea");
        assertThat(vm.viewer().recordProperty().get().id()).isEqualTo("00001_lr");
        assertThat(vm.busyProperty().get()).isFalse();
        vm.open(data.resolve("nothing-here.hea"));
        assertThat(vm.statusProperty().get()).startsWith("No such file");
        vm.open(Files.createDirectory(data.resolve("empty")));
        assertThat(vm.statusProperty().get()).startsWith("No records");
    }
}
