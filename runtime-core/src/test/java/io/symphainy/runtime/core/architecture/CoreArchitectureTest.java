package io.symphainy.runtime.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture the core promises: framework-free messages, no web layer, aggregates that only the runtime
 * touches.
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
    static final ArchRule stepContractIsSelfContained = classes()
            .that().resideInAPackage("io.symphainy.runtime.core.capability.spi..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..",
                    "io.symphainy.runtime.core..messages..",
                    "io.symphainy.runtime.core.capability.spi..")
            .because("realms compile against the step SPI and nothing else of the runtime's internals");

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
