package org.ecgworkbench;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
        "org.ecgworkbench.eval..", "org.ecgworkbench.synth..", "org.ecgworkbench.runs.."
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

    @ArchTest
    static final ArchRule recordAndLabelNeverUseDl4j = noClasses()
            .that().resideInAnyPackage("org.ecgworkbench.record..", "org.ecgworkbench.label..")
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

    /**
     * Formats sit beside each other under the reader facade: MAT code never reaches for WFDB code (the WFDB
     * reader may read the challenge's .mat signal files through record.mat, a one-way edge).
     */
    @ArchTest
    static final ArchRule matNeverUsesWfdb = noClasses().that().resideInAPackage("org.ecgworkbench.record.mat..")
            .should().dependOnClassesThat().resideInAPackage("org.ecgworkbench.record.wfdb..")
            .allowEmptyShould(true);

    /** The scipy equivalents know nothing of the pipeline that runs them. */
    @ArchTest
    static final ArchRule dspNeverUsesThePipeline = noClasses().that().resideInAPackage("org.ecgworkbench.signal.dsp..")
            .should().dependOnClassesThat().resideInAPackage("org.ecgworkbench.signal")
            .allowEmptyShould(true);

    // The layers of docs/architecture.md, bottom up: record, label; signal; eval, synth; dataset, model; train; runs; cli, app.

    /** Training runs (workspace, run folders, queue, child processes) are the engine's: both faces use them, they use neither. */
    @ArchTest
    static final ArchRule runsNeverUsesTheFaces = noClasses().that().resideInAPackage("org.ecgworkbench.runs..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ecgworkbench.app..", "org.ecgworkbench.cli..")
            .allowEmptyShould(true);

    /** Runs sit on top of the engine: no other engine package knows them. */
    @ArchTest
    static final ArchRule runsIsTheTopOfTheEngine = noClasses().that().resideInAnyPackage(
                    "org.ecgworkbench.record..", "org.ecgworkbench.label..", "org.ecgworkbench.signal..",
                    "org.ecgworkbench.dataset..", "org.ecgworkbench.model..", "org.ecgworkbench.train..",
                    "org.ecgworkbench.eval..", "org.ecgworkbench.synth..")
            .should().dependOnClassesThat().resideInAPackage("org.ecgworkbench.runs..")
            .allowEmptyShould(true);

    /** Keeping runs is bookkeeping and processes: the network is the child's business. */
    @ArchTest
    static final ArchRule runsNeverUsesDl4j = noClasses().that().resideInAPackage("org.ecgworkbench.runs..")
            .should().dependOnClassesThat().resideInAnyPackage(DL4J)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule signalBuildsOnRecordOnly = noClasses().that().resideInAPackage("org.ecgworkbench.signal..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ecgworkbench.label..", "org.ecgworkbench.dataset..",
                    "org.ecgworkbench.model..", "org.ecgworkbench.train..", "org.ecgworkbench.eval..", "org.ecgworkbench.synth..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule evalAndSynthBuildOnRecordAndLabelOnly = noClasses()
            .that().resideInAnyPackage("org.ecgworkbench.eval..", "org.ecgworkbench.synth..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ecgworkbench.signal..", "org.ecgworkbench.dataset..",
                    "org.ecgworkbench.model..", "org.ecgworkbench.train..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule evalNeverUsesSynth = noClasses().that().resideInAPackage("org.ecgworkbench.eval..")
            .should().dependOnClassesThat().resideInAPackage("org.ecgworkbench.synth..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule synthNeverUsesEval = noClasses().that().resideInAPackage("org.ecgworkbench.synth..")
            .should().dependOnClassesThat().resideInAPackage("org.ecgworkbench.eval..")
            .allowEmptyShould(true);

    /** Data preparation and the network know nothing of training runs, metrics or each other. */
    @ArchTest
    static final ArchRule datasetAndModelSitBelowTraining = noClasses()
            .that().resideInAnyPackage("org.ecgworkbench.dataset..", "org.ecgworkbench.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ecgworkbench.train..", "org.ecgworkbench.eval..",
                    "org.ecgworkbench.synth..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule datasetNeverUsesModel = noClasses().that().resideInAPackage("org.ecgworkbench.dataset..")
            .should().dependOnClassesThat().resideInAPackage("org.ecgworkbench.model..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule modelNeverUsesDataset = noClasses().that().resideInAPackage("org.ecgworkbench.model..")
            .should().dependOnClassesThat().resideInAPackage("org.ecgworkbench.dataset..")
            .allowEmptyShould(true);

    /** The two faces are independent; only Main chooses between them. */
    @ArchTest
    static final ArchRule facesNeverUseEachOther = noClasses().that().resideInAPackage("org.ecgworkbench.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.ecgworkbench.app..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule appNeverUsesCli = noClasses().that().resideInAPackage("org.ecgworkbench.app..")
            .should().dependOnClassesThat().resideInAPackage("org.ecgworkbench.cli..")
            .allowEmptyShould(true);

    /** The app reaches the network only through model (Predictor, Explainer) and train. */
    @ArchTest
    static final ArchRule appNeverUsesDl4jDirectly = noClasses().that().resideInAPackage("org.ecgworkbench.app..")
            .should().dependOnClassesThat().resideInAnyPackage(DL4J)
            .allowEmptyShould(true);

    /** View models are unit-tested without the toolkit: they never touch the scene graph. */
    @ArchTest
    static final ArchRule viewModelsNeverImportScene = noClasses()
            .that().resideInAPackage("org.ecgworkbench.app..").and().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
            .allowEmptyShould(true);

    /**
     * The app's rooms (app.viewer, app.suggestions, app.dataset, app.preview, app.runs, app.wizard, app.report,
     * app.help) never import each other: they meet through the app's root view model (MainViewModel wires the
     * suggestions to the viewer, the dataset room's "open" to the record list) and the app's shared parts in
     * {@code org.ecgworkbench.app} itself. One exception: the wizard's pipeline page shows the Preview room's
     * stages view and computes its stages. (The wizard's run requests, {@code app.runs.RunRequest}, leave the
     * runs room for the engine's {@code org.ecgworkbench.runs} with issue 15's point 3; until then they are let through.)
     */
    @ArchTest
    static final ArchRule roomsNeverImportEachOther = slices().matching("org.ecgworkbench.app.(*)..")
            .namingSlices("room $1")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAPackage("org.ecgworkbench.app.wizard.."), resideInAPackage("org.ecgworkbench.app.preview.."))
            .ignoreDependency(resideInAPackage("org.ecgworkbench.app.wizard.."), name("org.ecgworkbench.app.runs.RunRequest"))
            .allowEmptyShould(true);
}
