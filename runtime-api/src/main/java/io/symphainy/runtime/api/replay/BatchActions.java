package io.symphainy.runtime.api.replay;

import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.intent.IntentController;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.RecentWrites;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.replay.ExecutionReplayer;
import io.symphainy.runtime.core.replay.messages.ReplayMode;
import io.symphainy.runtime.core.replay.messages.ReplayRequest;
import io.symphainy.runtime.core.resume.ExecutionResumer;
import io.symphainy.runtime.core.resume.messages.ResumeOutcome;
import io.symphainy.runtime.core.resume.messages.ResumeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Runs a batch's actions one after the other on the request's thread, starting the i-th no earlier than i / rate
 * seconds after the first. A refusal of one execution (no longer resumable, denied by the policy) is its outcome
 * and does not stop the batch.
 */
@Component
class BatchActions {

    private static final String NOT_FOUND = "EXECUTION_NOT_FOUND";

    private final ExecutionReplayer replayer;
    private final ExecutionResumer resumer;
    private final RecentWrites recentWrites;

    BatchActions(ExecutionReplayer replayer, ExecutionResumer resumer, RecentWrites recentWrites) {
        this.replayer = replayer;
        this.resumer = resumer;
        this.recentWrites = recentWrites;
    }

    List<ReplayBatchResponse.Outcome> run(RuntimePrincipal caller, List<ExecutionId> executions, int ratePerSecond,
                                          boolean resume, ReplayMode mode, boolean currentPolicy) {
        List<ReplayBatchResponse.Outcome> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / ratePerSecond;
        for (int i = 0; i < executions.size(); i++) {
            pauseUntil(start + i * intervalNanos);
            ExecutionId id = executions.get(i);
            try {
                outcomes.add(resume ? resume(caller, id) : replay(caller, id, mode, currentPolicy));
            } catch (RuleViolationException refused) {
                outcomes.add(refused(id, refused.code().name(), refused.getMessage()));
            } catch (ProblemException refused) {
                outcomes.add(refused(id, refused.code().name(), refused.detail()));
            }
        }
        return outcomes;
    }

    private ReplayBatchResponse.Outcome replay(RuntimePrincipal caller, ExecutionId id, ReplayMode mode,
                                               boolean currentPolicy) {
        return replayer.replay(new ReplayRequest(id, RuntimeCommands.tenantOf(caller), new UserId(caller.userId()),
                        mode, null, null, currentPolicy))
                .map(report -> new ReplayBatchResponse.Outcome(id.toString(), "replayed", report.outcome(), null,
                        null))
                .orElseGet(() -> refused(id, NOT_FOUND, "execution " + id + " not found"));
    }

    private ReplayBatchResponse.Outcome resume(RuntimePrincipal caller, ExecutionId id) {
        Optional<ResumeOutcome> outcome = resumer.resume(new ResumeRequest(id, RuntimeCommands.tenantOf(caller),
                new UserId(caller.userId()), IntentController.roleNames(caller)));
        if (outcome.isEmpty()) {
            return refused(id, NOT_FOUND, "execution " + id + " not found");
        }
        IntakeReceipt receipt = outcome.get().receipt();
        recentWrites.acknowledged(caller.tenantId(), receipt.executionId());
        if (receipt.rejected()) {
            return new ReplayBatchResponse.Outcome(id.toString(), "refused", receipt.rejectionDetail(),
                    receipt.executionId().toString(), receipt.rejectionCode().name());
        }
        return new ReplayBatchResponse.Outcome(id.toString(), "resumed", receipt.status().wireName(),
                receipt.executionId().toString(), null);
    }

    private static ReplayBatchResponse.Outcome refused(ExecutionId id, String code, String detail) {
        return new ReplayBatchResponse.Outcome(id.toString(), "refused", detail, null, code);
    }

    private static void pauseUntil(long nanoTime) {
        long waitNanos = nanoTime - System.nanoTime();
        if (waitNanos > 0) {
            try {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("batch interrupted", interrupted);
            }
        }
    }
}
