package org.ecgworkbench.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The registry of an evaluation's report-wide metrics: each one's JSON and CSV key, its names, how
 * it is averaged, which way is better and where it is in an {@link EvaluationReport}. The report's
 * JSON, CSV and HTML forms, the report room, the command line's text and the choice of the
 * early-stopping metric all read it, so a metric is added (or renamed, or explained) here once.
 *
 * <p>The order of the constants is the order of the JSON keys and the CSV rows: the challenge's
 * metrics, then scikit-learn's F1 averages. Two texts explain each metric: {@link #description()}
 * in the documents (the HTML report), {@link #note()} beside the number in the report room, where
 * it says the same in the words of the panel.
 */
public enum Metric {
    CHALLENGE_SCORE("challenge_score", Group.CHALLENGE, EvaluationReport::challengeScore,
            "challenge score", "Challenge score",
            "weights.csv rewards, normalised: always “sinus rhythm” = 0, truth = 1",
            "CinC 2020 weighted metric, normalised: 1 perfect, 0 always “sinus rhythm”"),
    AUROC_MACRO("auroc_macro", Group.CHALLENGE, EvaluationReport::aurocMacro,
            "AUROC macro", "AUROC (macro)",
            "the challenge's ROC area, mean over classes where it is defined",
            "mean of the classes' ROC areas (classes where defined)"),
    AUPRC_MACRO("auprc_macro", Group.CHALLENGE, EvaluationReport::auprcMacro,
            "AUPRC macro", "AUPRC (macro)",
            "the challenge's precision-recall area, mean over classes where it is defined",
            "mean of the classes' precision-recall areas (challenge scorer)"),
    F_MEASURE_MACRO("f_measure_macro", Group.CHALLENGE, EvaluationReport::fMeasureMacro,
            "F-measure macro", "F-measure (macro)",
            "mean F1 over classes present or predicted",
            "challenge scorer's macro F1 (classes where defined)"),
    F_BETA("f_beta", Group.CHALLENGE, EvaluationReport::fBeta,
            "F-beta (β = 2)", "F-beta (β=2, macro)",
            "counts divided by each record's number of labels",
            "challenge 2020 unofficial-phase F2"),
    G_BETA("g_beta", Group.CHALLENGE, EvaluationReport::gBeta,
            "G-beta (β = 2)", "G-beta (β=2, macro)",
            "counts divided by each record's number of labels",
            "challenge 2020 unofficial-phase G2"),
    ACCURACY("accuracy", Group.CHALLENGE, EvaluationReport::accuracy,
            "exact-match accuracy", "Accuracy (exact match)",
            "fraction of records with every class right",
            "records with all 24 outputs right"),
    F1_MICRO("f1_micro", Group.F1_AVERAGES, EvaluationReport::f1Micro,
            "F1 micro", "F1 micro",
            "from true/false positives pooled over all classes",
            "F1 of the counts pooled over all classes"),
    F1_MACRO("f1_macro", Group.F1_AVERAGES, EvaluationReport::f1Macro,
            "F1 macro", "F1 macro",
            "unweighted mean of the per-class F1 (undefined counts as 0)",
            "mean of the 24 per-class F1 (undefined counts 0)"),
    F1_WEIGHTED("f1_weighted", Group.F1_AVERAGES, EvaluationReport::f1Weighted,
            "F1 weighted", "F1 weighted",
            "per-class F1 weighted by support",
            "per-class F1 weighted by support"),
    F1_SAMPLES("f1_samples", Group.F1_AVERAGES, EvaluationReport::f1Samples,
            "F1 samples", "F1 samples",
            "F1 of each record's label set, averaged over records",
            "F1 of each record's label set, averaged over records");

    /** Who defines a metric: the headings under which the documents list them. */
    public enum Group {
        CHALLENGE("PhysioNet/CinC Challenge 2020 metrics"),
        F1_AVERAGES("F1 averages (scikit-learn)");

        private final String heading;

        Group(String heading) {
            this.heading = heading;
        }

        public String heading() {
            return heading;
        }

        /** The group's metrics in registry order. */
        public List<Metric> metrics() {
            return Arrays.stream(Metric.values()).filter(m -> m.group == this).toList();
        }
    }

    private final String key;
    private final Group group;
    private final ToDoubleFunction<EvaluationReport> value;
    private final String label;
    private final String title;
    private final String description;
    private final String note;

    Metric(String key, Group group, ToDoubleFunction<EvaluationReport> value, String label, String title,
           String description, String note) {
        this.key = key;
        this.group = group;
        this.value = value;
        this.label = label;
        this.title = title;
        this.description = description;
        this.note = note;
    }

    /** The JSON key and the CSV {@code metric} field, e.g. {@code f1_macro}. */
    public String key() {
        return key;
    }

    public Group group() {
        return group;
    }

    /** The short name in running text and panels, e.g. "F1 macro", "exact-match accuracy". */
    public String label() {
        return label;
    }

    /** The name as a document's table heads it, e.g. "AUROC (macro)", "Accuracy (exact match)". */
    public String title() {
        return title;
    }

    /** How it is averaged, as the documents explain it. */
    public String description() {
        return description;
    }

    /** How it is averaged, as the report room explains it beside the number. */
    public String note() {
        return note;
    }

    /** Every metric of a report is better higher (losses, which are not, are not report metrics). */
    public boolean higherIsBetter() {
        return true;
    }

    /** The metric's value in {@code report} (NaN where undefined). */
    public double of(EvaluationReport report) {
        return value.applyAsDouble(Objects.requireNonNull(report, "report"));
    }
}
