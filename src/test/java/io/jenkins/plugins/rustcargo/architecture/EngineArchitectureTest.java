package io.jenkins.plugins.rustcargo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine and the CLI stay Jenkins-free; the Jenkins adapter is the only glue. */
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
    void engineDependsOnTheJdkOnly() {
        noClasses().that().resideInAPackage("io.jenkins.plugins.rustcargo.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.jenkins.plugins.rustcargo.engine..")
                .because("container engines and other libraries reach the engine through ports such as ContainerRuntime")
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
}
