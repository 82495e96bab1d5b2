package org.ecgworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ecgworkbench.support.LayerTable;

/**
 * Holds the one-way package dependencies of DESIGN.md: the engine never knows its faces exist. Which package
 * may use which is stated once, in the layer table of docs/architecture.md ({@link LayerTable}); the rules
 * below it add what a table of packages cannot say (JavaFX, Deeplearning4j, view models, standard streams).
 */
@AnalyzeClasses(packages = "org.ecgworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] ENGINE = {
        "org.ecgworkbench.record..", "org.ecgworkbench.label..", "org.ecgworkbench.signal..",
        "org.ecgworkbench.dataset..", "org.ecgworkbench.model..", "org.ecgworkbench.train..",
        "org.ecgworkbench.eval..", "org.ecgworkbench.synth..", "org.ecgworkbench.runs.."
    };
    private static final String[] DL4J = {"org.deeplearning4j..", "org.nd4j..", "org.bytedeco.."};

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

    /**
     * Formats sit beside each other under the reader facade: MAT code never reaches for WFDB code (the WFDB
     * reader may read the challenge's .mat signal files through record.mat, a one-way edge).
     */
    @ArchTest
    static final ArchRule matNeverUsesWfdb = noClasses().that().resideInAPackage("org.ecgworkbench.record.mat..")
            .should().dependOnClassesThat().resideInAPackage("org.ecgworkbench.record.wfdb..")
            .allowEmptyShould(true);

    /**
     * Inside record, only the reader facade knows the formats (it picks one and, for WFDB, reads the header
     * alone): EcgRecord and the rest of record are format-neutral (a record's header is a FormatHeader).
     */
    @ArchTest
    static final ArchRule onlyTheFacadeKnowsTheFormats = noClasses().that().resideInAPackage("org.ecgworkbench.record")
            .and().doNotHaveSimpleName("EcgRecordReader")
            .should().dependOnClassesThat().resideInAnyPackage("org.ecgworkbench.record.wfdb..", "org.ecgworkbench.record.mat..")
            .allowEmptyShould(true);

    /** The scipy equivalents know nothing of the pipeline that runs them. */
    @ArchTest
    static final ArchRule dspNeverUsesThePipeline = noClasses().that().resideInAPackage("org.ecgworkbench.signal.dsp..")
            .should().dependOnClassesThat().resideInAPackage("org.ecgworkbench.signal")
            .allowEmptyShould(true);

    /** Keeping runs is bookkeeping and processes: the network is the child's business. */
    @ArchTest
    static final ArchRule runsNeverUsesDl4j = noClasses().that().resideInAPackage("org.ecgworkbench.runs..")
            .should().dependOnClassesThat().resideInAnyPackage(DL4J)
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
     * {@code org.ecgworkbench.app} itself (the wizard's pipeline page shows a pipeline's stages as the Preview
     * room does, through the shared PipelinePreview and PreviewStagesView there).
     */
    @ArchTest
    static final ArchRule roomsNeverImportEachOther = slices().matching("org.ecgworkbench.app.(*)..")
            .namingSlices("room $1")
            .should().notDependOnEachOther()
            .allowEmptyShould(true);


    /** Terminal output belongs to the command line (and Main); the workbench logs (app/WorkbenchLog). */
    @ArchTest
    static final ArchRule onlyTheCommandLineWritesToTheTerminal = noClasses()
            .that().resideOutsideOfPackage("org.ecgworkbench.cli..").and().doNotHaveFullyQualifiedName("org.ecgworkbench.Main")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    /** Each class uses only its own package's row and the rows its row lists under "uses" in docs/architecture.md. */
    @ArchTest
    static void packagesUseOnlyWhatTheLayerTableLists(JavaClasses classes) throws IOException {
        LayerTable table = LayerTable.read();
        classes().should(new ArchCondition<JavaClass>("use only the packages their row of docs/architecture.md lists") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Optional<String> from = table.rowOf(c.getPackageName());
                if (from.isEmpty()) return; // Main, in the root package, chooses between the faces
                if (!table.layers().containsKey(from.get())) {
                    events.add(SimpleConditionEvent.violated(c, "package " + from.get() + " of " + c.getName()
                            + " has no row in the layer table of docs/architecture.md"));
                    return;
                }
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    Optional<String> to = table.rowOf(d.getTargetClass().getPackageName());
                    if (to.isPresent() && table.layers().containsKey(to.get()) && !table.allows(from.get(), to.get())) {
                        events.add(SimpleConditionEvent.violated(d, from.get() + " uses " + to.get()
                                + ", which its row in docs/architecture.md does not list: " + d.getDescription()));
                    }
                }
            }
        }).check(classes);
    }

    /** The table is exact: every use it lists is made by some class, and uses point down the layers. */
    @ArchTest
    static void everyUseTheLayerTableListsIsReal(JavaClasses classes) throws IOException {
        LayerTable table = LayerTable.read();
        Map<String, Set<String>> actual = new TreeMap<>();
        for (JavaClass c : classes) {
            Optional<String> from = table.rowOf(c.getPackageName());
            if (from.isEmpty()) continue;
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                table.rowOf(d.getTargetClass().getPackageName()).filter(to -> !to.equals(from.get()))
                        .ifPresent(to -> actual.computeIfAbsent(from.get(), k -> new TreeSet<>()).add(to));
            }
        }
        Map<String, Set<String>> listed = new TreeMap<>();
        table.uses().forEach((pkg, used) -> { if (!used.isEmpty()) listed.put(pkg, new TreeSet<>(used)); });
        assertThat(actual).as("the uses column of docs/architecture.md against the classes' dependencies").isEqualTo(listed);
        assertThat(table.upwardUses()).as("uses that point up the layers").isEmpty();
    }
}
