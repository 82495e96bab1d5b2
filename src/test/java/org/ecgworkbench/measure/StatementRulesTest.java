package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ecgworkbench.label.Diagnosis;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of statements.tsv fires just over its threshold and not just under it, on hand-built measurements. */
class StatementRulesTest {

    private static final StatementRules RULES = StatementRules.standard();

    private static Set<String> abbrevs(Measurement m) {
        return RULES.statementsFor(m).stream().map(Statement::abbrev).collect(Collectors.toSet());
    }

    private static Measurement with(Consumer<MeasurementFixture> change) {
        MeasurementFixture f = new MeasurementFixture();
        change.accept(f);
        return f.build();
    }

    private static Rhythm rhythm(Double atrialRate, Double pFraction, Double rrVariation) {
        return new Rhythm(opt(atrialRate), opt(pFraction), opt(rrVariation));
    }

    private static OptionalDouble opt(Double x) {
        return x == null ? OptionalDouble.empty() : OptionalDouble.of(x);
    }

    private static FrontalAxes qrsAxis(double deg) {
        return new FrontalAxes(OptionalDouble.of(50), OptionalDouble.of(deg), OptionalDouble.of(40));
    }

    private static void rbbbMorphology(MeasurementFixture f) {
        f.lead("V1", null, null, 0.2, 30, -0.3, 30, -0.2).rPrime("V1", 0.6, 50);
        f.lead("I", -0.05, 20, 0.8, 40, -0.3, 50, 0.3);
        f.lead("V6", -0.08, 20, 1.2, 50, -0.4, 50, 0.3);
    }

    private static void lbbbMorphology(MeasurementFixture f) {
        f.lead("I", null, null, 1.0, 110, null, null, -0.2);
        f.lead("V5", null, null, 1.4, 110, null, null, -0.3);
        f.lead("V6", null, null, 1.2, 110, null, null, -0.3);
        f.lead("V1", null, null, 0.1, 20, -1.5, 100, 0.4);
    }

    private static void lafbMorphology(MeasurementFixture f) {
        f.lead("aVL", -0.1, 20, 0.8, 40, null, null, 0.2);
        f.lead("III", null, null, 0.1, 20, -0.8, 50, 0.1);
    }

    /** abbrev, a change that just fires the rule, a change just short of it. */
    static Stream<Arguments> thresholds() {
        return Stream.of(
                Arguments.of("PR", (Consumer<MeasurementFixture>) f -> f.beats(100, 50, BeatType.PACED),
                        (Consumer<MeasurementFixture>) f -> f.beats(100, 49, BeatType.PACED)),
                Arguments.of("AFL", c(f -> f.rhythm = rhythm(240.0, 0.3, 0.02)), c(f -> f.rhythm = rhythm(239.0, 0.3, 0.02))),
                Arguments.of("AFL", c(f -> f.rhythm = rhythm(340.0, 0.3, 0.02)), c(f -> f.rhythm = rhythm(341.0, 0.3, 0.02))),
                Arguments.of("AF", c(f -> f.rhythm = rhythm(null, 0.49, 0.10)), c(f -> f.rhythm = rhythm(null, 0.49, 0.099))),
                Arguments.of("AF", c(f -> f.rhythm = rhythm(null, 0.49, 0.2)), c(f -> f.rhythm = rhythm(null, 0.5, 0.2))),
                Arguments.of("NSR", c(f -> f.rate = OptionalDouble.of(60)), c(f -> f.rate = OptionalDouble.of(59.9))),
                Arguments.of("NSR", c(f -> f.rate = OptionalDouble.of(100)), c(f -> f.rate = OptionalDouble.of(100.1))),
                Arguments.of("NSR", c(f -> f.rhythm = rhythm(null, 0.9, 0.02)), c(f -> f.rhythm = rhythm(null, 0.89, 0.02))),
                Arguments.of("SB", c(f -> f.rate = OptionalDouble.of(59.9)), c(f -> f.rate = OptionalDouble.of(60))),
                Arguments.of("STach", c(f -> f.rate = OptionalDouble.of(100.1)), c(f -> f.rate = OptionalDouble.of(100))),
                Arguments.of("Brady", c(f -> {
                    f.rate = OptionalDouble.of(59.9);
                    f.rhythm = rhythm(null, 0.6, 0.02);
                }), c(f -> {
                    f.rate = OptionalDouble.of(60);
                    f.rhythm = rhythm(null, 0.6, 0.02);
                })),
                Arguments.of("SA", c(f -> f.rrSamples.set(3, 461)), c(f -> f.rrSamples.set(3, 460))),
                Arguments.of("PAC", c(f -> f.beats(12, 1, BeatType.PREMATURE_SUPRAVENTRICULAR)), c(f -> f.beats(12, 0, BeatType.DOMINANT))),
                Arguments.of("PVC", c(f -> f.beats(12, 1, BeatType.VENTRICULAR_OR_WIDE)), c(f -> f.beats(12, 0, BeatType.DOMINANT))),
                Arguments.of("IAVB", c(f -> f.pr = OptionalDouble.of(201)), c(f -> f.pr = OptionalDouble.of(200))),
                Arguments.of("LPR", c(f -> f.pr = OptionalDouble.of(201)), c(f -> f.pr = OptionalDouble.of(200))),
                Arguments.of("LQT", c(f -> f.qtc.put(QtCorrection.FRAMINGHAM, 460.0)), c(f -> f.qtc.put(QtCorrection.FRAMINGHAM, 459.0))),
                Arguments.of("LQT", c(f -> {
                    f.qtc.put(QtCorrection.FRAMINGHAM, 480.0);
                    f.qrs = OptionalDouble.of(119);
                }), c(f -> {
                    f.qtc.put(QtCorrection.FRAMINGHAM, 480.0);
                    f.qrs = OptionalDouble.of(120);
                })),
                Arguments.of("LAD", c(f -> f.axes = qrsAxis(-31)), c(f -> f.axes = qrsAxis(-30))),
                Arguments.of("LAD", c(f -> f.axes = qrsAxis(-90)), c(f -> f.axes = qrsAxis(-91))),
                Arguments.of("RAD", c(f -> f.axes = qrsAxis(91)), c(f -> f.axes = qrsAxis(90))),
                Arguments.of("RAD", c(f -> f.axes = qrsAxis(180)), c(f -> f.axes = qrsAxis(-179))),
                Arguments.of("LQRSV", c(f -> lowLimbVoltage(f, 0.49)), c(f -> lowLimbVoltage(f, 0.5))),
                Arguments.of("CRBBB", c(f -> {
                    rbbbMorphology(f);
                    f.qrs = OptionalDouble.of(120);
                }), c(f -> {
                    rbbbMorphology(f);
                    f.qrs = OptionalDouble.of(119);
                })),
                Arguments.of("CRBBB", c(f -> {
                    rbbbMorphology(f);
                    f.qrs = OptionalDouble.of(130);
                    f.wave("V6", 2, -0.4, 41).wave("V6", 1, 1.2, 60);
                }), c(f -> {
                    rbbbMorphology(f);
                    f.qrs = OptionalDouble.of(130);
                    f.wave("V6", 2, -0.4, 40).wave("V6", 1, 1.2, 60);
                })),
                Arguments.of("IRBBB", c(f -> {
                    rbbbMorphology(f);
                    f.qrs = OptionalDouble.of(110);
                }), c(f -> {
                    rbbbMorphology(f);
                    f.qrs = OptionalDouble.of(109);
                })),
                Arguments.of("LBBB", c(f -> {
                    lbbbMorphology(f);
                    f.qrs = OptionalDouble.of(120);
                }), c(f -> {
                    lbbbMorphology(f);
                    f.qrs = OptionalDouble.of(119);
                })),
                Arguments.of("LBBB", c(f -> {
                    lbbbMorphology(f);
                    f.qrs = OptionalDouble.of(150);
                }), c(f -> {
                    lbbbMorphology(f);
                    f.qrs = OptionalDouble.of(150);
                    f.wave("V6", 0, -0.05, 10);
                })),
                Arguments.of("LAnFB", c(f -> {
                    lafbMorphology(f);
                    f.axes = qrsAxis(-45);
                }), c(f -> {
                    lafbMorphology(f);
                    f.axes = qrsAxis(-44);
                })),
                Arguments.of("NSIVCB", c(f -> f.qrs = OptionalDouble.of(111)), c(f -> f.qrs = OptionalDouble.of(110))),
                Arguments.of("QAb", c(f -> f.wave("II", 0, -0.1, 30).wave("aVF", 0, -0.1, 30)),
                        c(f -> f.wave("II", 0, -0.1, 30).wave("aVF", 0, -0.1, 29))),
                Arguments.of("QAb", c(f -> f.wave("V5", 0, -0.1, 40).wave("V6", 0, -0.1, 40)),
                        c(f -> f.wave("V5", 0, -0.1, 40).wave("V6", 0, -0.09, 40))),
                Arguments.of("TInv", c(f -> f.t("V5", -0.1)), c(f -> f.t("V5", -0.09))),
                Arguments.of("TInv", c(f -> f.t("V5", -0.3).wave("V5", 1, 0.5, 40)), c(f -> f.t("V5", -0.3).wave("V5", 1, 0.49, 40))),
                Arguments.of("TAb", c(f -> f.t("V5", 0.09)), c(f -> f.t("V5", 0.1))));
    }

    private static Consumer<MeasurementFixture> c(Consumer<MeasurementFixture> change) {
        return change;
    }

    private static void lowLimbVoltage(MeasurementFixture f, double r) {
        for (String lead : List.of("I", "II", "III", "aVR", "aVL", "aVF")) f.lead(lead, null, null, r, 40, null, null, 0.1);
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("thresholds")
    void firesJustOverItsThresholdAndNotJustUnder(String abbrev, Consumer<MeasurementFixture> over,
                                                  Consumer<MeasurementFixture> under) {
        assertThat(abbrevs(with(over))).contains(abbrev);
        assertThat(abbrevs(with(under))).doesNotContain(abbrev);
    }

    @Test
    void theNormalFixtureMakesOnlyNormalSinusRhythm() {
        List<Statement> s = RULES.statementsFor(new MeasurementFixture().build());
        assertThat(s).extracting(Statement::abbrev).containsExactly("NSR");
        assertThat(s.get(0).reason()).isEqualTo("beats with P 1 ≥ 0.9, rate 75 bpm ≥ 60 bpm, rate 75 bpm ≤ 100 bpm");
    }

    @Test
    void everyRuleIsCoveredByAThresholdCase() {
        Set<String> tested = thresholds().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        assertThat(tested).containsExactlyInAnyOrderElementsOf(RULES.rules().stream().map(StatementRule::abbrev).toList());
    }

    @Test
    void theTableHasEveryClassTheIssueNames() {
        assertThat(RULES.rules()).extracting(StatementRule::abbrev).containsExactlyInAnyOrder("NSR", "SB", "STach", "Brady",
                "SA", "AF", "AFL", "PAC", "PVC", "IAVB", "LPR", "LQT", "LAD", "RAD", "LQRSV", "CRBBB", "IRBBB", "LBBB",
                "LAnFB", "NSIVCB", "QAb", "TAb", "TInv", "PR");
    }

    @Test
    void everyCodeIsAScoredDiagnosisOfTheCatalogueAndStatementsCarryItsNames() {
        DiagnosisCatalogue catalogue = DiagnosisCatalogue.standard();
        for (StatementRule r : RULES.rules()) {
            Diagnosis d = catalogue.byCode(r.code()).orElseThrow();
            assertThat(d.abbreviation()).isEqualTo(r.abbrev());
            assertThat(d.scored()).as(r.abbrev()).isTrue();
        }
        Statement iavb = RULES.statementsFor(with(f -> f.pr = OptionalDouble.of(236))).stream()
                .filter(s -> s.abbrev().equals("IAVB")).findFirst().orElseThrow();
        assertThat(iavb.code()).isEqualTo("270492004");
        assertThat(iavb.name()).isEqualTo("1st degree av block");
        assertThat(iavb.scored()).isTrue();
    }

    @Test
    void reasonsCarryTheNumbers() {
        assertThat(reason(with(f -> f.pr = OptionalDouble.of(236)), "IAVB")).isEqualTo("PR 236 ms > 200 ms");
        // rounding never hides the comparison: 200.4 is not printed as 200
        assertThat(reason(with(f -> f.pr = OptionalDouble.of(200.4)), "IAVB")).isEqualTo("PR 200.4 ms > 200 ms");
        assertThat(reason(with(f -> f.axes = qrsAxis(-52)), "LAD")).isEqualTo("QRS axis −52° < −30°, QRS axis −52° ≥ −90°");
        assertThat(reason(with(f -> {
            rbbbMorphology(f);
            f.qrs = OptionalDouble.of(140);
        }), "CRBBB")).isEqualTo("QRS 140 ms ≥ 120 ms, R′ V1 0.60 mV > 0 mV, S I 50 ms > 40 ms, S V6 50 ms > 40 ms");
        assertThat(reason(with(f -> f.t("V5", -0.3)), "TInv")).isEqualTo("leads with inverted T 1 ≥ 1");
    }

    private static String reason(Measurement m, String abbrev) {
        return RULES.statementsFor(m).stream().filter(s -> s.abbrev().equals(abbrev)).findFirst().orElseThrow().reason();
    }

    @Test
    void aMeasurementWithNothingMeasurableMakesNoStatement() {
        Measurement empty = new Measurement(List.of(), Optional.empty(), Optional.empty(),
                new GlobalIntervals(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()),
                Map.of(), FrontalAxes.NONE, List.of(), Voltages.NONE, Rhythm.NONE, List.of(), List.of());
        assertThat(MeasuredValues.of(empty)).isEmpty();
        assertThat(RULES.statementsFor(empty)).isEmpty();
    }

    @Test
    void aMissingValueNeverFiresTheRulesThatNeedIt() {
        // Each pair: a measurement that fires the rule, then the same with the value it needs made unmeasurable.
        assertThat(abbrevs(with(f -> {
            f.pr = OptionalDouble.of(260);
            f.pr = OptionalDouble.empty();
        }))).doesNotContain("IAVB", "LPR");
        assertThat(abbrevs(with(f -> f.rate = OptionalDouble.empty()))).doesNotContain("NSR", "SB", "STach", "Brady");
        assertThat(abbrevs(with(f -> f.rhythm = Rhythm.NONE))).doesNotContain("NSR", "SB", "STach", "AF", "SA");
        assertThat(abbrevs(with(f -> {
            f.rhythm = rhythm(null, null, 0.3);
            f.rate = OptionalDouble.of(50);
        }))).doesNotContain("AF", "SB").contains("Brady");
        assertThat(abbrevs(with(f -> {
            f.axes = FrontalAxes.NONE;
            lafbMorphology(f);
        }))).doesNotContain("LAD", "RAD", "LAnFB");
        assertThat(abbrevs(with(f -> {
            f.qtc.clear();
            f.qt = OptionalDouble.of(600);
        }))).doesNotContain("LQT");
        assertThat(abbrevs(with(f -> {
            rbbbMorphology(f);
            f.qrs = OptionalDouble.empty();
        }))).doesNotContain("CRBBB", "IRBBB", "NSIVCB");
        // a lead without any QRS wave is not measured: the rules that read it are skipped
        assertThat(abbrevs(with(f -> {
            rbbbMorphology(f);
            f.qrs = OptionalDouble.of(140);
            f.lead("V6", null, null, null, null, null, null, null);
        }))).doesNotContain("CRBBB");
        assertThat(abbrevs(with(f -> {
            lowLimbVoltage(f, 0.2);
            f.leads.remove("aVF");
        }))).doesNotContain("LQRSV");
        assertThat(abbrevs(with(f -> {
            f.rrSamples.set(3, 600);
            f.medians = false;
        }))).doesNotContain("SA");
        assertThat(abbrevs(with(f -> f.t("V5", -0.5).wave("V5", 1, 0, 0).removeWave("V5", 1)))).doesNotContain("TInv");
    }

    @Test
    void unlessSuppressesARuleWhenAnEarlierOneFired() {
        // paced: no rhythm statements from the P waves, no wide-QRS statement
        Set<String> paced = abbrevs(with(f -> {
            f.beats(12, 12, BeatType.PACED);
            f.qrs = OptionalDouble.of(160);
        }));
        assertThat(paced).contains("PR").doesNotContain("NSR", "NSIVCB", "PVC");
        // sinus bradycardia is not also "bradycardia"
        assertThat(abbrevs(with(f -> f.rate = OptionalDouble.of(50)))).contains("SB").doesNotContain("Brady");
        // a bundle branch block is not also a nonspecific conduction delay, nor its T waves a T statement
        Set<String> lbbb = abbrevs(with(f -> {
            lbbbMorphology(f);
            f.qrs = OptionalDouble.of(150);
        }));
        assertThat(lbbb).contains("LBBB").doesNotContain("NSIVCB", "TInv");
    }

    @Test
    void conditionsFollowThreeValuedLogic() {
        RuleCondition c = RuleConditionParser.parse("pr_ms > 200 or qrs_ms > 120");
        assertThat(c.evaluate(Map.of("qrs_ms", 130.0)).truth()).isEqualTo(RuleCondition.Truth.TRUE);
        assertThat(c.evaluate(Map.of("qrs_ms", 100.0)).truth()).isEqualTo(RuleCondition.Truth.UNKNOWN);
        RuleCondition a = RuleConditionParser.parse("pr_ms > 200 and (qrs_ms > 120)");
        assertThat(a.evaluate(Map.of("qrs_ms", 100.0)).truth()).isEqualTo(RuleCondition.Truth.FALSE);
        assertThat(a.evaluate(Map.of("qrs_ms", 130.0)).truth()).isEqualTo(RuleCondition.Truth.UNKNOWN);
        assertThat(RuleConditionParser.parse("r_V1_mv > -s_V1_mv").evaluate(Map.of("r_V1_mv", 0.5, "s_V1_mv", -0.3))
                .reasons()).containsExactly("R V1 0.50 mV > −S V1 0.30 mV");
    }

    @Test
    void aMalformedTableIsRefusedNamingItsLine() {
        DiagnosisCatalogue c = DiagnosisCatalogue.standard();
        String header = "abbrev\tcode\twhen\tunless\tsource\n";
        assertThatThrownBy(() -> read(header + "IAVB\t270492004\tpr_msec > 200\t\tx\n", c))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2").hasMessageContaining("pr_msec");
        assertThatThrownBy(() -> read(header + "LPR\t270492004\tpr_ms > 200\t\tx\n", c))
                .hasMessageContaining("is IAVB in the catalogue");
        assertThatThrownBy(() -> read(header + "IAVB\t999999999\tpr_ms > 200\t\tx\n", c))
                .hasMessageContaining("not in the catalogue");
        assertThatThrownBy(() -> read(header + "IAVB\t270492004\tpr_ms > 200\tAF\tx\n", c))
                .hasMessageContaining("unless AF");
        assertThatThrownBy(() -> read(header + "IAVB\t270492004\tpr_ms >\t\tx\n", c))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> read("abbrev\tcode\n", c)).hasMessageContaining("header");
    }

    private static StatementRules read(String text, DiagnosisCatalogue c) throws IOException {
        return StatementRules.read("test.tsv", new StringReader(text), c);
    }

    @Test
    void everyVocabularyNameIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/measurements.md"));
        for (MeasuredValues.Definition d : MeasuredValues.VOCABULARY) {
            if (d.name().matches(".*_(I|II|III|aVR|aVL|aVF|V[1-6])_(mv|ms)")) continue; // documented as a pattern
            assertThat(doc).as(d.name()).contains("`" + d.name() + "`");
        }
    }
}
