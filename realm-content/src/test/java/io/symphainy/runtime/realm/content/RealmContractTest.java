package io.symphainy.runtime.realm.content;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The content realm reaches the runtime only through its public contract: the step SPI, the agent SPI, the data-reference SPI and the
 * message
 * records.
 */
@AnalyzeClasses(packages = "io.symphainy.runtime.realm.content", importOptions = ImportOption.DoNotIncludeTests.class)
class RealmContractTest {

    @ArchTest
    static final ArchRule usesOnlyThePublicContract = noClasses()
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "runtime-core internals", javaClass -> javaClass.getPackageName().startsWith("io.symphainy.runtime.core")
                            && !javaClass.getPackageName().startsWith("io.symphainy.runtime.core.capability.spi")
                            && !javaClass.getPackageName().startsWith("io.symphainy.runtime.core.dataref.spi")
                            && !javaClass.getPackageName().startsWith("io.symphainy.runtime.core.agent.spi")
                            && !javaClass.getPackageName().contains(".messages")))
            .allowEmptyShould(true)
            .because("realms compute; the runtime records, retries and compensates through its public contract");
}
