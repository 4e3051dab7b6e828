package io.symphainy.runtime.core.intake;

import io.symphainy.runtime.core.common.CallerMetaData;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.execution.messages.SubmitIntentCommand;
import io.symphainy.runtime.core.quota.TenantQuotaGuard;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/**
 * The entry point clients' intents take into the runtime; it returns once the decision is committed.
 */
@Component
public class IntentIntake {

    private final CommandGateway commands;
    private final IntakeAdmission admission;
    private final TenantQuotaGuard quotas;

    public IntentIntake(CommandGateway commands, IntakeAdmission admission, TenantQuotaGuard quotas) {
        this.commands = commands;
        this.admission = admission;
        this.quotas = quotas;
    }

    /**
     * Submits an intent and waits for its recorded outcome, once its tenant's quota admits it ({@link
     * TenantQuotaGuard}) and the intake has a place for it ({@link IntakeAdmission}). An accepted execution keeps its
     * place in the tenant's executions in flight until it ends. Two concurrent submissions with one idempotency key
     * race to create the same execution; the loser submits again and finds the winner's execution.
     *
     * @throws io.symphainy.runtime.core.common.RuleViolationException {@code RUNTIME_BUSY} when the intake has no place
     *                                                                  for it; nothing is recorded then
     * @throws io.symphainy.runtime.core.quota.TenantQuotaExceededException when the tenant reached a limit of its
     *                                                                      quota; nothing is recorded then
     */
    public IntakeReceipt submit(SubmitIntentCommand command) {
        CommandMessage<SubmitIntentCommand> message = GenericCommandMessage.<SubmitIntentCommand>asCommandMessage(command)
                .withMetaData(CallerMetaData.of(command.tenantId(), command.userId(), command.sessionId()));
        try (TenantQuotaGuard.Reservation reservation = quotas.admitIntent(command.tenantId());
             IntakeAdmission.Slot ignored = admission.enter(command.tenantId())) {
            IntakeReceipt receipt = record(message);
            if (receipt.status() == ExecutionStatus.ACCEPTED && !receipt.repeated()) {
                reservation.keep();
            }
            return receipt;
        }
    }

    private IntakeReceipt record(CommandMessage<SubmitIntentCommand> message) {
        try {
            return commands.sendAndWait(message);
        } catch (AggregateStreamCreationException lostRace) {
            return commands.sendAndWait(message);
        }
    }
}
