package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.projection.ReadModelProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A data reference named by a step success already recorded is found, even while the data-references read model
 * still trails the event store: the read waits for it to catch up. A reference that does not exist is answered as soon
 * as the projection has caught up.
 */
class DataReferenceCatchUpHttpTest extends ContentHttpTestSupport {

    private static final Duration TRAILING = Duration.ofMillis(600);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReferenceOfACompletedExecutionIsFoundWhileItsProjectionStillTrails() throws Exception {
        String session = createSession(SUBMITTER_A);
        byte[] file = ("trailing projection " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        EventProcessor readModels = eventProcessing.eventProcessor(ReadModelProcessor.NAME).orElseThrow();
        readModels.shutDown();
        String upload;
        try {
            String executionId = submit(SUBMITTER_A, Map.of("session_id", session, "intent_type", "content.upload",
                    "payload", Map.of("filename", "trailing.txt",
                            "content_base64", Base64.getEncoder().encodeToString(file)))).path("execution_id").asText();
            upload = await("the upload's success to be recorded", () -> recordedUpload(executionId),
                    reference -> reference != null);
            CompletableFuture.runAsync(readModels::start,
                    CompletableFuture.delayedExecutor(TRAILING.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RuntimeException failure) {
            readModels.start();
            throw failure;
        }
        long started = System.nanoTime();

        Response response = get("/data/" + upload + "?hydrate=true", SUBMITTER_A);

        assertStatus(response, 200);
        assertThat(Base64.getDecoder().decode(response.text("content_base64"))).isEqualTo(file);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(TRAILING.minusMillis(200));
    }

    /** The reference the execution's upload step recorded in the event store, while no read model is current. */
    private String recordedUpload(String executionId) {
        return jdbc.query("""
                select payload -> 'references' ->> 'content.upload' from domain_event_entry
                where meta_data ->> 'executionId' = ? and payload_type like '%StepSucceededEvent'""",
                (row, n) -> row.getString(1), executionId).stream().findFirst().orElse(null);
    }

    @Test
    void aReferenceThatDoesNotExistIsAnsweredOnceTheProjectionHasCaughtUp() {
        long started = System.nanoTime();

        assertProblem(get("/data/" + UUID.randomUUID(), SUBMITTER_A), 404, "DATA_REFERENCE_NOT_FOUND");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }
}
