package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /health} end to end: answered without credentials, reporting the database and event processors.
 */
class HealthHttpTest extends HttpTestSupport {

    @Test
    void healthAnswersWithoutAKeyThatEverythingIsUp() {
        Response response = get("/health", null);

        assertStatus(response, 200);
        JsonNode health = response.json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("database").asText()).isEqualTo("UP");
        JsonNode processors = health.path("event_processors");
        assertThat(processors.isObject()).as("event_processors in %s", health).isTrue();
        List<String> names = new ArrayList<>();
        processors.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("saga-coordinator", "read-models");
        processors.fields().forEachRemaining(processor -> assertThat(processor.getValue().asText())
                .as("processor %s", processor.getKey()).isEqualTo("running"));
    }

    @Test
    void namesThisNodeAndTheSegmentsItHoldsAsTheProjectionsDo() {
        JsonNode health = get("/health", null).json();
        String node = health.path("node").asText();
        assertThat(node).as("node in %s", health).isNotBlank();
        assertThat(health.path("segments").path("read-models").isArray()).as("segments in %s", health).isTrue();

        assertThat(get("/runtime/projections", OPERATOR_A).json().path("node_id").asText()).isEqualTo(node);
        // The node records its first heartbeat once it is ready; then it is listed with the segments it holds.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<String> nodes = new ArrayList<>();
            get("/runtime/projections", OPERATOR_A).json().path("nodes")
                    .forEach(live -> nodes.add(live.path("node_id").asText()));
            return nodes.contains(node);
        });
    }

    @Test
    void healthAlsoAnswersWithAValidKey() {
        Response response = get("/health", SUBMITTER_A);

        assertStatus(response, 200);
        assertThat(response.text("status")).isEqualTo("UP");
    }

    @Test
    void healthRefusesAnUnknownKey() {
        assertProblem(get("/health", "not-a-key"), 401, "UNAUTHENTICATED");
    }
}
