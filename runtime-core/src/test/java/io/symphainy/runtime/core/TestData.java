package io.symphainy.runtime.core;

import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.config.SagaProperties;
import io.symphainy.runtime.core.execution.messages.CancelExecutionCommand;
import io.symphainy.runtime.core.execution.messages.CompleteExecutionCommand;
import io.symphainy.runtime.core.execution.messages.ExecutionCancelledEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatingEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompletedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionFailedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStartedEvent;
import io.symphainy.runtime.core.execution.messages.FailExecutionCommand;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentId;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import io.symphainy.runtime.core.execution.messages.MarkExecutionCompensatingCommand;
import io.symphainy.runtime.core.execution.messages.RecordExecutionCompensatedCommand;
import io.symphainy.runtime.core.execution.messages.RejectionCode;
import io.symphainy.runtime.core.execution.messages.StartExecutionCommand;
import io.symphainy.runtime.core.saga.messages.AbortSagaCommand;
import io.symphainy.runtime.core.saga.messages.CompensationStartedEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStepFailedEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStepStartedEvent;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.RecordStepFailedCommand;
import io.symphainy.runtime.core.saga.messages.RecordStepSucceededCommand;
import io.symphainy.runtime.core.saga.messages.RetryStepCommand;
import io.symphainy.runtime.core.saga.messages.SagaAbortRequestedEvent;
import io.symphainy.runtime.core.saga.messages.SagaCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.SagaCompletedEvent;
import io.symphainy.runtime.core.saga.messages.SagaFailedEvent;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.saga.messages.StartSagaCommand;
import io.symphainy.runtime.core.saga.messages.StepCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.StepFailedEvent;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.StepRetryScheduledEvent;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import io.symphainy.runtime.core.session.messages.CloseSessionCommand;
import io.symphainy.runtime.core.session.messages.CreateSessionCommand;
import io.symphainy.runtime.core.session.messages.ExecutionAttachedToSessionEvent;
import io.symphainy.runtime.core.session.messages.ExecutionDetachedFromSessionEvent;
import io.symphainy.runtime.core.session.messages.SessionClosedEvent;
import io.symphainy.runtime.core.session.messages.SessionContextUpdatedEvent;
import io.symphainy.runtime.core.session.messages.SessionCreatedEvent;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.session.messages.UpdateSessionContextCommand;
import io.symphainy.runtime.core.execution.messages.ApproveExecutionCommand;
import io.symphainy.runtime.core.execution.messages.ExecutionApprovedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionAwaitingApprovalEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionExpiredEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionRejectedByApproverEvent;
import io.symphainy.runtime.core.execution.messages.ExpireExecutionCommand;
import io.symphainy.runtime.core.execution.messages.RejectExecutionCommand;
import io.symphainy.runtime.core.policy.messages.Decision;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * The ids, capability, commands and events the unit tests share: one tenant's order-placing capability with three
 * steps, of which the first two can be compensated.
 */
public final class TestData {

    public static final TenantId TENANT = new TenantId("tenant-acme");
    public static final TenantId OTHER_TENANT = new TenantId("tenant-globex");
    public static final UserId USER = new UserId("user-ada");
    public static final SessionId SESSION_ID = SessionId.of("5e551011-0000-4000-8000-000000000001");
    public static final IntentId INTENT_ID = IntentId.of("17e17000-0000-4000-8000-000000000002");
    public static final ExecutionId EXECUTION_ID = ExecutionId.of("e7ec0000-0000-4000-8000-000000000003");
    public static final ExecutionId OTHER_EXECUTION_ID = ExecutionId.of("e7ec0000-0000-4000-8000-000000000004");
    public static final SagaId SAGA_ID = SagaId.forExecution(EXECUTION_ID);

    public static final String REALM = "orders";
    public static final String CAPABILITY = "orders.place-order";
    public static final String INTENT_TYPE = "orders.place";
    public static final String PAYLOAD_FINGERPRINT = "fingerprint-of-the-payload";
    public static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "item": {"type": "string"},
                "quantity": {"type": "integer", "minimum": 1}
              },
              "required": ["item", "quantity"],
              "additionalProperties": false
            }""";

    /** The plan's step names, in order: reserve and charge can be undone, notify cannot. */
    public static final String RESERVE = "reserve";
    public static final String CHARGE = "charge";
    public static final String NOTIFY = "notify";
    public static final Duration CHARGE_TIMEOUT = Duration.ofSeconds(10);

    /** A failure code the retry policy never retries. */
    public static final String NON_RETRYABLE_CODE = "CARD_DECLINED";
    /** Four attempts; waits of 100 ms, 200 ms, then 400 ms capped at 250 ms. */
    public static final RetryPolicy RETRY_POLICY = new RetryPolicy(4, Duration.ofMillis(100), 2.0,
            Duration.ofMillis(250), Set.of(NON_RETRYABLE_CODE));
    public static final SagaProperties SAGA_PROPERTIES =
            new SagaProperties(Duration.ofSeconds(30), Duration.ofSeconds(5), 2, 100, 32, 2, Duration.ofSeconds(1));

    public static final String FAILURE_CODE = "WAREHOUSE_UNAVAILABLE";
    public static final String FAILURE_MESSAGE = "the warehouse did not answer";
    public static final String CANCEL_REASON = "changed my mind";
    public static final long DURATION_MILLIS = 12;

    private TestData() {
    }

    // ---- capability ------------------------------------------------------------------------------------------

    /** The order-placing capability as a realm declares it. */
    public static CapabilityDefinition capability() {
        return capability(CAPABILITY, REALM, Set.of(INTENT_TYPE), INPUT_SCHEMA, steps());
    }

    public static CapabilityDefinition capability(String name, String realm, Set<String> intentTypes,
                                                  String inputSchema, List<StepDefinition> steps) {
        return new CapabilityDefinition(name, realm, intentTypes, inputSchema, "references name the order",
                RiskLevel.MEDIUM, false, steps, RETRY_POLICY);
    }

    /** reserve (compensable, default timeout), charge (compensable, 10 s), notify (not compensable). */
    public static List<StepDefinition> steps() {
        return List.of(
                step(RESERVE, SideEffectClass.IDEMPOTENT).compensatedBy(context -> StepResult.success()),
                step(CHARGE, SideEffectClass.COMPENSATABLE).compensatedBy(context -> StepResult.success())
                        .withTimeout(CHARGE_TIMEOUT),
                step(NOTIFY, SideEffectClass.NON_REPEATABLE));
    }

    /** A step that does nothing. */
    public static StepDefinition step(String name, SideEffectClass sideEffect) {
        return StepDefinition.of(name, sideEffect, context -> StepResult.success());
    }

    /** The plan of {@link #capability()}, with timeouts resolved against {@link #SAGA_PROPERTIES}. */
    public static List<PlannedStep> plan() {
        return List.of(
                new PlannedStep(0, RESERVE, SideEffectClass.IDEMPOTENT, true, 30_000),
                new PlannedStep(1, CHARGE, SideEffectClass.COMPENSATABLE, true, 10_000),
                new PlannedStep(2, NOTIFY, SideEffectClass.NON_REPEATABLE, false, 30_000));
    }

    public static String stepName(int index) {
        return plan().get(index).name();
    }

    /** What each step produces when it succeeds. */
    public static Map<String, String> referencesOf(int stepIndex) {
        return Map.of(stepName(stepIndex) + ".id", stepName(stepIndex) + "-ref");
    }

    // ---- session ---------------------------------------------------------------------------------------------

    public static CreateSessionCommand createSession(Map<String, Object> context) {
        return new CreateSessionCommand(SESSION_ID, TENANT, USER, context);
    }

    public static SessionCreatedEvent sessionCreated(Map<String, Object> context) {
        return new SessionCreatedEvent(SESSION_ID, TENANT, USER, context);
    }

    public static UpdateSessionContextCommand updateContext(TenantId caller, Map<String, Object> changes) {
        return new UpdateSessionContextCommand(SESSION_ID, caller, changes);
    }

    public static SessionContextUpdatedEvent contextUpdated(Map<String, Object> changes,
                                                            Map<String, Object> context) {
        return new SessionContextUpdatedEvent(SESSION_ID, TENANT, changes, context);
    }

    public static CloseSessionCommand closeSession(TenantId caller) {
        return new CloseSessionCommand(SESSION_ID, caller);
    }

    public static SessionClosedEvent sessionClosed() {
        return new SessionClosedEvent(SESSION_ID, TENANT);
    }

    public static ExecutionAttachedToSessionEvent executionAttached(ExecutionId executionId) {
        return new ExecutionAttachedToSessionEvent(SESSION_ID, TENANT, executionId);
    }

    public static ExecutionDetachedFromSessionEvent executionDetached(ExecutionId executionId) {
        return new ExecutionDetachedFromSessionEvent(SESSION_ID, TENANT, executionId);
    }

    // ---- execution -------------------------------------------------------------------------------------------

    public static Map<String, Object> validPayload() {
        return Map.of("item", "book", "quantity", 2);
    }

    public static IntentAcceptedEvent intentAccepted() {
        return intentAccepted(CAPABILITY);
    }

    public static IntentAcceptedEvent intentAccepted(String capability) {
        return intentAccepted(capability, ALLOWED);
    }

    public static IntentAcceptedEvent intentAccepted(String capability, PolicyDecision decision) {
        return new IntentAcceptedEvent(EXECUTION_ID, INTENT_ID, TENANT, USER, SESSION_ID, INTENT_TYPE, REALM,
                capability, validPayload(), Map.of("channel", "test"), null, PAYLOAD_FINGERPRINT, decision);
    }

    public static IntentRejectedEvent intentRejected() {
        return new IntentRejectedEvent(EXECUTION_ID, INTENT_ID, TENANT, USER, SESSION_ID, INTENT_TYPE, REALM,
                validPayload(), Map.of(), null, PAYLOAD_FINGERPRINT, RejectionCode.SESSION_CLOSED,
                "session is closed", List.of(), null);
    }

    // ---- approval --------------------------------------------------------------------------------------------

    /** Accepted at this instant when the policy holds it; its approval deadline is one hour later. */
    public static final Instant ACCEPTED_AT = Instant.parse("2030-01-01T10:00:00Z");
    public static final Duration APPROVAL_TIMEOUT = Duration.ofHours(1);
    public static final Instant APPROVAL_DEADLINE = ACCEPTED_AT.plus(APPROVAL_TIMEOUT);
    public static final UserId APPROVER = new UserId("user-grace");
    public static final String APPROVAL_RULE = "orders-need-approval";
    public static final String APPROVAL_REASON = "looks fine";
    public static final PolicyDecision ALLOWED = new PolicyDecision(Decision.ALLOW, "allow-all", 1,
            Set.of("submitter"), null);
    public static final PolicyDecision APPROVAL_REQUIRED = new PolicyDecision(Decision.REQUIRE_APPROVAL,
            APPROVAL_RULE, 1, Set.of("submitter"), APPROVAL_TIMEOUT);

    public static IntentAcceptedEvent intentAcceptedAwaitingApproval() {
        return intentAccepted(CAPABILITY, APPROVAL_REQUIRED);
    }

    public static ExecutionAwaitingApprovalEvent awaitingApproval() {
        return new ExecutionAwaitingApprovalEvent(EXECUTION_ID, TENANT, APPROVAL_RULE, 1, APPROVAL_DEADLINE);
    }

    public static ApproveExecutionCommand approve(TenantId caller, UserId approver) {
        return new ApproveExecutionCommand(EXECUTION_ID, caller, approver, APPROVAL_REASON);
    }

    public static ExecutionApprovedEvent executionApproved() {
        return new ExecutionApprovedEvent(EXECUTION_ID, TENANT, APPROVER, APPROVAL_REASON);
    }

    public static RejectExecutionCommand rejectByApprover(TenantId caller, UserId approver) {
        return new RejectExecutionCommand(EXECUTION_ID, caller, approver, APPROVAL_REASON);
    }

    public static ExecutionRejectedByApproverEvent executionRejectedByApprover() {
        return new ExecutionRejectedByApproverEvent(EXECUTION_ID, TENANT, APPROVER, APPROVAL_REASON);
    }

    public static ExpireExecutionCommand expire(TenantId caller) {
        return new ExpireExecutionCommand(EXECUTION_ID, caller);
    }

    public static ExecutionExpiredEvent executionExpired() {
        return new ExecutionExpiredEvent(EXECUTION_ID, TENANT);
    }

    public static StartExecutionCommand startExecution(TenantId caller) {
        return new StartExecutionCommand(EXECUTION_ID, caller, SAGA_ID);
    }

    public static ExecutionStartedEvent executionStarted() {
        return new ExecutionStartedEvent(EXECUTION_ID, TENANT, SAGA_ID);
    }

    public static MarkExecutionCompensatingCommand markCompensating(TenantId caller) {
        return new MarkExecutionCompensatingCommand(EXECUTION_ID, caller, NOTIFY, FAILURE_CODE);
    }

    public static ExecutionCompensatingEvent executionCompensating() {
        return new ExecutionCompensatingEvent(EXECUTION_ID, TENANT, NOTIFY, FAILURE_CODE);
    }

    public static CompleteExecutionCommand completeExecution(TenantId caller, Map<String, String> references) {
        return new CompleteExecutionCommand(EXECUTION_ID, caller, references);
    }

    public static ExecutionCompletedEvent executionCompleted(Map<String, String> references) {
        return new ExecutionCompletedEvent(EXECUTION_ID, TENANT, references);
    }

    public static FailExecutionCommand failExecution(TenantId caller) {
        return new FailExecutionCommand(EXECUTION_ID, caller, RESERVE, FAILURE_CODE, FAILURE_MESSAGE);
    }

    public static ExecutionFailedEvent executionFailed() {
        return new ExecutionFailedEvent(EXECUTION_ID, TENANT, RESERVE, FAILURE_CODE, FAILURE_MESSAGE);
    }

    public static RecordExecutionCompensatedCommand recordCompensated(TenantId caller) {
        return new RecordExecutionCompensatedCommand(EXECUTION_ID, caller, NOTIFY, FAILURE_CODE, FAILURE_MESSAGE);
    }

    public static ExecutionCompensatedEvent executionCompensated() {
        return new ExecutionCompensatedEvent(EXECUTION_ID, TENANT, NOTIFY, FAILURE_CODE, FAILURE_MESSAGE);
    }

    public static CancelExecutionCommand cancelExecution(TenantId caller) {
        return new CancelExecutionCommand(EXECUTION_ID, caller, USER, CANCEL_REASON);
    }

    public static ExecutionCancelledEvent executionCancelled() {
        return new ExecutionCancelledEvent(EXECUTION_ID, TENANT, USER, CANCEL_REASON);
    }

    // ---- saga: commands --------------------------------------------------------------------------------------

    public static StartSagaCommand startSaga() {
        return new StartSagaCommand(SAGA_ID, EXECUTION_ID, TENANT, SESSION_ID, CAPABILITY, plan(), RETRY_POLICY, "1");
    }

    public static RecordStepSucceededCommand recordSuccess(int stepIndex, int attempt) {
        return recordSuccess(TENANT, stepIndex, attempt);
    }

    public static RecordStepSucceededCommand recordSuccess(TenantId caller, int stepIndex, int attempt) {
        return new RecordStepSucceededCommand(SAGA_ID, caller, StepPhase.FORWARD, stepIndex, attempt,
                referencesOf(stepIndex), Map.of("attempt", attempt), DURATION_MILLIS);
    }

    public static RecordStepFailedCommand recordFailure(int stepIndex, int attempt, String code, boolean retryable) {
        return new RecordStepFailedCommand(SAGA_ID, TENANT, StepPhase.FORWARD, stepIndex, attempt, code,
                FAILURE_MESSAGE, retryable, DURATION_MILLIS);
    }

    public static RecordStepSucceededCommand recordCompensationSuccess(int stepIndex, int attempt) {
        return new RecordStepSucceededCommand(SAGA_ID, TENANT, StepPhase.COMPENSATION, stepIndex, attempt,
                Map.of(), Map.of(), DURATION_MILLIS);
    }

    public static RecordStepFailedCommand recordCompensationFailure(int stepIndex, int attempt, String code,
                                                                    boolean retryable) {
        return new RecordStepFailedCommand(SAGA_ID, TENANT, StepPhase.COMPENSATION, stepIndex, attempt, code,
                FAILURE_MESSAGE, retryable, DURATION_MILLIS);
    }

    public static RetryStepCommand retryStep(StepPhase phase, int stepIndex, int attempt) {
        return new RetryStepCommand(SAGA_ID, TENANT, phase, stepIndex, attempt);
    }

    public static AbortSagaCommand abortSaga(TenantId caller) {
        return new AbortSagaCommand(SAGA_ID, caller, CANCEL_REASON);
    }

    // ---- saga: events ----------------------------------------------------------------------------------------

    public static SagaStartedEvent sagaStarted() {
        return new SagaStartedEvent(SAGA_ID, EXECUTION_ID, TENANT, SESSION_ID, CAPABILITY, plan(), RETRY_POLICY,
                "1");
    }

    public static StepStartedEvent stepStarted(int stepIndex, int attempt) {
        return new StepStartedEvent(SAGA_ID, EXECUTION_ID, TENANT, stepIndex, stepName(stepIndex), attempt);
    }

    public static StepSucceededEvent stepSucceeded(int stepIndex, int attempt) {
        return new StepSucceededEvent(SAGA_ID, EXECUTION_ID, TENANT, stepIndex, stepName(stepIndex), attempt,
                referencesOf(stepIndex), Map.of("attempt", attempt), DURATION_MILLIS);
    }

    public static StepFailedEvent stepFailed(int stepIndex, int attempt, String code, boolean retryable) {
        return new StepFailedEvent(SAGA_ID, EXECUTION_ID, TENANT, stepIndex, stepName(stepIndex), attempt, code,
                FAILURE_MESSAGE, retryable, DURATION_MILLIS);
    }

    public static StepRetryScheduledEvent retryScheduled(StepPhase phase, int stepIndex, int nextAttempt,
                                                         long delayMillis) {
        return new StepRetryScheduledEvent(SAGA_ID, EXECUTION_ID, TENANT, phase, stepIndex, stepName(stepIndex),
                nextAttempt, delayMillis);
    }

    public static SagaAbortRequestedEvent abortRequested() {
        return new SagaAbortRequestedEvent(SAGA_ID, EXECUTION_ID, TENANT, CANCEL_REASON);
    }

    public static CompensationStartedEvent compensationStarted(String failedStep, String code, String message,
                                                               List<String> stepsToCompensate) {
        return new CompensationStartedEvent(SAGA_ID, EXECUTION_ID, TENANT, failedStep, code, message,
                stepsToCompensate);
    }

    public static CompensationStepStartedEvent compensationStepStarted(int stepIndex, int attempt) {
        return new CompensationStepStartedEvent(SAGA_ID, EXECUTION_ID, TENANT, stepIndex, stepName(stepIndex),
                attempt);
    }

    public static StepCompensatedEvent stepCompensated(int stepIndex, int attempt) {
        return new StepCompensatedEvent(SAGA_ID, EXECUTION_ID, TENANT, stepIndex, stepName(stepIndex), attempt,
                DURATION_MILLIS);
    }

    public static CompensationStepFailedEvent compensationStepFailed(int stepIndex, int attempt, String code,
                                                                     boolean retryable) {
        return new CompensationStepFailedEvent(SAGA_ID, EXECUTION_ID, TENANT, stepIndex, stepName(stepIndex),
                attempt, code, FAILURE_MESSAGE, retryable, DURATION_MILLIS);
    }

    public static SagaCompletedEvent sagaCompleted(Map<String, String> references) {
        return new SagaCompletedEvent(SAGA_ID, EXECUTION_ID, TENANT, references);
    }

    public static SagaCompensatedEvent sagaCompensated(String failedStep, String code, String message) {
        return new SagaCompensatedEvent(SAGA_ID, EXECUTION_ID, TENANT, failedStep, code, message);
    }

    public static SagaFailedEvent sagaFailed(String failedStep, String code, String message) {
        return new SagaFailedEvent(SAGA_ID, EXECUTION_ID, TENANT, failedStep, code, message);
    }

    // ---- expectations ----------------------------------------------------------------------------------------

    /** Matches a {@link RuleViolationException} refusing with the given code. */
    public static Matcher<RuleViolationException> ruleViolation(RuleViolationCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolationException exception) {
                return exception.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolationException with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(RuleViolationException exception, Description mismatch) {
                mismatch.appendText("code was ").appendValue(exception.code());
            }
        };
    }
}
