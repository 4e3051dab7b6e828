package io.symphainy.runtime.api.http;

import static io.symphainy.runtime.api.http.AuditTimelineHttpTest.assertCompleteness;
import static io.symphainy.runtime.api.http.AuditTimelineHttpTest.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /audit/events} end to end: filters, keyset pages, NDJSON and CSV exports, roles and tenant scoping.
 */
class AuditEventsHttpTest extends HttpTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void filtersNarrowTheEvents() {
        String sessionId = createSession(SUBMITTER_A);
        String executionId = completedInTimeline(sessionId, Map.of("message", "filters"));
        List<JsonNode> all = events("execution_id=" + executionId);
        assertThat(all).allSatisfy(e -> assertThat(e.path("execution_id").asText()).isEqualTo(executionId));
        assertThat(eventTypes(all)).contains("IntentAcceptedEvent", "StepSucceededEvent", "ExecutionCompletedEvent");

        List<JsonNode> steps = events("execution_id=" + executionId + "&event_type=StepSucceededEvent");
        assertThat(eventTypes(steps)).hasSize(3).containsOnly("StepSucceededEvent");

        List<JsonNode> completed = events("session_id=" + sessionId + "&outcome=completed");
        assertThat(eventTypes(completed)).containsExactly("ExecutionCompletedEvent");
        assertThat(events("execution_id=" + executionId + "&intent_type=" + ECHO)).hasSameSizeAs(all);
        assertThat(events("execution_id=" + executionId + "&intent_type=other.intent")).isEmpty();
        assertThat(events("execution_id=" + executionId + "&user_id=alice")).isNotEmpty();

        Instant from = Instant.parse(all.get(1).path("occurred_at").asText());
        Instant to = Instant.parse(all.get(all.size() - 1).path("occurred_at").asText());
        List<Long> expected = all.stream().filter(e -> {
            Instant at = Instant.parse(e.path("occurred_at").asText());
            return !at.isBefore(from) && at.isBefore(to);
        }).map(e -> e.path("position").asLong()).toList();
        List<JsonNode> window = events("execution_id=" + executionId + "&from=" + from + "&to=" + to);
        assertThat(window.stream().map(e -> e.path("position").asLong()).toList()).isNotEmpty()
                .containsExactlyElementsOf(expected);
        assertThat(window).hasSizeLessThan(all.size());
        assertThat(events("execution_id=" + executionId + "&to=" + Instant.parse(all.get(0)
                .path("occurred_at").asText()))).isEmpty();
    }

    @Test
    void keysetPagesCoverEverythingOnce() {
        String sessionId = createSession(SUBMITTER_A);
        completedInTimeline(sessionId, Map.of("message", "page one"));
        completedInTimeline(sessionId, Map.of("message", "page two"));
        List<JsonNode> everything = events("session_id=" + sessionId);

        List<Long> paged = new ArrayList<>();
        String after = "0";
        int pages = 0;
        while (after != null) {
            Response page = get("/audit/events?session_id=" + sessionId + "&limit=3&after=" + after, AUDITOR_ONLY_A);
            assertStatus(page, 200);
            assertCompleteness(page.json());
            assertThat(page.json().path("entries").size()).isLessThanOrEqualTo(3);
            page.json().path("entries").forEach(e -> paged.add(e.path("position").asLong()));
            after = page.json().path("next_after").asText(null);
            pages++;
        }
        assertThat(pages).isGreaterThan(3);
        assertThat(new HashSet<>(paged)).hasSameSizeAs(paged);
        assertThat(paged).containsExactlyElementsOf(everything.stream().map(e -> e.path("position").asLong())
                .toList());
    }

    /**
     * A time window is read from the window's index entries, not by walking the tenant's positions; its pages are
     * still the tenant's entries in the window, in position order, each once.
     */
    @Test
    void keysetPagesOfATimeWindowAreTheWindowInPositionOrder() {
        String sessionId = createSession(SUBMITTER_A);
        completedInTimeline(sessionId, Map.of("message", "window one"));
        completedInTimeline(sessionId, Map.of("message", "window two"));
        List<JsonNode> session = events("session_id=" + sessionId);
        Instant from = Instant.parse(session.get(1).path("occurred_at").asText());
        Instant to = Instant.parse(session.get(session.size() - 1).path("occurred_at").asText());
        String window = "from=" + from + "&to=" + to;

        List<Long> paged = new ArrayList<>();
        String after = "0";
        while (after != null) {
            Response page = get("/audit/events?" + window + "&limit=2&after=" + after, AUDITOR_ONLY_A);
            assertStatus(page, 200);
            page.json().path("entries").forEach(e -> paged.add(e.path("position").asLong()));
            after = page.json().path("next_after").asText(null);
        }
        List<Long> expected = jdbc.queryForList("""
                select position from audit_timeline_entry where tenant_id = ? and occurred_at >= ? and occurred_at < ?
                order by position""", Long.class, TENANT_A, Timestamp.from(from), Timestamp.from(to));
        assertThat(paged).hasSizeGreaterThan(2).containsExactlyElementsOf(expected);
        List<JsonNode> sessionInWindow = session.stream().filter(e -> {
            Instant at = Instant.parse(e.path("occurred_at").asText());
            return !at.isBefore(from) && at.isBefore(to);
        }).toList();
        assertThat(positions(events("session_id=" + sessionId + "&" + window))).isNotEmpty()
                .containsExactlyElementsOf(positions(sessionInWindow));
        assertThat(events("event_type=ExecutionCompletedEvent&" + window)).isNotEmpty().allSatisfy(e -> assertThat(
                e.path("event_type").asText()).isEqualTo("ExecutionCompletedEvent"));
    }

    @Test
    void exportsStreamEveryMatchingEntryAsNdjsonOrCsv() throws Exception {
        String sessionId = createSession(SUBMITTER_A);
        completedInTimeline(sessionId, Map.of("message", "has, comma and \"quotes\""));
        int count = events("session_id=" + sessionId).size();

        Response ndjson = get("/audit/events?format=ndjson&session_id=" + sessionId, AUDITOR_ONLY_A);
        assertStatus(ndjson, 200);
        assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
        String[] lines = ndjson.body().split("\n");
        assertThat(lines).hasSize(count + 1);
        for (String line : Arrays.copyOf(lines, count)) {
            assertThat(JSON.readTree(line).path("session_id").asText()).isEqualTo(sessionId);
        }
        JsonNode marker = JSON.readTree(lines[count]);
        assertThat(marker.path("type").asText()).isEqualTo("completeness");
        assertThat(marker.path("position").isNumber()).isTrue();
        assertThat(marker.path("behind").isBoolean()).isTrue();
        assertThat(ndjson.headers().firstValue("X-Timeline-Position")).hasValue(marker.path("position").asText());

        Response csv = get("/audit/events?format=csv&session_id=" + sessionId, AUDITOR_ONLY_A);
        assertStatus(csv, 200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] rows = csv.body().split("\n");
        assertThat(rows).hasSize(count + 1);
        assertThat(rows[0]).startsWith("position,event_id,occurred_at,tenant_id,session_id,execution_id")
                .endsWith(",summary");
        assertThat(rows[1]).contains(sessionId);
        assertThat(Long.parseLong(csv.headers().firstValue("X-Timeline-Position").orElseThrow()))
                .isGreaterThanOrEqualTo(marker.path("position").asLong());
        assertThat(csv.headers().firstValue("X-Timeline-Behind")).hasValueSatisfying(
                behind -> assertThat(behind).isIn("true", "false"));
    }

    @Test
    void auditEventsAreForAuditorsAndScopedToTheirTenant() {
        String sessionId = createSession(SUBMITTER_A);
        String executionId = completedInTimeline(sessionId, Map.of("message", "tenant"));
        for (String key : List.of(SUBMITTER_ONLY_A, OPERATOR_ONLY_A, APPROVER_A)) {
            assertProblem(get("/audit/events", key), 403, "FORBIDDEN");
            assertProblem(get("/audit/events?format=csv", key), 403, "FORBIDDEN");
        }
        assertProblem(get("/audit/events", null), 401, "UNAUTHENTICATED");

        Response other = get("/audit/events?execution_id=" + executionId, OPERATOR_B);
        assertStatus(other, 200);
        assertThat(other.json().path("entries")).isEmpty();
        Response everything = get("/audit/events?limit=1000", OPERATOR_B);
        everything.json().path("entries").forEach(e -> assertThat(e.path("tenant_id").asText()).isEqualTo(TENANT_B));
        String export = get("/audit/events?format=ndjson", OPERATOR_B).body();
        assertThat(export).doesNotContain(TENANT_A + "\"").doesNotContain(sessionId);
    }

    @Test
    void invalidQueriesAreRefused() {
        for (String query : List.of("from=yesterday", "to=2026-13-01", "limit=0", "limit=1001", "after=-1",
                "format=xml", "execution_id=not-a-uuid")) {
            assertProblem(get("/audit/events?" + query, AUDITOR_ONLY_A), 400, "INVALID_REQUEST");
        }
    }

    private String completedInTimeline(String sessionId, Map<String, Object> payload) {
        String executionId = submitEcho(SUBMITTER_A, sessionId, payload);
        awaitStatus(SUBMITTER_A, executionId, "completed");
        await("execution " + executionId + " completed on the audit timeline",
                () -> events("execution_id=" + executionId + "&outcome=completed"), found -> found.size() == 1);
        return executionId;
    }

    private static List<Long> positions(List<JsonNode> entries) {
        return entries.stream().map(e -> e.path("position").asLong()).toList();
    }

    private List<JsonNode> events(String query) {
        Response response = get("/audit/events?limit=1000&" + query, AUDITOR_ONLY_A);
        assertStatus(response, 200);
        assertCompleteness(response.json());
        Set<Long> seen = new HashSet<>();
        List<JsonNode> entries = list(response.json());
        entries.forEach(e -> assertThat(seen.add(e.path("position").asLong())).isTrue());
        return entries;
    }
}
