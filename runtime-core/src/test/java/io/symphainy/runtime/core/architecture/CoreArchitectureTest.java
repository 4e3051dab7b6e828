package io.symphainy.runtime.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture the core promises: framework-free messages, a self-contained public contract, no web layer,
 * aggregates that only the runtime touches, and features that do not depend on each other in a circle.
 */
@AnalyzeClasses(packages = "io.symphainy.runtime.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule messagesStayFrameworkFree = classes()
            .that().resideInAPackage("..messages..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..",
                    "io.symphainy.runtime.core..messages..",
                    "io.symphainy.runtime.core.capability.spi..",
                    "org.axonframework.modelling.command")
            .because("message records are the public contract stored in the event store; persistence or Jackson"
                    + " types in them would leak into every realm and every stored event");

    @ArchTest
    static final ArchRule publicContractIsSelfContained = classes()
            .that().resideInAnyPackage("io.symphainy.runtime.core.capability.spi..",
                    "io.symphainy.runtime.core.dataref.spi..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..",
                    "io.symphainy.runtime.core..messages..",
                    "io.symphainy.runtime.core.capability.spi..",
                    "io.symphainy.runtime.core.dataref.spi..")
            .because("realms compile against the step and data-reference SPIs and the messages, nothing else of the"
                    + " runtime's internals");

    /**
     * The message records and SPIs are the contract every feature shares and are left out of the slices: they depend
     * on no feature's code (see the rules above), so they cannot close a circle between features. Among themselves
     * they refer to each other's ids and records (an execution's events name its saga, a saga's its execution), and
     * event classes cannot move, because their names are stored with every event.
     */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices()
            .assignedFrom(TopLevelPackages.of("io.symphainy.runtime.core",
                    pkg -> !pkg.contains(".messages") && !pkg.endsWith(".spi") && !pkg.contains(".spi.")))
            .should().beFreeOfCycles()
            .because("a newcomer reads a feature from the ones it uses; a circle means reading them all at once");

    @ArchTest
    static final ArchRule agentContractGivesNoDatabaseNoHttpNoState = classes()
            .that().resideInAPackage("io.symphainy.runtime.core.agent.spi..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java.lang..", "java.util..", "java.time..", "java.nio.charset..", "java.security..",
                    "io.symphainy.runtime.core..messages..",
                    "io.symphainy.runtime.core.capability.spi..",
                    "io.symphainy.runtime.core.agent.spi..")
            .because("agents reason over recorded facts only: no database, no HTTP client, no runtime internals");

    @ArchTest
    static final ArchRule coreHasNoWebLayer = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "jakarta.servlet..", "org.springframework.http..")
            .because("the HTTP layer lives in runtime-api; the core is reached through commands and queries");

    @ArchTest
    static final ArchRule aggregatesAreNotReadByProjections = noClasses()
            .that().resideInAnyPackage("..state..", "..wal..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.symphainy.runtime.core.session", "io.symphainy.runtime.core.execution",
                    "io.symphainy.runtime.core.saga", "org.axonframework.modelling.command",
                    "org.axonframework.eventsourcing..")
            .because("read views are built from events, never from an aggregate or the event store's tables");
}
