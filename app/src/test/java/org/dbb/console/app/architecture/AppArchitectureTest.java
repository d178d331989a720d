package org.dbb.console.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class AppArchitectureTest {

    private final JavaClasses app = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.dbb.console.app");

    @Test
    void viewModelsNeverTouchControls() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.stage..")
                .because("view models are plain objects tested without a toolkit; views bind to them")
                .check(app);
    }

    @Test
    void appStartsNoThreadsOfItsOwn() {
        noClasses().should().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class)
                .because("threads come from executors built in the composition root")
                .check(app);
    }

    @Test
    void onlyTheFxAdapterCrossesOntoTheFxThread() {
        noClasses().that().doNotHaveFullyQualifiedName("org.dbb.console.app.fx.FxExecutor")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("one adapter posts to the FX thread, so updates can be coalesced in one place")
                .check(app);
    }

    @Test
    void commandLineCodeNeverLoadsJavaFxControls() {
        noClasses().that().resideInAPackage("org.dbb.console.app.cli..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the command line must run on machines without a display")
                .check(app);
    }
}
