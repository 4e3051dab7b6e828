package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.core.dataref.DataReferenceProjection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;

/**
 * A data reference named by an execution already seen completed is found, even while the data-references projection
 * still trails the event store: the read waits for it to catch up. A reference that does not exist is answered as soon
 * as the projection has caught up.
 */
class DataReferenceCatchUpHttpTest extends ContentHttpTestSupport {

    private static final Duration TRAILING = Duration.ofMillis(600);

    @Test
    void aReferenceOfACompletedExecutionIsFoundWhileItsProjectionStillTrails() throws Exception {
        String session = createSession(SUBMITTER_A);
        byte[] file = ("trailing projection " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        EventProcessor references = eventProcessing.eventProcessor(DataReferenceProjection.PROCESSING_GROUP)
                .orElseThrow();
        references.shutDown();
        String upload;
        try {
            JsonNode completed = awaitStatus(SUBMITTER_A, submit(SUBMITTER_A, Map.of("session_id", session,
                    "intent_type", "content.upload", "payload", Map.of("filename", "trailing.txt",
                            "content_base64", Base64.getEncoder().encodeToString(file)))).path("execution_id")
                    .asText(), "completed");
            upload = step(completed, 0).path("references").path("content.upload").asText();
            CompletableFuture.runAsync(references::start,
                    CompletableFuture.delayedExecutor(TRAILING.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RuntimeException failure) {
            references.start();
            throw failure;
        }
        long started = System.nanoTime();

        Response response = get("/data/" + upload + "?hydrate=true", SUBMITTER_A);

        assertStatus(response, 200);
        assertThat(Base64.getDecoder().decode(response.text("content_base64"))).isEqualTo(file);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(TRAILING.minusMillis(200));
    }

    @Test
    void aReferenceThatDoesNotExistIsAnsweredOnceTheProjectionHasCaughtUp() {
        long started = System.nanoTime();

        assertProblem(get("/data/" + UUID.randomUUID(), SUBMITTER_A), 404, "DATA_REFERENCE_NOT_FOUND");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }
}
