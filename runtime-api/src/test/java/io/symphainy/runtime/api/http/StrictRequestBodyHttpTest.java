package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An unknown field in a JSON body is refused with a 400 naming it, on every endpoint that reads a typed JSON body
 * (found in the route table, so a new endpoint is covered without a new test), and nothing is recorded.
 */
class StrictRequestBodyHttpTest extends HttpTestSupport {

    private static final String UNKNOWN_FIELD = "an_unknown_field";
    /** Keys tried in turn: a route that checks roles before it reads the body answers 403 to the others. */
    private static final List<String> KEYS = List.of(OPERATOR_A, SUBMITTER_A, APPROVER_A, GOV_ADMIN);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSessionWithAMisspelledFieldIsRefusedNamingItAndNotCreated() {
        long eventsBefore = recordedEvents();

        JsonNode problem = assertProblem(post("/session/create", SUBMITTER_A,
                Map.of("contxt", Map.of("channel", "web"))), 400, "INVALID_REQUEST");

        assertThat(problem.path("detail").asText()).contains("contxt");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("contxt");
        assertThat(recordedEvents()).as("events recorded").isEqualTo(eventsBefore);
    }

    @Test
    void anIntentWithAnUnknownFieldIsRefusedAndNothingIsRecorded() {
        String sessionId = createSession(SUBMITTER_A);
        long eventsBefore = recordedEvents();

        JsonNode problem = assertProblem(post("/intent/submit", SUBMITTER_A, Map.of("session_id", sessionId,
                "intent_type", ECHO, "payload", Map.of(), "priorty", "high")), 400, "INVALID_REQUEST");

        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("priorty");
        assertThat(recordedEvents()).as("events recorded").isEqualTo(eventsBefore);
    }

    @Test
    void freeFormObjectsStillTakeAnyKey() {
        String sessionId = createSession(SUBMITTER_A, Map.of("any key", Map.of("nested", true)));

        assertStatus(patch("/session/" + sessionId, SUBMITTER_A, Map.of("context", Map.of("another_key", 1))), 204);
    }

    @Test
    void everyTypedJsonBodyRefusesAnUnknownField() {
        List<String> checked = new ArrayList<>();
        routes.getHandlerMethods().forEach((mapping, handler) -> {
            if (!readsTypedJsonBody(handler)) {
                return;
            }
            for (String method : Routes.methods(mapping)) {
                for (String pattern : mapping.getPatternValues()) {
                    String path = Routes.fill(pattern, name -> name.contains("version") ? "1"
                            : UUID.randomUUID().toString());
                    Response response = sendUntilNotForbidden(KEYS, method, path, Map.of(UNKNOWN_FIELD, 1));
                    assertThat(response.status()).as("%s %s answered %s", method, path, response.body())
                            .isEqualTo(400);
                    assertThat(response.text("code")).as("%s %s", method, path).isEqualTo("INVALID_REQUEST");
                    assertThat(response.json().path("errors").toString()).as("%s %s", method, path)
                            .contains(UNKNOWN_FIELD);
                    checked.add(method + " " + pattern);
                }
            }
        });
        assertThat(checked).as("routes with a typed JSON body").hasSizeGreaterThanOrEqualTo(10)
                .contains("POST /session/create", "POST /intent/submit", "POST /execution/{execution_id}/replay");
    }

    private static boolean readsTypedJsonBody(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                .map(MethodParameter::getParameterType)
                .anyMatch(type -> type.isRecord() || type.getPackageName().startsWith("io.symphainy"));
    }

    private long recordedEvents() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
