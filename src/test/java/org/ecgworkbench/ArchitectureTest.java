package org.ecgworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Holds the one-way package dependencies of DESIGN.md: the engine never knows its faces exist. */
@AnalyzeClasses(packages = "org.ecgworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] ENGINE = {
        "org.ecgworkbench.record..", "org.ecgworkbench.label..", "org.ecgworkbench.signal..",
        "org.ecgworkbench.dataset..", "org.ecgworkbench.model..", "org.ecgworkbench.train..",
        "org.ecgworkbench.eval..", "org.ecgworkbench.synth.."
    };
    private static final String[] DL4J = {"org.deeplearning4j..", "org.nd4j..", "org.bytedeco.."};

    @ArchTest
    static final ArchRule engineNeverUsesItsFaces = noClasses().that().resideInAnyPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage("org.ecgworkbench.app..", "org.ecgworkbench.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule engineAndCliNeverUseJavaFx = noClasses().that().resideInAnyPackage(ENGINE)
            .or().resideInAPackage("org.ecgworkbench.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fair_acc..", "org.controlsfx..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule signalEvalSynthNeverUseDl4j = noClasses()
            .that().resideInAnyPackage("org.ecgworkbench.signal..", "org.ecgworkbench.eval..", "org.ecgworkbench.synth..")
            .should().dependOnClassesThat().resideInAnyPackage(DL4J)
            .allowEmptyShould(true);

    /** Reading records and labels sits below everything else. */
    @ArchTest
    static final ArchRule recordAndLabelAreTheBottom = noClasses()
            .that().resideInAnyPackage("org.ecgworkbench.record..", "org.ecgworkbench.label..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.ecgworkbench.signal..", "org.ecgworkbench.dataset..", "org.ecgworkbench.model..",
                    "org.ecgworkbench.train..", "org.ecgworkbench.eval..", "org.ecgworkbench.synth..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule recordNeverUsesLabels = noClasses().that().resideInAPackage("org.ecgworkbench.record..")
            .should().dependOnClassesThat().resideInAPackage("org.ecgworkbench.label..")
            .allowEmptyShould(true);

    /** View models are unit-tested without the toolkit: they never touch the scene graph. */
    @ArchTest
    static final ArchRule viewModelsNeverImportScene = noClasses()
            .that().resideInAPackage("org.ecgworkbench.app..").and().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
            .allowEmptyShould(true);
}
