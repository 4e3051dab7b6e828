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

    public IntentIntake(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * Submits an intent and waits for its recorded outcome. Two concurrent submissions with one idempotency key race
     * to create the same execution; the loser submits again and finds the winner's execution.
     */
    public IntakeReceipt submit(SubmitIntentCommand command) {
        CommandMessage<SubmitIntentCommand> message = GenericCommandMessage.<SubmitIntentCommand>asCommandMessage(command)
                .withMetaData(CallerMetaData.of(command.tenantId(), command.userId(), command.sessionId()));
        try {
            return commands.sendAndWait(message);
        } catch (AggregateStreamCreationException lostRace) {
            return commands.sendAndWait(message);
        }
    }
}
