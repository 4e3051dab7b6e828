package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusNamingConvention;
import io.symphainy.runtime.core.observability.RuntimeMeters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard of {@code monitoring/} queries only series the runtime really exports: every metric name in
 * its PromQL is found in a live scrape of {@code /actuator/prometheus} after executions that retry, compensate, are
 * refused and wait for approval.
 */
class GrafanaDashboardHttpTest extends ObservabilityHttpTestSupport {

    static final Path DASHBOARD = Path.of("..", "monitoring", "grafana", "dashboards", "symphainy-runtime.json");

    /**
     * Registered at the first intent a busy intake turns away, which these tests do not provoke; its name is the
     * meter's under Micrometer's Prometheus convention, with the {@code _total} the exposition gives counters.
     */
    private static final String SHED = new PrometheusNamingConvention().name(RuntimeMeters.INTENTS_SHED,
            Meter.Type.COUNTER) + "_total";

    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)"
            + "\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "bool", "and", "or",
            "unless", "offset");

    @Test
    void everyMetricTheDashboardQueriesIsOneTheRuntimeExports() throws IOException {
        String sessionId = createSession(SUBMITTER_A);
        String retried = submitEcho(SUBMITTER_A, sessionId, Map.of("fail_times", 1));
        String compensated = submitEcho(SUBMITTER_A, sessionId, Map.of("fail_permanently_at", 2));
        assertProblem(post("/intent/submit", SUBMITTER_A, Map.of("session_id", sessionId,
                "intent_type", "diagnostics.unknown", "payload", Map.of())), 422, "UNKNOWN_INTENT_TYPE");
        publishPolicy(holdTransfers("PT1H"));
        String held = submitHeldTransfer(createSession(GOV_SUBMITTER));
        awaitStatus(SUBMITTER_A, retried, "completed");
        awaitStatus(SUBMITTER_A, compensated, "compensated");
        Set<String> queried = metricNames(JSON.readTree(Files.readString(DASHBOARD)));

        try {
            Set<String> exported = await("the scrape to show every queried metric", () -> exportedNames(scrape()),
                    names -> names.containsAll(without(queried, SHED)));

            assertThat(queried).contains("runtime_intents_accepted_total", "runtime_step_duration_seconds_bucket",
                    "runtime_retries_total", "runtime_compensations_total", "runtime_wal_size_events",
                    "runtime_projection_lag_events", "runtime_approvals_pending", SHED);
            assertThat(exported).containsAll(without(queried, SHED));
        } finally {
            assertStatus(post("/execution/" + held + "/reject", GOV_APPROVER, Map.of("reason", "test over")), 200);
        }
    }

    @Test
    void metricNamesAreReadFromPromQl() {
        assertThat(namesIn("histogram_quantile(0.95, sum by (le, capability) "
                + "(rate(runtime_step_duration_seconds_bucket{tenant=~\"$tenant\"}[$__rate_interval])))"))
                .containsExactly("runtime_step_duration_seconds_bucket");
        assertThat(namesIn("max by (processor) (runtime_projection_lag_events) / ignoring(x) up"))
                .containsExactly("runtime_projection_lag_events", "up");
    }

    /** Every metric name in the PromQL of the dashboard's panels. */
    static Set<String> metricNames(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                names.addAll(namesIn(target.path("expr").asText()));
            }
        }
        return names;
    }

    static Set<String> namesIn(String promQl) {
        String bare = GROUPING.matcher(RANGES.matcher(LABEL_MATCHERS.matcher(promQl).replaceAll(" "))
                .replaceAll(" ")).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
            if (!function && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The metric names of the sample lines of a Prometheus text scrape. */
    private static Set<String> exportedNames(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    private static Set<String> without(Set<String> names, String left) {
        Set<String> rest = new TreeSet<>(names);
        rest.remove(left);
        return rest;
    }
}
