package io.symphainy.runtime.api.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.symphainy.runtime.core.timeline.chain.ChainBreak;
import io.symphainy.runtime.core.timeline.messages.TimelineCompleteness;

/**
 * The caller's tenant chain recomputed from the event store: how many entries were checked, whether all verified,
 * the first that did not ({@code null} when all did), and how far the chain has got ({@code completeness}, read before the chain).
 */
public record AuditVerifyResponse(long verified, boolean valid,
                                  @JsonInclude(JsonInclude.Include.ALWAYS) ChainBreak firstBroken,
                                  TimelineCompleteness completeness) {
}
