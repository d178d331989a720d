package org.dbb.console.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CoreArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.dbb.console.core");

    @Test
    void coreNeverTouchesJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the engine runs headless and from the command line; pixels belong to app")
                .check(core);
    }

    @Test
    void coreNeverDependsOnTheApp() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.dbb.console.app..")
                .because("app depends on core, never the reverse")
                .check(core);
    }

    @Test
    void coreStartsNoThreadsOfItsOwn() {
        noClasses().should().callConstructor(Thread.class)
                .orShould().callConstructor(Thread.class, Runnable.class)
                .because("threads belong to injected executors so tests stay deterministic and shutdown is central")
                .check(core);
    }

    @Test
    void coreWritesNothingToStandardStreams() {
        noClasses().should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("core reports through return values, listeners and logging; the CLI owns the console")
                .check(core);
    }
}
