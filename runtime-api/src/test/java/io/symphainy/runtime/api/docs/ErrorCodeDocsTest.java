package io.symphainy.runtime.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * The error codes the runtime answers or records and the docs agree: every code is documented somewhere in docs/,
 * and every code in the "Error codes" section of docs/http-api.md exists.
 *
 * <p>Codes are found by the project's naming: the constants of enums named {@code …Code} ({@code ProblemCode},
 * {@code RejectionCode}, {@code RuleViolationCode}) and the string constants of classes named {@code …Codes}
 * ({@code StepFailureCodes}, {@code ContentFailureCodes}), plus the few codes declared beside the code that assigns
 * them, named in {@link #CODES_DECLARED_ELSEWHERE}.
 */
class ErrorCodeDocsTest {

    private static final String PAGE = "docs/http-api.md";
    private static final String SECTION = "Error codes";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    /** Class and constant of each code that lives outside the code enums and code classes. */
    private static final Map<String, String> CODES_DECLARED_ELSEWHERE = Map.of(
            "io.symphainy.runtime.core.saga.SagaProgress", "COMPENSATION_FAILED",
            "io.symphainy.runtime.core.diagnostics.DiagnosticsCapability", "REQUESTED_FAILURE");

    @Test
    void everyCodeOfTheRuntimeIsDocumented() throws ReflectiveOperationException {
        Set<String> codes = runtimeCodes();
        Set<String> documented = DocsPages.backticked(DocsPages.allDocs());

        Set<String> undocumented = new TreeSet<>(codes);
        undocumented.removeAll(documented);

        assertThat(codes).as("codes found in the code").hasSizeGreaterThan(50)
                .contains("TENANT_MISMATCH", "SESSION_CLOSED", "STEP_TIMEOUT", "CONTENT_EMPTY", "COMPENSATION_FAILED");
        assertThat(undocumented).as("error codes missing from docs/*.md").isEmpty();
    }

    @Test
    void everyDocumentedCodeExists() throws ReflectiveOperationException {
        String section = DocsPages.section(DocsPages.read(PAGE), SECTION);
        Set<String> documented = new TreeSet<>();
        DocsPages.backticked(section).stream().filter(token -> CODE.matcher(token).matches()).forEach(documented::add);

        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(runtimeCodes());

        assertThat(documented).as("codes in the %s section of %s", SECTION, PAGE).hasSizeGreaterThan(50);
        assertThat(unknown).as("codes in %s that the runtime does not define", PAGE).isEmpty();
    }

    static Set<String> runtimeCodes() throws ReflectiveOperationException {
        Set<String> codes = new TreeSet<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*\\.[A-Za-z]+Codes?")));
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.symphainy.runtime")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.getProtectionDomain().getCodeSource().getLocation().toString().contains("test-classes")) {
                continue;
            }
            if (type.isEnum() && type.getSimpleName().endsWith("Code")) {
                Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).forEach(codes::add);
            } else if (type.getSimpleName().endsWith("Codes")) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                        codes.add((String) field.get(null));
                    }
                }
            }
        }
        for (Map.Entry<String, String> declared : CODES_DECLARED_ELSEWHERE.entrySet()) {
            Field field = Class.forName(declared.getKey()).getDeclaredField(declared.getValue());
            field.setAccessible(true);
            codes.add((String) field.get(null));
        }
        return codes;
    }
}
