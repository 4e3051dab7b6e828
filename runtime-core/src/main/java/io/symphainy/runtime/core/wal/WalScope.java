package io.symphainy.runtime.core.wal;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.Objects;
import java.util.UUID;

/**
 * What a follower of the WAL view reads: the recorded events of one execution, or of one session (all its
 * executions), of one tenant.
 *
 * @param tenantId the tenant the execution or session belongs to; no other tenant's event is ever in scope
 * @param kind     whether {@code id} names an execution or a session
 * @param id       the execution or session identifier
 */
public record WalScope(TenantId tenantId, Kind kind, UUID id) {

    /** What the identifier of a scope names. */
    public enum Kind {
        EXECUTION,
        SESSION
    }

    public WalScope {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** The events of one execution. */
    public static WalScope of(TenantId tenantId, ExecutionId executionId) {
        return new WalScope(tenantId, Kind.EXECUTION, executionId.value());
    }

    /** The events of one session and of every execution in it. */
    public static WalScope of(TenantId tenantId, SessionId sessionId) {
        return new WalScope(tenantId, Kind.SESSION, sessionId.value());
    }

    /** The tenant and identifier, which together name the execution or session across tenants. */
    Key key() {
        return new Key(tenantId.value(), id);
    }

    /** A tenant and an execution or session identifier, as recorded on WAL entries. */
    record Key(String tenantId, UUID id) {
    }
}
