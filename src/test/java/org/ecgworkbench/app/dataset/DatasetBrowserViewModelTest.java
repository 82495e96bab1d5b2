package org.ecgworkbench.app.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.app.SampleRecords;
import org.ecgworkbench.dataset.ChallengeSource;
import org.ecgworkbench.dataset.IndexedRecord;
import org.ecgworkbench.dataset.RecordFilter;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.record.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset browser's logic, without the toolkit: scanning, filters, class counts, failures, cancel. */
class DatasetBrowserViewModelTest {

    static final DiagnosisCatalogue CATALOGUE = DiagnosisCatalogue.standard();

    @TempDir
    Path temp;

    final List<Path> opened = new ArrayList<>();

    DatasetBrowserViewModel direct() {
        return new DatasetBrowserViewModel(BackgroundWork.direct(), Runnable::run, CATALOGUE, opened::add);
    }

    static ScoredClass cls(String abbreviation) {
        return CATALOGUE.scoredClasses().stream().filter(c -> c.abbreviations().contains(abbreviation)).findFirst().orElseThrow();
    }

    static DatasetBrowserViewModel.ClassOption option(DatasetBrowserViewModel vm, String abbreviation) {
        return vm.classOptions().stream()
                .filter(o -> o.scoredClass().map(c -> c.abbreviations().contains(abbreviation)).orElse(false))
                .findFirst().orElseThrow();
    }

    @Test
    void scansTheSamplesAndListsFailures() throws Exception {
        Files.writeString(temp.resolve("broken.hea"), "this is not a header\n");
        DatasetBrowserViewModel vm = direct();
        vm.open(List.of(SampleRecords.folder(), temp));

        assertThat(vm.scanningProperty().get()).isFalse();
        assertThat(vm.rows()).extracting(DatasetBrowserRow::id)
                .containsExactlyInAnyOrder("00001_lr", "A5432", "E00009", "HR00599", "Q1805", "Q2428");
        assertThat(vm.failures()).singleElement().satisfies(f -> {
            assertThat(f.path().getFileName().toString()).isEqualTo("broken.hea");
            assertThat(f.error()).isNotBlank();
        });
        assertThat(vm.failedTitleProperty().get()).isEqualTo("Failed (1)");
        assertThat(vm.statusProperty().get()).startsWith("6 records indexed, 1 failed").endsWith("headers and signals checked");
        assertThat(vm.failedPlaceholderProperty().get()).isEqualTo("No record failed: every header and every signal read.");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.shownTextProperty().get()).isEqualTo("6 records");

        DatasetBrowserRow hr = vm.rows().stream().filter(r -> r.id().equals("HR00599")).findFirst().orElseThrow();
        assertThat(hr.source()).isEqualTo("HR");
        assertThat(hr.fs()).isEqualTo(500);
        assertThat(hr.durationSeconds()).isEqualTo(10.0);
        assertThat(hr.age()).isEqualTo(73.0);
        assertThat(hr.sex()).isEqualTo("Female");
        assertThat(hr.diagnoses()).isEqualTo("MI, LPR, NSR");
        assertThat(vm.classCounts()).hasSize(24);
        assertThat(vm.classCounts().stream().mapToInt(DatasetBrowserViewModel.ClassCount::count).sum()).isPositive();

        // Adding a folder rescans all of them; opening replaces.
        vm.open(List.of(temp));
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.failures()).hasSize(1);
        vm.addFolder(SampleRecords.folder());
        assertThat(vm.folders()).containsExactly(temp, SampleRecords.folder());
        assertThat(vm.rows()).hasSize(6);
    }

    @Test
    void filtersByClassSourceAndTextAndCountsTheShownRecords() {
        DatasetBrowserViewModel vm = direct();
        vm.open(List.of(SampleRecords.folder()));
        vm.sourceFilterProperty().set(vm.sourceOptions().stream()
                .filter(o -> o.source().equals(Optional.of(ChallengeSource.CPSC_EXTRA))).findFirst().orElseThrow());
        assertThat(vm.rows()).extracting(DatasetBrowserRow::id).containsExactlyInAnyOrder("Q1805", "Q2428");
        assertThat(vm.shownTextProperty().get()).isEqualTo("2 of 6 records");
        vm.sourceFilterProperty().set(DatasetBrowserViewModel.ANY_SOURCE);

        vm.classFilterProperty().set(option(vm, "NSR"));
        assertThat(vm.rows()).extracting(DatasetBrowserRow::id).containsExactly("HR00599");
        assertThat(vm.classCounts().get(cls("NSR").index()).count()).isEqualTo(1);
        assertThat(vm.classCounts().get(cls("LPR").index()).count()).isEqualTo(1);
        assertThat(vm.classCounts().get(cls("LAD").index()).count()).isZero(); // E00009's, not shown
        // The equivalent pair counts as one class: Q1805 lists RBBB, and the filter is CRBBB|RBBB.
        vm.classFilterProperty().set(option(vm, "RBBB"));
        assertThat(vm.rows()).extracting(DatasetBrowserRow::id).containsExactly("Q1805");

        vm.classFilterProperty().set(DatasetBrowserViewModel.ANY_CLASS);
        vm.textFilterProperty().set("hr005");
        assertThat(vm.rows()).extracting(DatasetBrowserRow::id).containsExactly("HR00599");
        vm.textFilterProperty().set("  Sinus Rhythm ");
        assertThat(vm.rows()).extracting(DatasetBrowserRow::id).containsExactly("HR00599");
        vm.textFilterProperty().set("164865005");
        assertThat(vm.rows()).extracting(DatasetBrowserRow::id).containsExactlyInAnyOrder("HR00599", "Q2428");
        vm.textFilterProperty().set("");
        assertThat(vm.rows()).hasSize(6);
    }

    @Test
    void doubleClickOpensTheRecordInTheViewer() {
        DatasetBrowserViewModel vm = direct();
        vm.open(List.of(SampleRecords.folder()));
        List<Path> notified = new ArrayList<>();
        vm.openedInViewerProperty().addListener((o, old, now) -> {
            if (now != null) notified.add(now);
        });
        DatasetBrowserRow row = vm.rows().get(3);
        vm.openInViewer(row);
        vm.openInViewer(row);
        assertThat(opened).containsExactly(row.record().path(), row.record().path());
        assertThat(notified).hasSize(2);
    }

    /** The precomputed test answers as RecordFilter does, for every filter tried on the samples. */
    @Test
    void theFastTestAgreesWithRecordFilter() {
        DatasetBrowserViewModel vm = direct();
        vm.open(List.of(SampleRecords.folder()));
        List<DatasetBrowserRow> rows = new ArrayList<>(vm.rows());
        rows.addAll(challengeSized(300));
        List<Optional<ScoredClass>> classes = new ArrayList<>();
        classes.add(Optional.empty());
        CATALOGUE.scoredClasses().forEach(c -> classes.add(Optional.of(c)));
        List<Optional<ChallengeSource>> sources = new ArrayList<>();
        sources.add(Optional.empty());
        for (ChallengeSource s : ChallengeSource.values()) sources.add(Optional.of(s));
        for (String text : List.of("", "hr", "a54", ".hea", "rbbb", "bundle", "4280", "sinus rhythm", "xyz", "e0000")) {
            for (var c : classes) {
                for (var s : sources) {
                    RecordFilter filter = new RecordFilter(c, s, text);
                    var fast = DatasetBrowserViewModel.fastTest(filter);
                    for (DatasetBrowserRow r : rows) {
                        assertThat(fast.test(r)).as("%s on %s", filter, r.id()).isEqualTo(filter.test(r.record()));
                    }
                }
            }
        }
    }

    /** Work that waits until the test runs it, the way a worker thread would be late. */
    static final class DeferredWork implements BackgroundWork {
        final List<Runnable> pending = new ArrayList<>();

        @Override
        public <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            pending.add(() -> BackgroundWork.direct().run(title, work, onSuccess, onFailure));
        }

        void runAll() {
            List<Runnable> now = List.copyOf(pending);
            pending.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void cancelStopsTheScanAndShowsWhatItHad() {
        DeferredWork work = new DeferredWork();
        DatasetBrowserViewModel vm = new DatasetBrowserViewModel(work, Runnable::run, CATALOGUE, opened::add);
        vm.open(List.of(SampleRecords.folder()));
        assertThat(vm.scanningProperty().get()).isTrue();
        assertThat(vm.progressProperty().get()).isEqualTo(-1.0);
        vm.cancel();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelling …");
        work.runAll();
        assertThat(vm.scanningProperty().get()).isFalse();
        assertThat(vm.rows()).isEmpty(); // cancelled before the first record
        assertThat(vm.statusProperty().get()).startsWith("Scan cancelled after 0 files: 0 records indexed")
                .endsWith("headers only, signals not checked yet");
        assertThat(work.pending).isEmpty(); // a cancelled header pass starts no signal pass
    }

    /** A record whose header and file size pass but whose signals do not read moves to Failed after the signal pass. */
    @Test
    void theSignalPassListsUnreadableRecordsUnderFailedAndSaysWhatWasChecked() throws Exception {
        for (Path sample : Files.list(SampleRecords.folder()).toList()) {
            if (sample.getFileName().toString().startsWith("A5432") || sample.getFileName().toString().startsWith("Q1805")) {
                Files.copy(sample, temp.resolve(sample.getFileName()));
            }
        }
        // Q1805.mat replaced by a same-sized file that is no MAT file: only reading it tells.
        long size = Files.size(temp.resolve("Q1805.mat"));
        Files.write(temp.resolve("Q1805.mat"), new byte[(int) size]);
        Files.writeString(temp.resolve("I0001.hea"), Files.readString(temp.resolve("A5432.hea")).replace("A5432", "I0001"));

        DeferredWork work = new DeferredWork();
        DatasetBrowserViewModel vm = new DatasetBrowserViewModel(work, Runnable::run, CATALOGUE, opened::add);
        assertThat(vm.failedPlaceholderProperty().get()).doesNotContain("Every record read");
        vm.open(List.of(temp));
        work.runAll(); // the header pass: the header without a signal file fails at once
        assertThat(vm.rows()).extracting(DatasetBrowserRow::id).containsExactlyInAnyOrder("A5432", "Q1805");
        assertThat(vm.failures()).singleElement().satisfies(f ->
                assertThat(f.reason()).contains("signal file I0001.mat not found beside the header"));
        assertThat(vm.scanningProperty().get()).isTrue();
        assertThat(vm.checkingSignalsProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Checking signals: 0 of 2 records read");

        work.runAll(); // the signal pass
        assertThat(vm.scanningProperty().get()).isFalse();
        assertThat(vm.rows()).extracting(DatasetBrowserRow::id).containsExactly("A5432");
        assertThat(vm.failures()).extracting(f -> f.path().getFileName().toString()).containsExactly("I0001.hea", "Q1805.hea");
        assertThat(vm.failures().get(1).reason()).contains("Q1805.mat");
        assertThat(vm.failedTitleProperty().get()).isEqualTo("Failed (2)");
        assertThat(vm.statusProperty().get()).startsWith("1 record indexed, 2 failed").endsWith("headers and signals checked");
        assertThat(vm.shownTextProperty().get()).isEqualTo("1 record");
    }

    @Test
    void aNewerScanWinsOverAnOlderOneStillRunning() {
        DeferredWork work = new DeferredWork();
        DatasetBrowserViewModel vm = new DatasetBrowserViewModel(work, Runnable::run, CATALOGUE, opened::add);
        vm.open(List.of(temp));
        vm.open(List.of(SampleRecords.folder()));
        work.runAll(); // both header passes; only the newer one goes on to read the signals
        assertThat(vm.rows()).hasSize(6);
        assertThat(work.pending).hasSize(1);
        work.runAll();
        assertThat(vm.scanningProperty().get()).isFalse();
    }

    /** The challenge's size: 43,101 rows filter in linear time (printed, not asserted: no timed tests). */
    @Test
    void filtersFortyThreeThousandRecords() {
        DatasetBrowserViewModel vm = direct();
        List<DatasetBrowserRow> rows = challengeSized(43_101);
        vm.show(rows, List.of());
        assertThat(vm.rows()).hasSize(43_101);

        int af = cls("AF").index();
        long expectedAf = rows.stream().filter(r -> r.hasClass(af)).count();
        long t0 = System.nanoTime();
        vm.classFilterProperty().set(option(vm, "AF"));
        long t1 = System.nanoTime();
        assertThat(vm.rows()).hasSize((int) expectedAf);
        assertThat(vm.classCounts().get(af).count()).isEqualTo((int) expectedAf);

        vm.classFilterProperty().set(DatasetBrowserViewModel.ANY_CLASS);
        long t2 = System.nanoTime();
        vm.textFilterProperty().set("HR01");
        long t3 = System.nanoTime();
        assertThat(vm.rows()).hasSize(1000).allSatisfy(r -> assertThat(r.id()).startsWith("HR01"));
        vm.textFilterProperty().set("");
        assertThat(vm.rows()).hasSize(43_101);
        System.out.printf("43,101 rows: class filter %.1f ms, text filter %.1f ms%n", (t1 - t0) / 1e6, (t3 - t2) / 1e6);
    }

    static List<DatasetBrowserRow> challengeSized(int n) {
        List<ScoredClass> classes = CATALOGUE.scoredClasses();
        String[] prefixes = {"A", "Q", "I", "S", "HR", "E", "JS"};
        List<DatasetBrowserRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = prefixes[i % prefixes.length] + String.format("%05d", i / prefixes.length);
            List<String> dx = List.of(classes.get(i % classes.size()).canonicalCode(),
                    classes.get((i * 7 + 3) % classes.size()).canonicalCode());
            IndexedRecord r = new IndexedRecord(Path.of("/data", id + ".hea"), id, ChallengeSource.ofRecordId(id), 500,
                    5000, 12, OptionalDouble.of(20 + i % 70), Optional.of(i % 2 == 0 ? Sex.MALE : Sex.FEMALE), dx, List.of());
            rows.add(DatasetBrowserRow.of(r, CATALOGUE));
        }
        return rows;
    }
}
