package io.symphainy.runtime.core.saga;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.core.common.StorageMapper;
import io.symphainy.runtime.core.saga.messages.ReusedStep;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A coordinator is stored as JSON between its events: one stored by the version before its state moved into
 * {@link CoordinatorState} loads with every field and is stored again as the same document.
 */
class CoordinatorStateTest {

    private final ObjectMapper storage = StorageMapper.create();

    @Test
    void aCoordinatorStoredByAnEarlierVersionLoadsAndIsStoredAgainUnchanged() throws IOException {
        JsonNode stored = storedBeforeSplit();

        SagaCoordinator loaded = storage.treeToValue(stored, SagaCoordinator.class);

        assertThat(loaded.coordinated().executionId().toString()).isEqualTo("6f1c2a4e-8b1d-4c55-9a0e-3d2f7b9c1a01");
        assertThat(loaded.coordinated().tenantId().value()).isEqualTo("tenant-a");
        assertThat(loaded.awaitingApproval).isTrue();
        assertThat(loaded.approvalScheduleId).isEqualTo("approval-timeout-7");
        assertThat(loaded.reusedSteps).extracting(ReusedStep::stepName).containsExactly("upload");
        JsonNode storedAgain = storage.valueToTree(loaded);
        assertThat(storedAgain).isEqualTo(stored);
    }

    @Test
    void aNewCoordinatorIsStoredWithTheKeysOfEarlierVersions() throws IOException {
        JsonNode stored = storage.valueToTree(new SagaCoordinator());

        List<String> keys = new ArrayList<>();
        stored.fieldNames().forEachRemaining(keys::add);
        List<String> earlierKeys = new ArrayList<>();
        storedBeforeSplit().fieldNames().forEachRemaining(earlierKeys::add);

        assertThat(keys).containsExactly("executionId", "sagaId", "tenantId", "sessionId", "capability",
                "awaitingApproval", "approvalScheduleId", "awaitingResumption", "reusedSteps");
        assertThat(keys).isEqualTo(earlierKeys);
    }

    private JsonNode storedBeforeSplit() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/saga/coordinator-stored-before-split.json")) {
            return storage.readTree(in);
        }
    }
}
