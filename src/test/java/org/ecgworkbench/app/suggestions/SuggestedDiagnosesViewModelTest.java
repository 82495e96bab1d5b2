package org.ecgworkbench.app.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecgworkbench.app.ExplanationFixtures.explained;
import static org.ecgworkbench.app.ExplanationFixtures.record;
import static org.ecgworkbench.app.ExplanationFixtures.spike;
import static org.ecgworkbench.app.ExplanationFixtures.window;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.assertj.core.data.Offset;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.app.LeadShading;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.model.ClassPrediction;
import org.ecgworkbench.model.ExplainMethod;
import org.ecgworkbench.model.ExplainProgress;
import org.ecgworkbench.model.ExplainedRecord;
import org.ecgworkbench.model.Explanation;
import org.ecgworkbench.model.RealRecordEvaluation;
import org.ecgworkbench.model.RecordPrediction;
import org.ecgworkbench.model.WindowPrediction;
import org.ecgworkbench.record.EcgRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The suggested-diagnoses panel's state without the toolkit or a network: fake models, work run on demand. */
class SuggestedDiagnosesViewModelTest {

    static final DiagnosisCatalogue CATALOGUE = DiagnosisCatalogue.standard();
    static final String PAC = canonical("284470004");
    static final String NSR = canonical("426783006");
    static final String AF = canonical("164889003");

    static String canonical(String code) {
        return CATALOGUE.scoredClassOf(code).map(ScoredClass::canonicalCode).orElseThrow();
    }

    /** Background work queued until the test runs it (so ordering and cancelling can be tested). */
    static final class QueuedWork implements BackgroundWork {
        final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            queue.add(() -> BackgroundWork.direct().run(title, work, onSuccess, onFailure));
        }

        void runAll() {
            while (!queue.isEmpty()) queue.poll().run();
        }
    }

    /** PAC 0.9 and NSR 0.7 predicted, AF 0.1 not, the other classes near 0. */
    static final class FakeModel implements DiagnosisModel {
        final String name;
        final boolean demo;
        final List<List<String>> explainedCodes = new ArrayList<>();
        final List<String> predictedRecords = new ArrayList<>();
        final List<ExplainMethod> explainMethods = new ArrayList<>();
        /** What the bundle says about real records (null: not evaluated on them). */
        RealRecordEvaluation evaluation;
        /** More than one: a long recording, with AF 0.8 in the second window only. */
        int windowCount = 1;
        /** Every class's threshold. */
        double threshold = 0.5;
        boolean sawCancel;

        FakeModel(String name, boolean demo) {
            this.name = name;
            this.demo = demo;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String provenance() {
            return "fake " + name;
        }

        @Override
        public boolean demonstration() {
            return demo;
        }

        @Override
        public RealRecordEvaluation realRecordEvaluation() {
            return evaluation;
        }

        @Override
        public RecordPrediction predict(EcgRecord record) {
            predictedRecords.add(record.id());
            List<String> codes = codes();
            List<float[]> windows = new ArrayList<>();
            for (int w = 0; w < windowCount; w++) {
                float[] p = new float[codes.size()];
                for (ScoredClass c : CATALOGUE.scoredClasses()) {
                    String code = c.canonicalCode();
                    p[c.index()] = code.equals(PAC) ? 0.9f : code.equals(NSR) ? 0.7f
                            : code.equals(AF) ? (windowCount > 1 && w == 1 ? 0.8f : 0.1f) : 0.01f * (c.index() % 5);
                }
                windows.add(p);
            }
            float[] pooled = windows.get(0).clone();
            for (float[] p : windows) {
                for (int c = 0; c < pooled.length; c++) pooled[c] = Math.max(pooled[c], p[c]);
            }
            List<ClassPrediction> all = new ArrayList<>();
            for (ScoredClass c : CATALOGUE.scoredClasses()) {
                double p = pooled[c.index()];
                all.add(new ClassPrediction(c.canonicalCode(), c.label(), c.name(), p, threshold, p >= threshold));
            }
            all.sort(Comparator.comparingDouble(ClassPrediction::probability).reversed());
            List<WindowPrediction> timeline = new ArrayList<>();
            for (int w = 0; w < windowCount; w++) timeline.add(new WindowPrediction(10.0 * w, 10.0, windows.get(w)));
            return new RecordPrediction(record.id(), codes, all, timeline, pooled);
        }

        static List<String> codes() {
            return CATALOGUE.scoredClasses().stream().map(ScoredClass::canonicalCode).toList();
        }

        @Override
        public ExplainedRecord explain(EcgRecord record, List<String> codes, ExplainMethod method, Consumer<ExplainProgress> progress,
                BooleanSupplier cancelled) {
            explainMethods.add(method);
            explainedCodes.add(codes);
            progress.accept(new ExplainProgress(1, 2));
            if (cancelled.getAsBoolean()) {
                sawCancel = true;
                throw new CancellationException();
            }
            var explanations = codes.stream().map(c -> spike(c, 5000, 500, 0, 2500)).toArray(Explanation[]::new);
            return explained(record.id(), codes, window(500, 0, 5000, 0, 5000, explanations));
        }
    }

    QueuedWork work;
    FakeModel demo;
    List<Path> loaded;
    SuggestedDiagnosesViewModel vm;
    EcgRecord pacAndAf;

    @BeforeEach
    void setUp() {
        work = new QueuedWork();
        demo = new FakeModel("demo.ecgmodel", true);
        loaded = new ArrayList<>();
        vm = new SuggestedDiagnosesViewModel(work, CATALOGUE, (file, bundled) -> {
            loaded.add(file);
            if (file.toString().endsWith("broken.ecgmodel")) throw new IllegalArgumentException("not a model bundle");
            return bundled ? demo : new FakeModel(file.getFileName().toString(), false);
        });
        // The header says PAC (by its equivalent code, SVPB) and AF.
        pacAndAf = record("R1", 500, 5000, List.of(equivalentOf(PAC), "164889003"));
    }

    static String equivalentOf(String canonical) {
        return CATALOGUE.scoredClassOf(canonical).orElseThrow().codes().stream().filter(c -> !c.equals(canonical)).findFirst().orElse(canonical);
    }

    @Test
    void theBundledModelIsNamedAndLabelledForWhatItIs() {
        vm.loadBundled();
        assertThat(vm.titleProperty().get()).isEqualTo("Suggested diagnoses: loading model …");
        work.runAll();
        assertThat(loaded).hasSize(1);
        assertThat(loaded.get(0).getFileName().toString()).isEqualTo("demo-resnet18-w025.ecgmodel");
        assertThat(vm.titleProperty().get()).isEqualTo("Suggested by demo");
        assertThat(vm.modelDetailsProperty().get()).startsWith("fake demo.ecgmodel\n");
        assertThat(vm.modelNoticeProperty().get()).isEqualTo("Demonstration model, not for clinical use: "
                + "not evaluated on real records: how often its suggestions are right is unknown.");

        vm.openModel(Path.of("mine.ecgmodel"));
        work.runAll();
        assertThat(vm.titleProperty().get()).isEqualTo("Suggested by mine");
        assertThat(vm.modelNoticeProperty().get()).isEqualTo("Not evaluated on real records: how often its suggestions are right is unknown.");
        assertThat(vm.modelDetailsProperty().get()).startsWith("fake mine.ecgmodel\n").endsWith("Real records: not evaluated on real records: "
                + "how often its suggestions are right is unknown.");
    }

    @Test
    void theNoticeSaysWhatTheBundleMeasuredOnRealRecords() {
        demo.evaluation = new RealRecordEvaluation("CinC 2020 fixtures", 180, "synthetic records only", 0.1824, 0.7603, 0.1506,
                0.1896, "2026-12-07");
        vm.loadBundled();
        work.runAll();
        assertThat(vm.modelNoticeProperty().get()).isEqualTo("Demonstration model, not for clinical use: trained on synthetic "
                + "records only; on 180 real records most of its suggestions were wrong (81 %), challenge score 0.18, AUROC 0.76.");
        assertThat(vm.modelDetailsProperty().get()).isEqualTo("fake demo.ecgmodel\nReal records: CinC 2020 fixtures, 180 records, "
                + "measured 2026-12-07. Challenge score 0.18 (0 = always \u201csinus rhythm\u201d, 1 = perfect), AUROC 0.76, "
                + "F1 0.15 (macro); 19 % of its suggestions are in the records' headers.");

        // A better model, not a demonstration: no "most".
        FakeModel good = new FakeModel("good.ecgmodel", false);
        good.evaluation = new RealRecordEvaluation("PTB-XL", 2000, "real records", 0.6, 0.93, 0.7, 0.75, "2026-12-01");
        assertThat(ModelNotice.of(good.demonstration(), good.evaluation)).isEqualTo("Trained on real records; on 2000 real records "
                + "25 % of its suggestions were wrong, challenge score 0.60, AUROC 0.93.");
    }

    @Test
    void aModelThatCannotBeReadLeavesThePreviousOne() {
        vm.loadBundled();
        work.runAll();
        vm.openModel(Path.of("broken.ecgmodel"));
        work.runAll();
        assertThat(vm.titleProperty().get()).isEqualTo("Suggested by demo");
        assertThat(vm.statusProperty().get()).contains("Cannot open model broken.ecgmodel").contains("not a model bundle")
                .contains("still using demo.ecgmodel");
    }

    @Test
    void everyClassInAClinciansWordsWithItsBarAgainstTheThreshold() {
        vm.autoExplainProperty().set(false);
        vm.loadBundled();
        vm.recordProperty().set(pacAndAf);
        work.runAll();
        List<DiagnosisRow> rows = vm.rows();
        assertThat(rows).hasSize(CATALOGUE.scoredClasses().size());
        // Suggested first, then what the header names but the model does not suggest, then the rest by probability.
        assertThat(rows.get(0).code()).isEqualTo(PAC);
        assertThat(rows.get(0).predicted()).isTrue();
        assertThat(rows.get(0).title()).isEqualTo("PAC|SVPB · premature atrial contraction / supraventricular premature beats");
        assertThat(rows.get(0).words()).isEqualTo("suggested · in the header");
        assertThat(rows.get(0).barFraction()).isEqualTo(0.9, Offset.offset(1e-6));
        assertThat(rows.get(0).tickFraction()).isEqualTo(0.5);
        assertThat(rows.get(0).figures()).isEqualTo("0.90 (threshold 0.50)");
        assertThat(rows.get(1).code()).isEqualTo(NSR);
        assertThat(rows.get(1).words()).isEqualTo("suggested · not in the header");
        assertThat(rows.get(1).inHeader()).isFalse();
        DiagnosisRow af = rows.get(2);
        assertThat(af.code()).isEqualTo(AF);
        assertThat(af.predicted()).isFalse();
        assertThat(af.inHeader()).isTrue();
        assertThat(af.words()).isEqualTo("in the header, not suggested");
        assertThat(af.text()).isEqualTo("AF  0.10 < 0.50  in the header, not suggested");
        assertThat(rows.subList(3, rows.size())).allSatisfy(r -> assertThat(r.words()).isEqualTo("not suggested"));
        assertThat(rows.subList(3, rows.size())).extracting(DiagnosisRow::probability).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(rows).noneSatisfy(r -> assertThat(r.words()).containsAnyOf("extra", "missed", "agree"));
        assertThat(vm.statusProperty().get()).isEqualTo("R1: 2 suggested · 1 also in the header, 1 not in the header; "
                + "1 in the header, not suggested");

        // No labels in the header: suggested or not, nothing about the header.
        vm.recordProperty().set(record("R2", 500, 5000, List.of()));
        work.runAll();
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.agreement()).isEqualTo(DiagnosisRow.Agreement.NONE));
        assertThat(vm.rows()).extracting(DiagnosisRow::words).containsOnly("suggested", "not suggested");
        assertThat(vm.rows().get(0).words()).isEqualTo("suggested");
    }

    @Test
    void barsAreClampedToTheBar() {
        DiagnosisRow r = new DiagnosisRow("1", "X", "x", 1.2, -0.1, true, DiagnosisRow.Agreement.NONE);
        assertThat(r.barFraction()).isEqualTo(1.0);
        assertThat(r.tickFraction()).isEqualTo(0.0);
        assertThat(new DiagnosisRow("1", "X", "x", Double.NaN, 0.3, false, DiagnosisRow.Agreement.NONE).barFraction()).isZero();
    }

    @Test
    void theLatestRecordWins() {
        vm.autoExplainProperty().set(false);
        vm.loadBundled();
        work.runAll();
        vm.recordProperty().set(pacAndAf);
        vm.recordProperty().set(record("R2", 500, 5000, List.of()));
        assertThat(vm.statusProperty().get()).isEqualTo("Predicting R2 …");
        assertThat(vm.rows()).isEmpty();
        work.runAll();
        assertThat(demo.predictedRecords).containsExactly("R1", "R2");
        assertThat(vm.statusProperty().get()).startsWith("R2:");
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.agreement()).isEqualTo(DiagnosisRow.Agreement.NONE));
    }

    @Test
    void thePredictedClassesAreExplainedAndThePaperShaded() {
        vm.loadBundled();
        vm.recordProperty().set(pacAndAf);
        work.runAll();
        assertThat(demo.explainedCodes).containsExactly(List.of(PAC, NSR));
        assertThat(vm.explainingProperty().get()).isFalse();
        assertThat(vm.explainProgressProperty().get()).isEqualTo(1.0);
        assertThat(vm.shadedProperty().get()).isTrue();
        LeadShading s = vm.shadingProperty().get();
        assertThat(s.recordId()).isEqualTo("R1");
        assertThat(s.codes()).containsExactly(PAC, NSR);
        assertThat(s.intensity()[0][2500]).isEqualTo(1f);
        assertThat(vm.explanationTextProperty().get())
                .isEqualTo("Shaded: where the model looked for what it suggests: PAC|SVPB, NSR (gradient × input).");

        // A class it does not suggest is explained only when chosen, and the caption says so; a new record clears the shading.
        DiagnosisRow af = vm.rows().stream().filter(r -> r.code().equals(AF)).findFirst().orElseThrow();
        vm.chosenProperty().set(af);
        work.runAll();
        assertThat(demo.explainedCodes.get(1)).containsExactly(AF);
        assertThat(vm.shadingProperty().get().codes()).containsExactly(AF);
        assertThat(vm.explanationTextProperty().get()).isEqualTo("Shaded: where the model looked for AF, which it does not suggest "
                + "(0.10 < threshold 0.50): shown because you chose it (gradient × input).");
        // "Explain suggested" drops the choice and goes back to the suggested classes.
        vm.explainSuggested();
        assertThat(vm.chosenProperty().get()).isNull();
        work.runAll();
        assertThat(demo.explainedCodes.get(2)).containsExactly(PAC, NSR);
        assertThat(vm.explanationTextProperty().get()).startsWith("Shaded: where the model looked for what it suggests");
        vm.recordProperty().set(record("R2", 500, 5000, List.of()));
        assertThat(vm.shadingProperty().get()).isNull();
        assertThat(vm.shadedProperty().get()).isFalse();
        assertThat(vm.chosenProperty().get()).isNull();
    }

    @Test
    void anExplanationCanBeCancelled() {
        vm.loadBundled();
        vm.recordProperty().set(pacAndAf);
        work.queue.poll().run(); // the model
        work.queue.poll().run(); // the prediction; the explanation is queued
        assertThat(vm.explainingProperty().get()).isTrue();
        assertThat(vm.explanationTextProperty().get()).startsWith("Explaining PAC");
        vm.cancelExplanation();
        assertThat(vm.explainingProperty().get()).isFalse();
        work.runAll();
        assertThat(demo.sawCancel).isTrue();
        assertThat(vm.shadingProperty().get()).isNull();
        assertThat(vm.explanationTextProperty().get()).isEqualTo("Explanation cancelled");
        assertThat(vm.explainProgressProperty().get()).isZero();

        // Explain again by hand.
        vm.explain();
        work.runAll();
        assertThat(vm.shadedProperty().get()).isTrue();
    }

    @Test
    void aLongRecordingGetsAPerWindowTimelineOfItsPredictedClasses() {
        vm.autoExplainProperty().set(false);
        vm.loadBundled();
        vm.recordProperty().set(pacAndAf);
        work.runAll();
        assertThat(vm.timelineProperty().get()).as("one window: nothing to lay out in time").isNull();

        demo.windowCount = 3;
        vm.recordProperty().set(record("R3", 500, 15000, List.of()));
        work.runAll();
        WindowTimeline t = vm.timelineProperty().get();
        assertThat(t.windows()).extracting(WindowTimeline.Span::startSeconds).containsExactly(0.0, 10.0, 20.0);
        // PAC 0.9, AF 0.8 (pooled: seen in the second window only), NSR 0.7 are predicted.
        assertThat(t.rows()).extracting(WindowTimeline.Row::code).containsExactly(PAC, AF, NSR);
        WindowTimeline.Row af = t.rows().get(1);
        assertThat(af.probabilities()).containsExactly(new double[] {0.1, 0.8, 0.1}, Offset.offset(1e-6));
        assertThat(af.positiveIn(0)).isFalse();
        assertThat(af.positiveIn(1)).isTrue();
        assertThat(t.windowAt(15)).isEqualTo(1);
        assertThat(t.windowAt(-1)).isEqualTo(-1);
        assertThat(t.endSeconds()).isEqualTo(30.0);

        vm.recordProperty().set(record("R4", 500, 5000, List.of()));
        assertThat(vm.timelineProperty().get()).as("cleared while the next record is predicted").isNull();
    }

    @Test
    void switchingToOcclusionExplainsAgainThatWay() {
        vm.loadBundled();
        vm.recordProperty().set(pacAndAf);
        work.runAll();
        assertThat(demo.explainMethods).containsExactly(ExplainMethod.GRADIENT_X_INPUT);
        vm.explainMethodProperty().set(ExplainMethod.OCCLUSION);
        assertThat(vm.explainingProperty().get()).isTrue();
        work.runAll();
        assertThat(demo.explainMethods).containsExactly(ExplainMethod.GRADIENT_X_INPUT, ExplainMethod.OCCLUSION);
        assertThat(demo.explainedCodes.get(1)).containsExactly(PAC, NSR);
        assertThat(vm.explanationTextProperty().get()).endsWith("(occlusion sensitivity).");
        assertThat(vm.shadedProperty().get()).isTrue();
    }

    @Test
    void nothingSuggestedNothingExplainedUntilTheUserChoosesARow() {
        vm.loadBundled();
        work.runAll();
        demo.threshold = 0.95;
        vm.recordProperty().set(pacAndAf);
        work.runAll();
        assertThat(vm.explanationTargets()).isEmpty();
        assertThat(demo.explainedCodes).isEmpty();
        assertThat(vm.shadingProperty().get()).isNull();
        assertThat(vm.explanationTextProperty().get()).startsWith("Nothing is suggested, so nothing is shaded");
        vm.chosenProperty().set(vm.rows().get(0));
        work.runAll();
        assertThat(demo.explainedCodes).containsExactly(List.of(vm.rows().get(0).code()));
        assertThat(vm.explanationTextProperty().get()).contains("which it does not suggest").contains("shown because you chose it");
    }

    @Test
    void theSentenceUnderTheChooserSaysWhatTheMethodShows() {
        assertThat(vm.methodSentenceProperty().get()).startsWith("Gradient × input: how much each moment of the trace pushed");
        vm.explainMethodProperty().set(ExplainMethod.OCCLUSION);
        assertThat(vm.methodSentenceProperty().get()).startsWith("Occlusion: how much the class's probability drops when a 200 ms stretch");
        assertThat(SuggestedDiagnosesViewModel.shadingKey()).isEqualTo("attribution; top 10 % of each lead shaded");
    }
}
