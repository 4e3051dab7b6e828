package io.symphainy.runtime.core.resume.messages;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import java.util.List;

/**
 * What a resumption recorded: the new execution's intake receipt (a repeated resumption answers the first one's),
 * the execution it resumes and the steps whose recorded outputs it reuses.
 */
public record ResumeOutcome(IntakeReceipt receipt, ExecutionId resumedFrom, List<String> reusedSteps) {

    public ResumeOutcome {
        reusedSteps = List.copyOf(reusedSteps);
    }
}
