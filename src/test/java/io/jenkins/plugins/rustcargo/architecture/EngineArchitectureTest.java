package io.jenkins.plugins.rustcargo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine and the CLI stay Jenkins-free; the Jenkins adapter is the only glue. The engine uses
 * nothing but the JDK, and no two packages depend on each other in a circle (the adapter's
 * packages form layers: agent, form and report at the bottom, then step, sweep, config, cache).
 */
class EngineArchitectureTest {
    private static final String[] JENKINS_PACKAGES = {"hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.rustcargo");
    }

    @Test
    void engineHasNoJenkinsDependencies() {
        ArchRule rule = noClasses().that().resideInAPackage("io.jenkins.plugins.rustcargo.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(JENKINS_PACKAGES)
                .because("the engine is plain Java shared by the CLI, the step and the benchmarks");
        rule.check(classes);
    }

    @Test
    void cliHasNoJenkinsDependencies() {
        noClasses().that().resideInAPackage("io.jenkins.plugins.rustcargo.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(JENKINS_PACKAGES)
                .check(classes);
    }

    @Test
    void engineDoesNotDependOnItsAdapters() {
        noClasses().that().resideInAPackage("io.jenkins.plugins.rustcargo.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jenkins.plugins.rustcargo.cli..",
                        "io.jenkins.plugins.rustcargo.jenkins..", "io.jenkins.plugins.rustcargo.daemon..")
                .check(classes);
    }

    @Test
    void dockerAdapterHasNoJenkinsDependencies() {
        noClasses().that().resideInAPackage("io.jenkins.plugins.rustcargo.daemon..")
                .should().dependOnClassesThat().resideInAnyPackage(JENKINS_PACKAGES)
                .because("the CLI uses the managed daemon too")
                .check(classes);
    }

    @Test
    void cliAndJenkinsAdapterDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("io.jenkins.plugins.rustcargo.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.jenkins.plugins.rustcargo.jenkins..")
                .check(classes);
        noClasses().that().resideInAPackage("io.jenkins.plugins.rustcargo.jenkins..")
                .should().dependOnClassesThat().resideInAPackage("io.jenkins.plugins.rustcargo.cli..")
                .check(classes);
    }

    @Test
    void engineDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("io.jenkins.plugins.rustcargo.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.jenkins.plugins.rustcargo.engine..")
                .because("the engine runs anywhere a JDK runs (CLI, agent, benchmarks); container engines and other"
                        + " libraries reach it through ports such as ContainerRuntime")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.jenkins.plugins.rustcargo.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theJenkinsAdapterIsSplitIntoItsParts() {
        // A class added to the old flat package would undo the layering that noPackageCycles guards.
        noClasses().should().resideInAPackage("io.jenkins.plugins.rustcargo.jenkins").check(classes);
    }
}
