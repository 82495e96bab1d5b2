package org.ecgworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

class BundleClassesTest {
    @TempDir
    Path tmp;

    private static final NetworkSpec SPEC = NetworkSpec.of(Architecture.RESNET18, 0.125, 1000, false);
    private static final BundleMetadata STANDARD = BundleMetadata.standard(SPEC, PipelineJson.write(Pipeline.defaultRecipe()));

    private static BundleMetadata with(List<String> codes, List<String> abbreviations) {
        List<OutputClass> classes = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) classes.add(new OutputClass(codes.get(i), abbreviations.get(i), 0.5));
        return new BundleMetadata(STANDARD.formatVersion(), STANDARD.softwareVersion(), SPEC, classes,
                STANDARD.pipelineJson(), null, null, null, null, null);
    }

    @Test
    void everyCatalogueCodeIsASnomedConceptIdAndMalformedOnesAreNot() {
        DiagnosisCatalogue catalogue = DiagnosisCatalogue.standard();
        catalogue.scored().forEach(d -> assertThat(BundleClasses.isSnomedConceptId(d.code())).as(d.code()).isTrue());
        catalogue.unscored().forEach(d -> assertThat(BundleClasses.isSnomedConceptId(d.code())).as(d.code()).isTrue());
        for (String bad : List.of("164889004", "16488900", "AF", "", "012345", "1648890031234567890", "164889013", "-164889003")) {
            assertThat(BundleClasses.isSnomedConceptId(bad)).as(bad).isFalse();
        }
    }

    @Test
    void aBundleWithDuplicateOrForeignCodesOrWrongAbbreviationsIsRefusedAtLoadNamingTheBundleAndTheField() throws Exception {
        List<String> codes = STANDARD.codes();
        List<String> abbrevs = STANDARD.abbreviations();
        assertRefused(with(replace(codes, 1, codes.get(0)), replace(abbrevs, 1, abbrevs.get(0))), "codes[1]", "is the class of codes[0]");
        // 59118001 (RBBB) is the equivalent of 713427006 (CRBBB): one class, so a duplicate too.
        int crbbb = codes.indexOf("713427006");
        int other = crbbb == 0 ? 1 : 0;
        assertRefused(with(replace(codes, other, "59118001"), replace(abbrevs, other, abbrevs.get(crbbb))), "codes[", "is the class of");
        assertRefused(with(replace(codes, 2, "164889004"), abbrevs), "codes[2]", "not a SNOMED CT concept identifier");
        assertRefused(with(replace(codes, 2, "A\u001b]0;pwned\u0007"), abbrevs), "codes[2]", "\\u001b");
        assertRefused(with(codes, replace(abbrevs, 3, "NSR")), "abbreviations[3]", "does not match the catalogue's");
    }

    @Test
    void evaluateAndPredictShareOneMappingFromOutputsToClasses() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < STANDARD.codes().size(); i++) order.add(i);
        Collections.reverse(order);
        BundleMetadata reversed = with(order.stream().map(STANDARD.codes()::get).toList(),
                order.stream().map(STANDARD.abbreviations()::get).toList());
        BundleClasses.check(reversed);
        int[] outputOf = BundleClasses.outputOfEachScoredClass(reversed);
        List<ScoredClass> classes = DiagnosisCatalogue.standard().scoredClasses();
        for (ScoredClass c : classes) assertThat(reversed.codes().get(outputOf[c.index()])).isEqualTo(c.canonicalCode());
        float[] outputs = new float[classes.size()];
        for (int i = 0; i < outputs.length; i++) outputs[i] = i;
        assertThat(BundleClasses.inScoredOrder(outputs, outputOf)[0]).isEqualTo(outputs.length - 1);
        assertThatThrownBy(() -> BundleClasses.outputOfEachScoredClass(with(replace(STANDARD.codes(), 0, "195042002"),
                replace(STANDARD.abbreviations(), 0, "IIAVB")))).hasMessageContaining("195042002 is not one of the 24 scored classes");
    }

    private void assertRefused(BundleMetadata metadata, String field, String why) throws Exception {
        Path file = tmp.resolve("bad.ecgmodel");
        ModelBundleIO.write(new ModelBundle(ResNet1d.build(SPEC, new Adam(1e-3), 0, null, 1), metadata), file);
        assertThatThrownBy(() -> ModelBundleIO.read(file)).isInstanceOf(ModelBundleException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining("field '" + field).hasMessageContaining(why)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
    }

    private static List<String> replace(List<String> list, int i, String value) {
        List<String> copy = new ArrayList<>(list);
        copy.set(i, value);
        return copy;
    }
}
