package io.symphainy.runtime.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md and the code agree: every setting the runtime reads has a row there with its environment
 * variable and default, and every property the page names exists.
 */
class ConfigurationDocsTest {

    private static final String PAGE = "docs/configuration.md";
    /** A property name as the first cell of a table row. */
    private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");
    /** A runtime property anywhere in the page's text. */
    private static final Pattern RUNTIME_PROPERTY = Pattern.compile("(?<![\\w.-])runtime(\\.[a-z0-9-]+)+(?<![.-])");

    private static RuntimeSettings code;
    private static Map<String, List<String>> rows;

    @BeforeAll
    static void readCodeAndPage() {
        code = RuntimeSettings.discover();
        rows = new LinkedHashMap<>();
        for (List<String> row : DocsPages.tableRows(DocsPages.read(PAGE))) {
            String first = row.get(0);
            if (first.startsWith("`") && first.endsWith("`") && PROPERTY.matcher(unquote(first)).matches()) {
                assertThat(rows.put(unquote(first), row)).as("rows of %s", first).isNull();
            }
        }
    }

    @Test
    void theCodeHasSettingsToDocument() {
        assertThat(code.runtimeSettings()).as("settings found in the code").hasSizeGreaterThan(50)
                .containsKeys("runtime.saga.default-step-timeout", "runtime.content.max-bytes",
                        "runtime.session.snapshot-every", "runtime.diagnostics.enabled", "runtime.data-dir",
                        "runtime.security.jwt.hmac-secret");
        assertThat(rows).as("setting rows of " + PAGE).hasSizeGreaterThan(50);
    }

    @Test
    void everySettingTheRuntimeReadsHasARow() {
        Set<String> undocumented = new TreeSet<>(code.runtimeSettings().keySet());
        undocumented.removeAll(rows.keySet());

        assertThat(undocumented).as("settings read by the code but missing from " + PAGE).isEmpty();
    }

    @Test
    void everyPropertyThePageNamesExists() {
        Set<String> unknown = new TreeSet<>();
        rows.keySet().stream().filter(name -> !code.exists(name)).forEach(unknown::add);
        Matcher mention = RUNTIME_PROPERTY.matcher(DocsPages.read(PAGE));
        while (mention.find()) {
            if (!code.exists(mention.group())) {
                unknown.add(mention.group());
            }
        }

        assertThat(unknown).as("properties named in " + PAGE + " that nothing reads").isEmpty();
    }

    @Test
    void everyRowGivesTheEnvironmentVariableAndTheDefaultsOfTheCode() {
        List<String> wrong = new ArrayList<>();
        rows.forEach((name, row) -> {
            assertThat(row).as("cells of %s: property, environment variable, default, meaning", name).hasSize(4);
            RuntimeSettings.Setting setting = code.describe(name);
            if (!DocsPages.backticked(row.get(1)).contains(setting.environmentVariable())) {
                wrong.add(name + ": environment variable " + setting.environmentVariable() + ", not " + row.get(1));
            }
            for (String defaultValue : setting.defaults()) {
                if (!DocsPages.backticked(row.get(2)).contains(defaultValue)) {
                    wrong.add(name + ": default `" + defaultValue + "` in the code, the page says " + row.get(2));
                }
            }
        });

        assertThat(wrong).as("rows of " + PAGE + " that differ from the code").isEmpty();
    }

    private static String unquote(String cell) {
        return cell.substring(1, cell.length() - 1);
    }
}
