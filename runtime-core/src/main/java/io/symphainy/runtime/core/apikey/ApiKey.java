package io.symphainy.runtime.core.apikey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.symphainy.runtime.core.apikey.messages.ApiKeyId;
import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.apikey.messages.ApiKeyIssuedEvent;
import io.symphainy.runtime.core.apikey.messages.ApiKeyRevokedEvent;
import io.symphainy.runtime.core.apikey.messages.IssueApiKeyCommand;
import io.symphainy.runtime.core.apikey.messages.RevokeApiKeyCommand;
import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One API key an administrator issued: issued once, revoked at most once, always within its tenant.
 */
@Aggregate
public class ApiKey {

    @AggregateIdentifier
    private ApiKeyId keyId;
    private TenantId tenantId;
    private boolean revoked;

    /** Axon needs a no-arg constructor to rebuild the aggregate from its events. */
    protected ApiKey() {
    }

    @CommandHandler
    public ApiKey(IssueApiKeyCommand command) {
        ApiKeyRules.requireHash(command.keyHash());
        ApiKeyRules.requireRoles(command.roles());
        apply(new ApiKeyIssuedEvent(command.keyId(), command.tenantId(), command.userId(), command.roles(),
                command.description(), command.keyHash()));
    }

    @CommandHandler
    public void handle(RevokeApiKeyCommand command) {
        if (!tenantId.equals(command.tenantId())) {
            throw new RuleViolationException(RuleViolationCode.API_KEY_NOT_FOUND, "API key " + command.keyId()
                    + " not found");
        }
        if (!revoked) {
            apply(new ApiKeyRevokedEvent(keyId, tenantId));
        }
    }

    @EventSourcingHandler
    void on(ApiKeyIssuedEvent event) {
        keyId = event.keyId();
        tenantId = event.tenantId();
    }

    @EventSourcingHandler
    void on(ApiKeyRevokedEvent event) {
        revoked = true;
    }
}
