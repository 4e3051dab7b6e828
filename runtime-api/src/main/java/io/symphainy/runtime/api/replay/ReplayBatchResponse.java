package io.symphainy.runtime.api.replay;

import java.util.List;

/**
 * The answer to {@code POST /replay/batch}.
 *
 * @param matched   how many executions matched, counting at most {@code limit} + 1
 * @param truncated whether more executions matched than the batch's limit; only the first {@code limit} (oldest
 *                  accepted first) were listed or acted on
 * @param outcomes  one per execution acted on; for a dry run, only the ids
 */
public record ReplayBatchResponse(String action, boolean dryRun, int limit, int ratePerSecond, int matched,
                                  boolean truncated, List<Outcome> outcomes) {

    /**
     * What the batch did to one execution.
     *
     * @param result    {@code listed} (dry run), {@code replayed}, {@code resumed}, or {@code refused}
     * @param detail    the replay's outcome line, the resumed execution's status, or why it was refused
     * @param resumedAs for {@code resumed}: the new execution
     * @param code      for {@code refused}: the problem code a single request would have answered
     */
    public record Outcome(String executionId, String result, String detail, String resumedAs, String code) {
    }
}
