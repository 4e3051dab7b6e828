package io.symphainy.runtime.bench;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The benchmarks' packages (one per benchmark family) do not depend on each other in a circle. The module is built
 * only with the {@code bench} profile: {@code ./mvnw -Pbench -pl bench -am test -Dtest=BenchArchitectureTest
 * -Dsurefire.failIfNoSpecifiedTests=false} runs this without running a benchmark.
 */
@AnalyzeClasses(packages = "io.symphainy.runtime.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class BenchArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .matching("io.symphainy.runtime.bench.(*)..")
            .should().beFreeOfCycles()
            .because("each benchmark family reads on its own");
}
