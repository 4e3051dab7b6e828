package io.symphainy.runtime.realm.content;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.symphainy.runtime.core.architecture.TopLevelPackages;

/**
 * The content realm reaches the runtime only through its public contract (the step SPI, the agent SPI, the
 * data-reference SPI and the message records), and its own packages do not depend on each other in a circle.
 */
@AnalyzeClasses(packages = "io.symphainy.runtime.realm.content", importOptions = ImportOption.DoNotIncludeTests.class)
class RealmContractTest {

    @ArchTest
    static final ArchRule usesOnlyThePublicContract = noClasses()
            .should().dependOnClassesThat(resideInAPackage("io.symphainy.runtime.core..")
                    .and(not(resideInAnyPackage(
                            "io.symphainy.runtime.core.capability.spi..",
                            "io.symphainy.runtime.core.dataref.spi..",
                            "io.symphainy.runtime.core.agent.spi..",
                            "io.symphainy.runtime.core..messages..")))
                    .as("runtime-core internals"))
            .allowEmptyShould(true)
            .because("realms compute; the runtime records, retries and compensates through its public contract");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .assignedFrom(TopLevelPackages.of("io.symphainy.runtime.realm.content"))
            .should().beFreeOfCycles()
            .because("the realm's configuration wires its steps, and the steps use only the packages below it");
}
