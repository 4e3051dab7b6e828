package io.symphainy.runtime.core.intake;

import io.symphainy.runtime.core.common.CallerMetaData;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.execution.messages.SubmitIntentCommand;
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

    public IntentIntake(CommandGateway commands, IntakeAdmission admission) {
        this.commands = commands;
        this.admission = admission;
    }

    /**
     * Submits an intent and waits for its recorded outcome, once the intake has a place for it
     * ({@link IntakeAdmission}). Two concurrent submissions with one idempotency key race to create the same
     * execution; the loser submits again and finds the winner's execution.
     *
     * @throws io.symphainy.runtime.core.common.RuleViolationException {@code RUNTIME_BUSY} when the intake has no place
     *                                                                  for it; nothing is recorded then
     */
    public IntakeReceipt submit(SubmitIntentCommand command) {
        CommandMessage<SubmitIntentCommand> message = GenericCommandMessage.<SubmitIntentCommand>asCommandMessage(command)
                .withMetaData(CallerMetaData.of(command.tenantId(), command.userId(), command.sessionId()));
        try (IntakeAdmission.Slot ignored = admission.enter(command.tenantId())) {
            try {
                return commands.sendAndWait(message);
            } catch (AggregateStreamCreationException lostRace) {
                return commands.sendAndWait(message);
            }
        }
    }
}
