package org.ecgworkbench.measure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The measurement engine builds on record, signal and label only (issue 16: no DL4J, no JavaFX). Kept beside
 * the package until the project's ArchitectureTest takes these rules over.
 */
@AnalyzeClasses(packages = "org.ecgworkbench.measure", importOptions = ImportOption.DoNotIncludeTests.class)
class MeasureArchitectureTest {

    @ArchTest
    static final ArchRule measureUsesOnlyTheLayersBelow = noClasses().that().resideInAPackage("org.ecgworkbench.measure..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ecgworkbench.app..", "org.ecgworkbench.cli..",
                    "org.ecgworkbench.dataset..", "org.ecgworkbench.model..", "org.ecgworkbench.train..",
                    "org.ecgworkbench.eval..", "org.ecgworkbench.synth..", "javafx..", "io.fair_acc..",
                    "org.controlsfx..", "org.deeplearning4j..", "org.nd4j..", "org.bytedeco..");

    @ArchTest
    static final ArchRule referenceReaderStandsAlone = noClasses().that().resideInAPackage("org.ecgworkbench.measure.reference..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ecgworkbench.signal..", "org.ecgworkbench.measure");
}
