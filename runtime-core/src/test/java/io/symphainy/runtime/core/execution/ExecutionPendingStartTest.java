package io.symphainy.runtime.core.execution;

import static io.symphainy.runtime.core.TestData.APPROVAL_REQUIRED;
import static io.symphainy.runtime.core.TestData.EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.INPUT_SCHEMA;
import static io.symphainy.runtime.core.TestData.OTHER_TENANT;
import static io.symphainy.runtime.core.TestData.RESERVE;
import static io.symphainy.runtime.core.TestData.SAGA_ID;
import static io.symphainy.runtime.core.TestData.SAGA_PROPERTIES;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.awaitingApproval;
import static io.symphainy.runtime.core.TestData.capability;
import static io.symphainy.runtime.core.TestData.executionApproved;
import static io.symphainy.runtime.core.TestData.executionCancelled;
import static io.symphainy.runtime.core.TestData.executionRejectedByApprover;
import static io.symphainy.runtime.core.TestData.executionStarted;
import static io.symphainy.runtime.core.TestData.intentAccepted;
import static io.symphainy.runtime.core.TestData.ruleViolation;
import static io.symphainy.runtime.core.TestData.startExecution;
import static io.symphainy.runtime.core.TestData.step;
import static io.symphainy.runtime.core.TestData.validPayload;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.SignalWait;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.execution.messages.AwaitCapabilityVersionToStartCommand;
import io.symphainy.runtime.core.execution.messages.AwaitedStartTakenOverEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionAwaitingCapabilityVersionEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionHandover;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.KeepSignalCommand;
import io.symphainy.runtime.core.execution.messages.TakeOverAwaitedStartCommand;
import io.symphainy.runtime.core.saga.messages.SignalKeptEvent;
import io.symphainy.runtime.core.saga.messages.SignalOutcome;
import io.symphainy.runtime.core.saga.messages.SignalReceipt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an execution keeps until its saga starts: signals for its wait steps while it is held for approval (refusing
 * what its saga would refuse), handed to the saga with the payload at the start; and the wait for a node with its
 * capability version, which one node takes over.
 */
class ExecutionPendingStartTest {

    private static final String WAITING = "orders.place-approved-order";
    private static final String SIGNAL = "approved";
    private static final Map<String, Object> OK = Map.of("ok", true);
    private static final String KEY = "signal-key-1";
    private static final String REASON = "capability " + WAITING + " version 1 is not registered on any node";

    private FixtureConfiguration<Execution> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Execution.class);
        SignalWait wait = SignalWait.named(SIGNAL, Duration.ofMinutes(1)).withPayloadSchema("""
                {"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"]}""");
        CapabilityDefinition waiting = capability(WAITING, "orders", Set.of("orders.place-approved"), INPUT_SCHEMA,
                List.of(step(RESERVE, SideEffectClass.IDEMPOTENT), StepDefinition.awaitSignal("approval", wait)));
        fixture.registerInjectableResource(new Curator(List.of(waiting), SAGA_PROPERTIES));
    }

    @Test
    void keepsASignalForItsWaitStepWhileHeldForApproval() {
        fixture.given(held(), awaitingApproval())
                .when(keep(SIGNAL, OK, KEY))
                .expectEvents(kept(KEY))
                .expectResultMessagePayload(new SignalReceipt(SignalOutcome.KEPT, "approval", null, null, false));
    }

    @Test
    void answersARepeatedKeyWithTheFirstOutcomeAndRefusesASecondSignalForTheSameStep() {
        fixture.given(held(), awaitingApproval(), kept(KEY))
                .when(keep(SIGNAL, Map.of("ok", false), KEY))
                .expectNoEvents()
                .expectResultMessagePayload(new SignalReceipt(SignalOutcome.KEPT, "approval", null, null, true));
        fixture.given(held(), awaitingApproval(), kept(KEY))
                .when(keep(SIGNAL, OK, null))
                .expectNoEvents()
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_WAITING));
    }

    @Test
    void refusesNamesNoStepWaitsForPayloadsTheSchemaRefusesAndAnotherTenantRecordingNothing() {
        fixture.given(held(), awaitingApproval())
                .when(keep("never-" + SIGNAL, OK, null))
                .expectNoEvents()
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_WAITING));
        fixture.given(held(), awaitingApproval())
                .when(keep(SIGNAL, Map.of("ok", "yes"), null))
                .expectNoEvents()
                .expectException(ruleViolation(RuleViolationCode.SIGNAL_PAYLOAD_INVALID));
        fixture.given(held(), awaitingApproval())
                .when(new KeepSignalCommand(EXECUTION_ID, OTHER_TENANT, SIGNAL, OK, null))
                .expectNoEvents()
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_FOUND));
    }

    @Test
    void refusesSignalsOnceRejectedAndLeavesThemToTheSagaOnceStarted() {
        fixture.given(held(), awaitingApproval(), executionRejectedByApprover())
                .when(keep(SIGNAL, OK, null))
                .expectNoEvents()
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_WAITING));
        fixture.given(held(), awaitingApproval(), executionApproved(), executionStarted())
                .when(keep(SIGNAL, OK, null))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void refusesToKeepASignalWhenThisNodeLacksTheVersionThatTellsItsStep() {
        fixture.given(intentAccepted("orders.withdrawn", APPROVAL_REQUIRED), awaitingApproval())
                .when(keep(SIGNAL, OK, null))
                .expectNoEvents()
                .expectException(ruleViolation(RuleViolationCode.UNKNOWN_CAPABILITY_VERSION));
    }

    @Test
    void handsThePayloadAndTheKeptSignalsToTheSagaWhenItStarts() {
        fixture.given(held(), awaitingApproval(), kept(KEY), executionApproved())
                .when(startExecution(TENANT))
                .expectEvents(executionStarted())
                .expectResultMessagePayload(new ExecutionHandover(validPayload(), List.of(),
                        List.of(kept(KEY).kept())));
        fixture.given(held(), awaitingApproval(), executionApproved(), executionStarted())
                .when(startExecution(TENANT))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void waitsOnceForANodeWithItsVersionAndLetsOneNodeTakeItOver() {
        fixture.given(held(), awaitingApproval(), executionApproved())
                .when(new AwaitCapabilityVersionToStartCommand(EXECUTION_ID, TENANT, REASON))
                .expectEvents(new ExecutionAwaitingCapabilityVersionEvent(EXECUTION_ID, TENANT, WAITING, "1", REASON));
        fixture.given(held(), awaitingApproval(), executionApproved(), awaitingVersion())
                .when(new AwaitCapabilityVersionToStartCommand(EXECUTION_ID, TENANT, REASON))
                .expectNoEvents();
        fixture.given(held(), awaitingApproval(), executionApproved(), awaitingVersion())
                .when(new TakeOverAwaitedStartCommand(EXECUTION_ID, TENANT))
                .expectEvents(new AwaitedStartTakenOverEvent(EXECUTION_ID, TENANT, WAITING, "1"))
                .expectResultMessagePayload(true);
        fixture.given(held(), awaitingApproval(), executionApproved(), awaitingVersion(),
                        new AwaitedStartTakenOverEvent(EXECUTION_ID, TENANT, WAITING, "1"))
                .when(new TakeOverAwaitedStartCommand(EXECUTION_ID, TENANT))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(held(), awaitingApproval(), executionApproved(), awaitingVersion(), executionCancelled())
                .when(new TakeOverAwaitedStartCommand(EXECUTION_ID, TENANT))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    private static IntentAcceptedEvent held() {
        return intentAccepted(WAITING, APPROVAL_REQUIRED);
    }

    private static ExecutionAwaitingCapabilityVersionEvent awaitingVersion() {
        return new ExecutionAwaitingCapabilityVersionEvent(EXECUTION_ID, TENANT, WAITING, "1", REASON);
    }

    private static KeepSignalCommand keep(String signal, Map<String, Object> payload, String key) {
        return new KeepSignalCommand(EXECUTION_ID, TENANT, signal, payload, key);
    }

    private static SignalKeptEvent kept(String key) {
        return new SignalKeptEvent(SAGA_ID, EXECUTION_ID, TENANT, 1, "approval", SIGNAL, OK, key);
    }
}
