package io.symphainy.runtime.core.state.messages;

import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * Asks the State Surface for one page of a tenant's sessions, newest first; answered with a
 * {@link SessionSummaryPage}.
 *
 * @param after the cursor of the previous page, or {@code null} for the first page
 * @param limit the most sessions the page holds
 */
public record FindSessionsQuery(TenantId tenantId, SessionListFilter filter, PageCursor after, int limit) {
}
