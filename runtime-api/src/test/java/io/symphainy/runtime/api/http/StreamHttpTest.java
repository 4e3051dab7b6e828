package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The live streams of {@code /stream/execution/{id}} and {@code /stream/session/{id}} over a real WebSocket: order,
 * catching up, resuming, tenant isolation and the handshake's refusals.
 */
@ExtendWith(OutputCaptureExtension.class)
class StreamHttpTest extends HttpTestSupport {

    private static final String COMPLETED = "ExecutionCompletedEvent";

    @Autowired
    LoggingSystem logging;

    @Test
    void streamsAnExecutionFromAcceptanceToCompletionInOrder() {
        String session = createSession(SUBMITTER_A);
        String execution = submitEcho(SUBMITTER_A, session, Map.of("fail_times", 1, "sleep_ms", 400));

        List<JsonNode> frames;
        try (StreamClient stream = open("/stream/execution/" + execution, SUBMITTER_A)) {
            frames = stream.until(completed(execution), AWAIT_TIMEOUT);
        }

        List<JsonNode> events = events(frames);
        assertThat(frames).filteredOn(frame -> type(frame).equals("caught_up")).hasSize(1);
        int caughtUp = indexOfType(frames, "caught_up");
        assertThat(caughtUp).as("live events follow the backlog").isLessThan(frames.size() - 1);
        long lastBacklogPosition = caughtUp == 0 ? 0 : frames.get(caughtUp - 1).path("position").asLong();
        assertThat(frames.get(caughtUp).path("position").asLong()).isEqualTo(lastBacklogPosition);
        assertThat(positions(events)).isSorted().doesNotHaveDuplicates();
        assertThat(events).allSatisfy(event -> {
            assertThat(event.path("execution_id").asText()).isEqualTo(execution);
            assertThat(event.path("session_id").asText()).isEqualTo(session);
            assertThat(event.path("event_id").asText()).isNotBlank();
            assertThat(event.path("aggregate_type").asText()).isIn("Execution", "Saga", "Session");
            assertThat(event.path("aggregate_id").asText()).isNotBlank();
            assertThat(event.path("sequence").isIntegralNumber()).isTrue();
            assertThat(event.path("timestamp").asText()).endsWith("Z");
            assertThat(event.path("payload").isObject()).isTrue();
        });
        assertThat(eventTypes(events)).startsWith("IntentAcceptedEvent").contains("StepFailedEvent")
                .endsWith(COMPLETED);
        assertThat(positions(events)).isEqualTo(positions(walUpTo(session, events, entry ->
                execution.equals(entry.path("execution_id").asText()))));
    }

    @Test
    void resumesAfterAReconnectWithoutGapsOrDuplicates() {
        String session = createSession(SUBMITTER_A);
        List<JsonNode> beforeDrop;
        String execution;
        try (StreamClient stream = open("/stream/session/" + session, SUBMITTER_A)) {
            stream.until(frames -> indexOfType(frames, "caught_up") >= 0, AWAIT_TIMEOUT);
            execution = submitEcho(SUBMITTER_A, session, Map.of("sleep_ms", 300));
            beforeDrop = events(stream.until(frames -> events(frames).size() >= 4, AWAIT_TIMEOUT));
        }
        long last = beforeDrop.get(beforeDrop.size() - 1).path("position").asLong();

        List<JsonNode> afterDrop;
        try (StreamClient stream = open("/stream/session/" + session + "?after=" + last, SUBMITTER_A)) {
            afterDrop = events(stream.until(completed(execution), AWAIT_TIMEOUT));
        }

        assertThat(afterDrop.get(0).path("position").asLong()).isGreaterThan(last);
        List<JsonNode> seen = new ArrayList<>(beforeDrop);
        seen.addAll(afterDrop);
        assertThat(seen).extracting(event -> event.path("event_id").asText()).doesNotHaveDuplicates();
        assertThat(positions(seen)).isEqualTo(positions(walUpTo(session, seen, entry -> true)));
    }

    @Test
    void aSessionStreamCarriesTheEventsOfItsExecutions() {
        String session = createSession(SUBMITTER_A);
        List<JsonNode> frames;
        String first;
        String second;
        try (StreamClient stream = open("/stream/session/" + session, SUBMITTER_A)) {
            stream.until(received -> indexOfType(received, "caught_up") >= 0, AWAIT_TIMEOUT);
            first = submitEcho(SUBMITTER_A, session, Map.of());
            second = submitEcho(SUBMITTER_A, session, Map.of("fail_times", 1));
            frames = stream.until(completed(first).and(completed(second)), AWAIT_TIMEOUT);
        }

        List<JsonNode> events = events(frames);
        assertThat(eventTypes(events)).startsWith("SessionCreatedEvent");
        assertThat(events).allSatisfy(event -> assertThat(event.path("session_id").asText()).isEqualTo(session));
        assertThat(events).extracting(event -> event.path("execution_id").asText(""))
                .contains(first, second).containsOnly("", first, second);
        assertThat(positions(events)).isEqualTo(positions(walUpTo(session, events, entry -> true)));
    }

    @Test
    void anotherTenantsIdsAreNotFoundAndItsEventsNeverReachOwnStreams() {
        String sessionA = createSession(SUBMITTER_A);
        String executionA = submitEcho(SUBMITTER_A, sessionA, Map.of());

        assertThat(refusedStatus("/stream/execution/" + executionA, SUBMITTER_B)).isEqualTo(404);
        assertThat(refusedStatus("/stream/session/" + sessionA, SUBMITTER_B)).isEqualTo(404);
        assertProblem(get("/stream/execution/" + executionA, SUBMITTER_B), 404, "EXECUTION_NOT_FOUND");
        assertProblem(get("/stream/session/" + sessionA, OPERATOR_B), 404, "SESSION_NOT_FOUND");
        assertProblem(get("/stream/execution/" + UUID.randomUUID(), SUBMITTER_A), 404, "EXECUTION_NOT_FOUND");
        assertProblem(get("/stream/session/" + UUID.randomUUID(), SUBMITTER_A), 404, "SESSION_NOT_FOUND");

        String sessionB = createSession(SUBMITTER_B);
        List<JsonNode> frames;
        String executionB;
        String laterA;
        try (StreamClient stream = open("/stream/session/" + sessionB, SUBMITTER_B)) {
            stream.until(received -> indexOfType(received, "caught_up") >= 0, AWAIT_TIMEOUT);
            laterA = submitEcho(SUBMITTER_A, sessionA, Map.of());
            executionB = submitEcho(SUBMITTER_B, sessionB, Map.of());
            awaitStatus(SUBMITTER_A, laterA, "completed");
            frames = stream.until(completed(executionB), AWAIT_TIMEOUT);
        }
        assertThat(events(frames)).allSatisfy(event -> {
            assertThat(event.path("session_id").asText()).isEqualTo(sessionB);
            assertThat(event.path("execution_id").asText("")).isIn("", executionB);
        });
    }

    @Test
    void refusesAHandshakeWithoutValidCredentials() {
        String session = createSession(SUBMITTER_A);

        assertThat(refusedStatus("/stream/session/" + session, null)).isEqualTo(401);
        assertThat(refusedStatus("/stream/session/" + session, "no-such-key")).isEqualTo(401);
        assertThat(refusedStatus("/stream/session/" + session + "?access_token=no-such-key", null)).isEqualTo(401);
        assertProblem(get("/stream/session/" + session, null), 401, "UNAUTHENTICATED");
    }

    @Test
    void refusesAMalformedIdOrPosition() {
        String session = createSession(SUBMITTER_A);

        for (String after : List.of("abc", "-1", "1.5", "", "1&after=2", "99999999999999999999")) {
            JsonNode problem = assertProblem(get("/stream/session/" + session + "?after=" + after, SUBMITTER_A), 400,
                    "INVALID_REQUEST");
            assertThat(problem.path("errors").get(0).path("field").asText()).as("after=%s", after)
                    .isEqualTo("after");
        }
        JsonNode problem = assertProblem(get("/stream/execution/not-a-uuid", SUBMITTER_A), 400, "INVALID_REQUEST");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("execution_id");
        assertThat(refusedStatus("/stream/session/" + session + "?after=abc", SUBMITTER_A)).isEqualTo(400);
        assertThat(refusedStatus("/stream/session/" + UUID.randomUUID().toString().substring(1), SUBMITTER_A))
                .isEqualTo(400);
    }

    @Test
    void acceptsAnyRoleOfTheTenantAndAnAccessTokenOnStreamsOnly() {
        String session = createSession(SUBMITTER_A);

        for (String key : List.of(APPROVER_A, AUDITOR_ONLY_A)) {
            try (StreamClient stream = open("/stream/session/" + session, key)) {
                assertThat(eventTypes(events(stream.until(caughtUp(), AWAIT_TIMEOUT))))
                        .containsExactly("SessionCreatedEvent");
            }
        }
        try (StreamClient stream = StreamClient.connect(CLIENT,
                uri("/stream/session/" + session + "?access_token=" + SUBMITTER_A), Map.of())) {
            assertThat(eventTypes(events(stream.until(caughtUp(), AWAIT_TIMEOUT))))
                    .containsExactly("SessionCreatedEvent");
        }
        assertProblem(get("/session/" + session + "?access_token=" + SUBMITTER_A, null), 401, "UNAUTHENTICATED");
    }

    @Test
    void neverLogsTheAccessToken(CapturedOutput output) {
        String session = createSession(SUBMITTER_A);
        List<String> verbose = List.of("org.springframework.web", "org.springframework.security",
                "org.apache.tomcat.websocket", "io.symphainy.runtime.api");
        verbose.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));
        try (StreamClient stream = StreamClient.connect(CLIENT,
                uri("/stream/session/" + session + "?after=0&access_token=" + SUBMITTER_A), Map.of())) {
            stream.until(caughtUp(), AWAIT_TIMEOUT);
        } finally {
            verbose.forEach(logger -> logging.setLogLevel(logger, null));
        }

        assertThat(output.getAll()).as("the request was logged in detail").contains("/stream/session/" + session)
                .doesNotContain(SUBMITTER_A).doesNotContain("access_token");
    }

    @Test
    void sendsHeartbeatsInSilenceAndIgnoresClientFrames() {
        String session = createSession(SUBMITTER_A);

        try (StreamClient stream = open("/stream/session/" + session, SUBMITTER_A)) {
            List<JsonNode> frames = stream.until(caughtUp(), AWAIT_TIMEOUT);
            long position = frames.get(frames.size() - 1).path("position").asLong();
            stream.sendText("{\"type\":\"hello\"}");

            JsonNode heartbeat = stream.next(AWAIT_TIMEOUT);
            assertThat(type(heartbeat)).isEqualTo("heartbeat");
            assertThat(heartbeat.path("position").asLong()).isEqualTo(position);
        }
    }

    @Test
    void closesAConsumerThatStopsReadingAndReleasesItsSlot(CapturedOutput output) throws IOException {
        String session = createSession(SUBMITTER_B);
        // About 6 MB of events: more than the kernel lets a connection's send buffer grow to (tcp_wmem's 4 MiB by
        // default), so the server's send blocks however the buffers tune; 1.5 MB sometimes fitted and all arrived.
        int updates = 120;
        for (int i = 0; i < updates; i++) {
            Map<String, Object> context = Map.of("blob", i + "x".repeat(50_000));
            assertStatus(patch("/session/" + session, SUBMITTER_B, Map.of("context", context)), 204);
        }
        await("the updates in the WAL", () -> wal(OPERATOR_B, session).size(), size -> size > updates);

        List<RawStreamSocket.Frame> frames;
        try (RawStreamSocket slow = new RawStreamSocket()) {
            assertThat(slow.open(port, "/stream/session/" + session, SUBMITTER_B)).contains(" 101 ");
            sleep(SEND_TIME_LIMIT.multipliedBy(2));
            frames = slow.readUntilClosed(AWAIT_TIMEOUT);
        }

        assertThat(frames).filteredOn(frame -> frame.opcode() == RawStreamSocket.Frame.TEXT)
                .as("events delivered before the server gave up").hasSizeLessThan(updates);
        assertThat(output.getAll()).containsPattern("Closing stream .*" + session + ".*: slow consumer");
        assertThat(frames).filteredOn(frame -> frame.opcode() == RawStreamSocket.Frame.CLOSE)
                .allSatisfy(close -> {
                    assertThat(close.closeCode()).isEqualTo(1008);
                    assertThat(close.text()).startsWith("slow consumer");
                });
        List<StreamClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS_PER_TENANT; i++) {
                streams.add(open("/stream/session/" + session + "?after=999999999", SUBMITTER_B));
                assertThat(streams.get(i).until(caughtUp(), AWAIT_TIMEOUT)).isNotEmpty();
            }
        } finally {
            streams.forEach(StreamClient::close);
        }
    }

    @Test
    void closesStreamsBeyondTheTenantsLimitAndAdmitsAgainOnceOneCloses() {
        String session = createSession(GOV_SUBMITTER);
        List<StreamClient> admitted = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS_PER_TENANT; i++) {
                StreamClient stream = open("/stream/session/" + session, GOV_SUBMITTER);
                admitted.add(stream);
                stream.until(caughtUp(), AWAIT_TIMEOUT);
            }
            try (StreamClient refused = open("/stream/session/" + session, GOV_SUBMITTER)) {
                StreamClient.Closed closed = refused.awaitClosed(AWAIT_TIMEOUT);
                assertThat(closed.code()).isEqualTo(1013);
                assertThat(closed.reason()).contains("too many live streams");
            }
            admitted.remove(0).close();
            await("a stream to be admitted again", () -> {
                try (StreamClient again = open("/stream/session/" + session, GOV_SUBMITTER)) {
                    return again.receivesAFrame(AWAIT_TIMEOUT);
                }
            }, admittedAgain -> admittedAgain);
        } finally {
            admitted.forEach(StreamClient::close);
        }
    }

    // ---------------------------------------------------------------- helpers

    private URI uri(String path) {
        return URI.create("ws://localhost:" + port + path);
    }

    private StreamClient open(String path, String apiKey) {
        return StreamClient.connect(CLIENT, uri(path), Map.of("X-API-Key", apiKey));
    }

    private int refusedStatus(String path, String apiKey) {
        return StreamClient.refusedHandshakeStatus(CLIENT, uri(path),
                apiKey == null ? Map.of() : Map.of("X-API-Key", apiKey));
    }

    /** The session's WAL entries that match, up to the last streamed event's position. */
    private List<JsonNode> walUpTo(String session, List<JsonNode> streamed, Predicate<JsonNode> matching) {
        long last = streamed.get(streamed.size() - 1).path("position").asLong();
        return wal(OPERATOR_A, session).stream()
                .filter(entry -> entry.path("position").asLong() <= last)
                .filter(matching)
                .toList();
    }

    private static Predicate<List<JsonNode>> completed(String execution) {
        return frames -> frames.stream().anyMatch(frame -> type(frame).equals("event")
                && frame.path("event_type").asText().equals(COMPLETED)
                && frame.path("execution_id").asText().equals(execution));
    }

    private static Predicate<List<JsonNode>> caughtUp() {
        return frames -> indexOfType(frames, "caught_up") >= 0;
    }

    private static List<JsonNode> events(List<JsonNode> frames) {
        return frames.stream().filter(frame -> type(frame).equals("event")).toList();
    }

    private static List<Long> positions(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.path("position").asLong()).toList();
    }

    private static int indexOfType(List<JsonNode> frames, String type) {
        for (int i = 0; i < frames.size(); i++) {
            if (type(frames.get(i)).equals(type)) {
                return i;
            }
        }
        return -1;
    }

    private static String type(JsonNode frame) {
        return frame.path("type").asText();
    }
}
