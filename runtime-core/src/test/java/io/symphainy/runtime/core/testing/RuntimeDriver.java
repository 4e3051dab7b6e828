package io.symphainy.runtime.core.testing;

import static org.awaitility.Awaitility.await;

import io.symphainy.runtime.core.common.CallerMetaData;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.execution.messages.IntentId;
import io.symphainy.runtime.core.execution.messages.SubmitIntentCommand;
import io.symphainy.runtime.core.intake.IntentIntake;
import io.symphainy.runtime.core.session.messages.CreateSessionCommand;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.state.messages.ExecutionStateView;
import io.symphainy.runtime.core.state.messages.FindExecutionStateQuery;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Drives the runtime the way the HTTP layer does, for integration tests: sessions, intents, and waiting for state.
 */
@Component
public class RuntimeDriver {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final IntentIntake intake;

    RuntimeDriver(CommandGateway commands, QueryGateway queries, IntentIntake intake) {
        this.commands = commands;
        this.queries = queries;
        this.intake = intake;
    }

    public SessionId openSession(TenantId tenant, UserId user) {
        SessionId sessionId = SessionId.random();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new CreateSessionCommand(sessionId, tenant, user, Map.of()))
                .withMetaData(CallerMetaData.of(tenant, user, sessionId)));
        return sessionId;
    }

    public IntakeReceipt submit(TenantId tenant, UserId user, SessionId session, String intentType,
                                Map<String, Object> payload, String idempotencyKey) {
        return intake.submit(new SubmitIntentCommand(IntentId.random(), tenant, user, session, intentType, null,
                payload, Map.of(), idempotencyKey, Set.of("submitter")));
    }

    public Optional<ExecutionStateView> state(TenantId tenant, ExecutionId executionId) {
        return queries.query(new FindExecutionStateQuery(tenant, executionId),
                ResponseTypes.optionalInstanceOf(ExecutionStateView.class)).join();
    }

    public ExecutionStateView awaitStatus(TenantId tenant, ExecutionId executionId, ExecutionStatus status,
                                          Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(50)).until(() -> state(tenant, executionId)
                .map(view -> view.status() == status).orElse(false));
        return state(tenant, executionId).orElseThrow();
    }
}
