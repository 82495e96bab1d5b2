package org.ecgworkbench.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The report's JSON, CSV and HTML stay byte-identical to their golden files (whatever the code that writes them). */
class EvaluationReportRenderingsTest {

    @Test
    void jsonIsTheGoldenOne() {
        GoldenText.assertMatches(EvaluationReportJson.write(EvaluationReportFilesTest.sample()), "report.json");
        assertThat(GoldenText.report()).isEqualTo(EvaluationReportFilesTest.sample());
    }

    @Test
    void csvIsTheGoldenOne() {
        GoldenText.assertMatches(EvaluationReportCsv.toCsv(GoldenText.report()), "report.csv");
    }

    @Test
    void htmlIsTheGoldenOne() {
        GoldenText.assertMatches(EvaluationReportHtml.toHtml(GoldenText.report(), "Golden <report> & co"), "report.html");
    }

    @Test
    void undefinedAveragesRenderAsDashesAndEmptyFields() {
        EvaluationReport r = GoldenText.report();
        EvaluationReport undefined = new EvaluationReport(r.records(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, r.perClass().subList(0, 2));
        GoldenText.assertMatches(EvaluationReportJson.write(undefined), "undefined.json");
        GoldenText.assertMatches(EvaluationReportCsv.toCsv(undefined), "undefined.csv");
        GoldenText.assertMatches(EvaluationReportHtml.toHtml(undefined, ""), "undefined.html");
    }
}
