package io.symphainy.runtime.core.capability;

import static io.symphainy.runtime.core.TestData.intentAccepted;
import static io.symphainy.runtime.core.TestData.sagaStarted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.symphainy.runtime.core.common.StorageMapper;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.policy.messages.PolicyMatch;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import org.junit.jupiter.api.Test;

/**
 * Events recorded before capability versions existed carry no version field; they still load, and count as
 * version 1. Recorded versions survive the round trip.
 */
class VersionedEventsCompatibilityTest {

    private final ObjectMapper storage = StorageMapper.create();

    @Test
    void anAcceptanceRecordedBeforeVersionsRunsVersionOne() throws Exception {
        ObjectNode stored = storage.valueToTree(intentAccepted());
        stored.remove("capabilityVersion");

        IntentAcceptedEvent loaded = storage.treeToValue(stored, IntentAcceptedEvent.class);

        assertThat(loaded.capabilityVersion()).isNull();
        assertThat(loaded.runsVersion()).isEqualTo("1");
        assertThat(loaded.intentType()).isEqualTo(intentAccepted().intentType());
    }

    @Test
    void aSagaStartRecordedBeforeVersionsRunsVersionOne() throws Exception {
        ObjectNode stored = storage.valueToTree(sagaStarted());
        stored.remove("capabilityVersion");

        SagaStartedEvent loaded = storage.treeToValue(stored, SagaStartedEvent.class);

        assertThat(loaded.runsVersion()).isEqualTo("1");
        assertThat(loaded.steps()).isEqualTo(sagaStarted().steps());
    }

    @Test
    void aRecordedVersionSurvivesTheRoundTrip() throws Exception {
        SagaStartedEvent started = sagaStarted();
        SagaStartedEvent two = new SagaStartedEvent(started.sagaId(), started.executionId(), started.tenantId(),
                started.sessionId(), started.capability(), started.steps(), started.retryPolicy(), "2.1");

        SagaStartedEvent loaded = storage.readValue(storage.writeValueAsString(two), SagaStartedEvent.class);

        assertThat(loaded).isEqualTo(two);
    }

    @Test
    void aPolicyMatchPublishedBeforeVersionsHasNoVersionCondition() throws Exception {
        ObjectNode stored = storage.valueToTree(new PolicyMatch(null, null, "orders.*", null, null, null, null, null,
                null, "1.*"));
        stored.remove("capabilityVersion");

        PolicyMatch loaded = storage.treeToValue(stored, PolicyMatch.class);

        assertThat(loaded.intentType()).isEqualTo("orders.*");
        assertThat(loaded.capabilityVersion()).isNull();
    }
}
