package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The listings of the State Surface over HTTP: {@code GET /executions} and {@code GET /sessions}, newest first,
 * filtered, keyset-paged and scoped to the caller's tenant.
 */
class StateListingHttpTest extends HttpTestSupport {

    @Test
    void listsASessionsExecutionsNewestFirstInKeysetPages() {
        String sessionId = createSession(SUBMITTER_A);
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of("message", "listing " + i));
            awaitStatus(SUBMITTER_A, executionId, "completed");
            submitted.add(executionId);
        }

        Response first = get("/executions?session_id=" + sessionId + "&limit=2", SUBMITTER_A);
        assertStatus(first, 200);
        assertThat(ids(first)).containsExactly(submitted.get(2), submitted.get(1));
        String next = first.text("next");
        assertThat(next).isNotBlank();
        Response second = get("/executions?session_id=" + sessionId + "&limit=2&after=" + next, SUBMITTER_A);
        assertStatus(second, 200);
        assertThat(ids(second)).containsExactly(submitted.get(0));
        assertThat(second.json().path("next").isNull()).isTrue();

        JsonNode row = second.json().path("executions").get(0);
        assertThat(row.path("session_id").asText()).isEqualTo(sessionId);
        assertThat(row.path("intent_type").asText()).isEqualTo(ECHO);
        assertThat(row.path("status").asText()).isEqualTo("completed");
        assertThat(row.path("user_id").asText()).isEqualTo("alice");
        assertThat(row.path("accepted_at").asText()).isNotBlank();
        assertThat(row.path("finished_at").asText()).isNotBlank();
        assertThat(row.path("capability_version").asText()).as("the version it ran, as its status shows it")
                .isNotBlank()
                .isEqualTo(get("/execution/" + submitted.get(0) + "/status", SUBMITTER_A).json()
                        .path("capability_version").asText());
    }

    @Test
    void filtersExecutionsByStatusTypeCapabilityAndCreationTime() {
        String sessionId = createSession(SUBMITTER_A);
        String completed = submitEcho(SUBMITTER_A, sessionId, Map.of());
        JsonNode done = awaitStatus(SUBMITTER_A, completed, "completed");
        String compensated = submitEcho(SUBMITTER_A, sessionId, Map.of("fail_permanently_at", 3));
        JsonNode undone = awaitStatus(SUBMITTER_A, compensated, "compensated");
        String session = "session_id=" + sessionId;

        assertThat(ids(get("/executions?" + session + "&status=compensated", OPERATOR_A)))
                .containsExactly(compensated);
        assertThat(ids(get("/executions?" + session + "&status=running", OPERATOR_A))).isEmpty();
        assertThat(ids(get("/executions?" + session + "&intent_type=" + ECHO, OPERATOR_A)))
                .containsExactly(compensated, completed);
        assertThat(ids(get("/executions?" + session + "&intent_type=content.upload", OPERATOR_A))).isEmpty();
        String capability = done.path("capability").asText();
        assertThat(ids(get("/executions?" + session + "&capability=" + capability, OPERATOR_A)))
                .containsExactly(compensated, completed);
        assertThat(ids(get("/executions?" + session + "&capability=no-such-capability", OPERATOR_A))).isEmpty();

        String secondAccepted = encode(undone.path("accepted_at").asText());
        assertThat(ids(get("/executions?" + session + "&from=" + secondAccepted, OPERATOR_A)))
                .containsExactly(compensated);
        assertThat(ids(get("/executions?" + session + "&to=" + secondAccepted, OPERATOR_A)))
                .containsExactly(completed);
    }

    @Test
    void listsSessionsNewestFirstFilteredAndPaged() {
        String user = "lister-" + UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Response response = post("/session/create", SUBMITTER_A, Map.of("user_id", user,
                    "context", Map.of("n", i)));
            assertStatus(response, 201);
            created.add(response.text("session_id"));
        }
        assertStatus(post("/session/" + created.get(0) + "/close", SUBMITTER_A, null), 204);

        Response first = get("/sessions?user_id=" + user + "&limit=2", APPROVER_A);
        assertStatus(first, 200);
        assertThat(sessionIds(first)).containsExactly(created.get(2), created.get(1));
        JsonNode newest = first.json().path("sessions").get(0);
        assertThat(newest.path("status").asText()).isEqualTo("open");
        assertThat(newest.path("context").path("n").asInt()).isEqualTo(2);
        assertThat(newest.path("active_executions").asInt()).isZero();
        Response second = get("/sessions?user_id=" + user + "&limit=2&after=" + first.text("next"), APPROVER_A);
        assertThat(sessionIds(second)).containsExactly(created.get(0));
        assertThat(second.json().path("next").isNull()).isTrue();

        List<String> closed = await("session " + created.get(0) + " listed as closed",
                () -> sessionIds(get("/sessions?status=closed&user_id=" + user, AUDITOR_ONLY_A)),
                ids -> ids.size() == 1);
        assertThat(closed).containsExactly(created.get(0));
        assertThat(sessionIds(get("/sessions?status=open&user_id=" + user, AUDITOR_ONLY_A)))
                .containsExactly(created.get(2), created.get(1));
        String newestCreated = encode(newest.path("created_at").asText());
        assertThat(sessionIds(get("/sessions?user_id=" + user + "&from=" + newestCreated, SUBMITTER_A)))
                .containsExactly(created.get(2));
        assertThat(sessionIds(get("/sessions?user_id=" + user + "&to=" + newestCreated, SUBMITTER_A)))
                .containsExactly(created.get(1), created.get(0));
    }

    @Test
    void listingsShowOnlyTheCallersTenant() {
        String sessionA = createSession(SUBMITTER_A);
        String executionA = submitEcho(SUBMITTER_A, sessionA, Map.of());
        awaitStatus(SUBMITTER_A, executionA, "completed");
        String sessionB = createSession(SUBMITTER_B);
        String executionB = submitEcho(SUBMITTER_B, sessionB, Map.of());
        awaitStatus(SUBMITTER_B, executionB, "completed");

        assertThat(ids(get("/executions?session_id=" + sessionA, OPERATOR_B))).isEmpty();
        assertThat(ids(get("/executions?session_id=" + sessionB, OPERATOR_A))).isEmpty();
        assertThat(ids(get("/executions?limit=500", OPERATOR_B))).contains(executionB).doesNotContain(executionA);
        assertThat(ids(get("/executions?limit=500", OPERATOR_A))).contains(executionA).doesNotContain(executionB);
        assertThat(sessionIds(get("/sessions?limit=500", OPERATOR_B))).contains(sessionB).doesNotContain(sessionA);
        assertThat(sessionIds(get("/sessions?limit=500", OPERATOR_A))).contains(sessionA).doesNotContain(sessionB);
        assertThat(get("/executions?session_id=" + sessionB, OPERATOR_B).json().path("executions").get(0)
                .path("capability_version").asText()).isEqualTo("1");
        assertProblem(get("/execution/" + executionB + "/status", OPERATOR_A), 404, "EXECUTION_NOT_FOUND");
        assertProblem(get("/execution/" + executionA + "/status", OPERATOR_B), 404, "EXECUTION_NOT_FOUND");
    }

    @Test
    void everyAuthenticatedRoleMayListButNobodyElse() {
        for (String key : List.of(SUBMITTER_ONLY_A, OPERATOR_ONLY_A, AUDITOR_ONLY_A, APPROVER_A)) {
            assertStatus(get("/executions?limit=1", key), 200);
            assertStatus(get("/sessions?limit=1", key), 200);
        }
        assertProblem(get("/executions", null), 401, "UNAUTHENTICATED");
        assertProblem(get("/sessions", null), 401, "UNAUTHENTICATED");
        assertProblem(get("/executions", "no-such-key"), 401, "UNAUTHENTICATED");
    }

    @Test
    void malformedFiltersAreRefusedWithTheParameterNamed() {
        Map<String, String> executionQueries = Map.of(
                "status=bogus", "status",
                "from=yesterday", "from",
                "to=2026-13-01", "to",
                "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to",
                "after=not-a-cursor", "after",
                "limit=0", "limit",
                "limit=501", "limit",
                "session_id=not-a-uuid", "session_id");
        executionQueries.forEach((query, field) -> assertRefused("/executions?" + query, field));
        assertProblem(get("/executions?limit=abc", OPERATOR_A), 400, "INVALID_REQUEST");
        Map<String, String> sessionQueries = Map.of(
                "status=running", "status",
                "from=2026-01-01", "from",
                "after=" + encode("bWFsZm9ybWVk"), "after",
                "limit=0", "limit");
        sessionQueries.forEach((query, field) -> assertRefused("/sessions?" + query, field));
    }

    private void assertRefused(String path, String field) {
        JsonNode problem = assertProblem(get(path, OPERATOR_A), 400, "INVALID_REQUEST");
        assertThat(problem.path("errors").toString()).as("errors of %s", path).contains("\"" + field + "\"");
    }

    private static List<String> ids(Response response) {
        assertStatus(response, 200);
        List<String> ids = new ArrayList<>();
        response.json().path("executions").forEach(row -> ids.add(row.path("execution_id").asText()));
        return ids;
    }

    private static List<String> sessionIds(Response response) {
        assertStatus(response, 200);
        List<String> ids = new ArrayList<>();
        response.json().path("sessions").forEach(row -> ids.add(row.path("session_id").asText()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
