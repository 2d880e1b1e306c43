package dev.mgmt.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of docs/architecture.md, checked on the compiled classes: every dependency points
 * down, and no two packages depend on each other (directly or round a loop).
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mgmt");
    }

    @Test
    void every_dependency_points_down_the_layers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Commands").definedBy("dev.mgmt", "dev.mgmt.cli..")
            .layer("Run").definedBy("dev.mgmt.run..")
            .layer("Capabilities").definedBy("dev.mgmt.exercise..", "dev.mgmt.diagnose..", "dev.mgmt.resources..",
                "dev.mgmt.config..", "dev.mgmt.auth..", "dev.mgmt.validate..", "dev.mgmt.input..")
            .layer("Core").definedBy("dev.mgmt.client..", "dev.mgmt.errors..", "dev.mgmt.http..", "dev.mgmt.output..",
                "dev.mgmt.report..", "dev.mgmt.settings..")
            .layer("Foundation").definedBy("dev.mgmt.json..", "dev.mgmt.text..", "dev.mgmt.process..")
            .layer("Sandbox").definedBy("dev.mgmt.sandbox..")
            .whereLayer("Run").mayOnlyBeAccessedByLayers("Commands")
            .whereLayer("Capabilities").mayOnlyBeAccessedByLayers("Commands", "Run")
            .whereLayer("Core").mayOnlyBeAccessedByLayers("Commands", "Run", "Capabilities")
            .whereLayer("Sandbox").mayOnlyBeAccessedByLayers("Commands")
            .whereLayer("Sandbox").mayOnlyAccessLayers("Foundation")
            .whereLayer("Foundation").mayNotAccessAnyLayer()
            .check(classes);
    }

    @Test
    void no_two_packages_depend_on_each_other() {
        slices().matching("dev.mgmt.(*)..").should().beFreeOfCycles().check(classes);
    }
}
