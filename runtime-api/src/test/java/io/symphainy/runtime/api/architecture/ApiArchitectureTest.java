package io.symphainy.runtime.api.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.symphainy.runtime.core.architecture.TopLevelPackages;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP module stays thin: controllers read through the queries and read classes the core offers, never a table;
 * only the embedded database's bootstrap and the health probe speak JDBC; its packages do not depend on each other in
 * a circle.
 */
@AnalyzeClasses(packages = "io.symphainy.runtime.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    private static final String[] JDBC = {"org.springframework.jdbc..", "javax.sql..", "java.sql.."};

    @ArchTest
    static final ArchRule controllersNeverReadTables = noClasses()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
            .should().dependOnClassesThat(resideInAnyPackage(JDBC)
                    .or(annotatedWith(Repository.class))
                    .or(simpleNameEndingWith("Table"))
                    .as("JDBC, a repository or a table class"))
            .because("a read model's tables belong to its projection; controllers ask the core's queries and read"
                    + " classes, which keep the tenant scope and wait for the projection where they must");

    @ArchTest
    static final ArchRule onlyTheEmbeddedDatabaseAndTheHealthProbeSpeakJdbc = noClasses()
            .that().resideOutsideOfPackage("io.symphainy.runtime.api.embedded..")
            .and().doNotHaveFullyQualifiedName("io.symphainy.runtime.api.health.DatabaseProbe")
            .should().dependOnClassesThat().resideInAnyPackage(JDBC)
            .because("the HTTP module translates requests into commands and queries; SQL lives in the core");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .assignedFrom(TopLevelPackages.of("io.symphainy.runtime.api"))
            .should().beFreeOfCycles()
            .because("a newcomer reads a package from the ones it uses; a circle means reading them all at once");
}
