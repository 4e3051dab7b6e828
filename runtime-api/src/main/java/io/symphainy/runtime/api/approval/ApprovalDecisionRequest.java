package io.symphainy.runtime.api.approval;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /execution/{execution_id}/approve} and {@code /reject}: why the approver decided so.
 */
public record ApprovalDecisionRequest(@Size(max = 1000) String reason) {
}
