package io.symphainy.runtime.core.state.messages;

import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * Asks the State Surface for one page of a tenant's executions, newest first; answered with an
 * {@link ExecutionSummaryPage}.
 *
 * @param after the cursor of the previous page, or {@code null} for the first page
 * @param limit the most executions the page holds
 */
public record FindExecutionsQuery(TenantId tenantId, ExecutionListFilter filter, PageCursor after, int limit) {
}
