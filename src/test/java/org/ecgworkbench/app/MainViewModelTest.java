package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.ecgworkbench.app.dataset.DatasetBrowserRow;
import org.ecgworkbench.app.suggestions.SuggestedDiagnosesViewModel;
import org.ecgworkbench.app.viewer.EcgViewerViewModel;
import org.ecgworkbench.app.viewer.PaperSpeed;
import org.ecgworkbench.dataset.ChallengeSource;
import org.ecgworkbench.dataset.IndexedRecord;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.junit.jupiter.api.Assumptions;
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
    void theSuggestionsMeetTheViewerHere() {
        SuggestedDiagnosesViewModel suggestions = new SuggestedDiagnosesViewModel(BackgroundWork.direct(), DiagnosisCatalogue.standard(),
                (file, bundled) -> {
                    throw new IllegalStateException("no model in this test");
                });
        vm.connect(suggestions);
        vm.viewer().viewportWidthProperty().set(1060);
        vm.viewer().speedProperty().set(PaperSpeed.FAST);
        vm.open(SampleRecords.folder().resolve("A5432.hea"));
        // The suggestions predict the record shown, and mark the viewer's page on their timeline.
        assertThat(suggestions.recordProperty().get()).isSameAs(vm.viewer().recordProperty().get());
        assertThat(suggestions.pageSecondsProperty().get()).isEqualTo(5);
        // A window chosen on the timeline turns the viewer's page; the viewer shades what the suggestions explain.
        suggestions.chooseWindow(2.0);
        assertThat(vm.viewer().startSecondsProperty().get()).isEqualTo(2.0);
        assertThat(suggestions.pageStartSecondsProperty().get()).isEqualTo(2.0);
        assertThat(vm.viewer().shadingProperty().isBound()).isTrue();
        assertThat(vm.suggestions()).isSameAs(suggestions);
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
    void aSampleGivenByARelativePathIsTheSampleNotASecondEntry() {
        vm.showSamples();
        Path sample = SampleRecords.folder().resolve("A5432.hea").toAbsolutePath();
        Path relative = Path.of("").toAbsolutePath().relativize(sample);
        assertThat(relative.isAbsolute()).isFalse();
        vm.open(relative);
        assertThat(vm.records()).extracting(RecordEntry::name)
                .containsExactly("00001_lr", "A5432", "E00009", "HR00599", "Q1805", "Q2428");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("A5432");
        assertThat(vm.viewer().recordProperty().get().id()).isEqualTo("A5432");
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
        assertThat(vm.records()).extracting(RecordEntry::name).doesNotContain("broken");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("00001_lr");
        assertThat(vm.openErrorProperty().get().file()).isEqualTo(bad);
        vm.open(data.resolve("nothing-here.hea"));
        assertThat(vm.openErrorProperty().get().text()).contains("nothing-here.hea").contains("no such file");
        vm.open(Files.createDirectory(data.resolve("empty")));
        assertThat(vm.openErrorProperty().get().text()).contains("empty").contains("no records");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("00001_lr");
    }

    /** Issue 13, point 2: the wrong-patient display. */
    @Test
    void aHeaderWithoutItsSignalIsNotShownUnderItsNameAndTheGoodRecordStaysSelected() throws Exception {
        Files.copy(SampleRecords.folder().resolve("Q1805.hea"), data.resolve("Q1805.hea"));
        Path headerOnly = data.resolve("Q1805.hea");
        vm.open(SampleRecords.folder().resolve("A5432.hea"));
        assertThat(vm.titleProperty().get()).endsWith("A5432");

        vm.open(headerOnly);

        assertThat(vm.selectedProperty().get().name()).isEqualTo("A5432");
        assertThat(vm.records()).extracting(RecordEntry::name).containsExactly("A5432");
        assertThat(vm.titleProperty().get()).endsWith("A5432");
        assertThat(vm.viewer().patientProperty().get().id()).isEqualTo("A5432");
        assertThat(vm.viewer().recordProperty().get().id()).isEqualTo("A5432");
        MainViewModel.OpenError error = vm.openErrorProperty().get();
        assertThat(error.file()).isEqualTo(headerOnly);
        assertThat(error.text()).contains(headerOnly.toString()).contains("Q1805.mat");
        assertThat(vm.statusProperty().get()).contains(headerOnly.toString());
        // Not remembered as a recent file either.
        assertThat(vm.recentFiles()).doesNotContain(headerOnly.toAbsolutePath());

        vm.dismissOpenError();
        assertThat(vm.openErrorProperty().get()).isNull();
        // A good open clears a banner that was not dismissed.
        vm.open(headerOnly);
        assertThat(vm.openErrorProperty().get()).isNotNull();
        vm.open(SampleRecords.folder().resolve("HR00599.hea"));
        assertThat(vm.openErrorProperty().get()).isNull();
        assertThat(vm.selectedProperty().get().name()).isEqualTo("HR00599");
    }

    /** The case the issue was found with: CinC 2020's unlabelled I0001 header ships without its signal. */
    @Test
    void theRealHeaderWithoutSignalFromTheSharedDataIsNotShown() {
        Path data = Path.of(System.getProperty("ecg.shared.data", "../shared/data"));
        Path header = data.resolve("cinc2020-unlabelled/I0001.hea");
        Assumptions.assumeTrue(Files.isRegularFile(header) && !Files.exists(header.resolveSibling("I0001.mat")),
                "needs ../shared/data/cinc2020-unlabelled/I0001.hea without its signal");
        vm.showSamples();
        vm.open(header);
        assertThat(vm.selectedProperty().get().name()).isEqualTo("00001_lr");
        assertThat(vm.titleProperty().get()).endsWith("00001_lr");
        assertThat(vm.viewer().patientProperty().get().id()).isEqualTo("00001_lr");
        assertThat(vm.records()).noneMatch(e -> e.name().equals("I0001"));
        assertThat(vm.openErrorProperty().get().text()).contains("I0001.hea").contains("I0001.mat");
    }

    @Test
    void aDoubleClickInTheDatasetRoomOnARecordWithoutItsSignalKeepsTheShownRecord() throws Exception {
        Path headerOnly = Files.copy(SampleRecords.folder().resolve("Q1805.hea"), data.resolve("Q1805.hea"));
        vm.open(SampleRecords.folder().resolve("E00009.hea"));
        IndexedRecord indexed = new IndexedRecord(headerOnly, "Q1805", ChallengeSource.ofRecordId("Q1805"), 500, 5000, 12,
                OptionalDouble.empty(), Optional.empty(), List.of(), List.of());
        vm.datasetBrowser().openInViewer(DatasetBrowserRow.of(indexed, DiagnosisCatalogue.standard()));
        assertThat(vm.selectedProperty().get().name()).isEqualTo("E00009");
        assertThat(vm.titleProperty().get()).endsWith("E00009");
        assertThat(vm.records()).extracting(RecordEntry::name).containsExactly("E00009");
        assertThat(vm.openErrorProperty().get().file()).isEqualTo(headerOnly);
    }

    @Test
    void selectingARecordWhoseFilesVanishedGoesBackToTheRecordShown() throws Exception {
        for (String f : new String[] {"HR00599.hea", "HR00599.mat", "Q1805.hea", "Q1805.mat"}) {
            Files.copy(SampleRecords.folder().resolve(f), data.resolve(f));
        }
        vm.open(data);
        assertThat(vm.selectedProperty().get().name()).isEqualTo("HR00599");
        Files.delete(data.resolve("Q1805.mat"));
        vm.select(vm.records().get(1));
        assertThat(vm.selectedProperty().get().name()).isEqualTo("HR00599");
        assertThat(vm.viewer().recordProperty().get().id()).isEqualTo("HR00599");
        assertThat(vm.openErrorProperty().get().file()).isEqualTo(data.resolve("Q1805.hea"));
    }

    @Test
    void aRecentFileThatVanishedIsReportedAndForgotten() throws Exception {
        Files.copy(SampleRecords.folder().resolve("HR00599.hea"), data.resolve("HR00599.hea"));
        Files.copy(SampleRecords.folder().resolve("HR00599.mat"), data.resolve("HR00599.mat"));
        vm.showSamples();
        vm.open(data.resolve("HR00599.hea"));
        assertThat(vm.recentFiles()).containsExactly(data.resolve("HR00599.hea").toAbsolutePath());
        vm.select(vm.records().get(1));
        Files.delete(data.resolve("HR00599.hea"));

        vm.open(vm.recentFiles().get(0));

        assertThat(vm.openErrorProperty().get().text()).contains("HR00599.hea").contains("no such file");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("00001_lr");
        assertThat(vm.recentFiles()).isEmpty();
        assertThat(new RecentFiles(config).load()).isEmpty();
    }

    /** Reads finish in any order (two worker threads): the test delivers each result when it says. */
    static final class HeldWork implements BackgroundWork {
        final List<Runnable> results = new ArrayList<>();

        @Override
        public <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            // Only the reads are held; the measurement of a shown record answers at once.
            if (!title.startsWith("Reading")) {
                BackgroundWork.direct().run(title, work, onSuccess, onFailure);
                return;
            }
            try {
                T value = work.call();
                results.add(() -> onSuccess.accept(value));
            } catch (Exception e) {
                results.add(() -> onFailure.accept(e));
            }
        }

        void deliver(int request) {
            results.get(request).run();
        }
    }

    @Test
    void theLastOpenWinsAndAnOlderAnswerNeverReplacesANewerOne() throws Exception {
        Files.copy(SampleRecords.folder().resolve("Q1805.hea"), data.resolve("Q1805.hea"));
        Path headerOnly = data.resolve("Q1805.hea");
        Path a = SampleRecords.folder().resolve("A5432.hea");
        Path b = SampleRecords.folder().resolve("E00009.hea");
        HeldWork work = new HeldWork();
        MainViewModel m = new MainViewModel(work, new RecentFiles(config), new EcgViewerViewModel(DiagnosisCatalogue.standard()));

        // Two good opens, answered newest first: B stays; A joins the list but is neither shown nor selected.
        m.open(a);
        m.open(b);
        work.deliver(1);
        work.deliver(0);
        assertThat(m.viewer().recordProperty().get().id()).isEqualTo("E00009");
        assertThat(m.selectedProperty().get().name()).isEqualTo("E00009");
        assertThat(m.titleProperty().get()).endsWith("E00009");
        assertThat(m.records()).extracting(RecordEntry::name).containsExactlyInAnyOrder("A5432", "E00009");
        assertThat(m.busyProperty().get()).isFalse();

        // A failure overtaken by a good open: the stale failure neither reverts nor shows a banner.
        m.open(headerOnly);
        m.select(m.records().stream().filter(e -> e.name().equals("A5432")).findFirst().orElseThrow());
        work.deliver(3);
        work.deliver(2);
        assertThat(m.viewer().recordProperty().get().id()).isEqualTo("A5432");
        assertThat(m.selectedProperty().get().name()).isEqualTo("A5432");
        assertThat(m.openErrorProperty().get()).isNull();

        // A good open overtaken by a failing one (as at launch: the samples, then a file given on the command
        // line): the failure names its file, and the good record, read meanwhile, is what is shown and selected.
        m.open(b);
        m.open(headerOnly);
        work.deliver(4);
        assertThat(m.viewer().recordProperty().get().id()).isEqualTo("A5432");
        work.deliver(5);
        assertThat(m.viewer().recordProperty().get().id()).isEqualTo("E00009");
        assertThat(m.selectedProperty().get().name()).isEqualTo("E00009");
        assertThat(m.openErrorProperty().get().file()).isEqualTo(headerOnly);
        assertThat(m.busyProperty().get()).isFalse();
    }
}
