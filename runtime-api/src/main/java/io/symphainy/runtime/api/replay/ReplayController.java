package io.symphainy.runtime.api.replay;

import static io.symphainy.runtime.api.web.QueryParameters.invalid;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.replay.ExecutionReplayer;
import io.symphainy.runtime.core.replay.messages.ReplayMode;
import io.symphainy.runtime.core.replay.messages.ReplayReport;
import io.symphainy.runtime.core.replay.messages.ReplayRequest;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators replay an execution from the event store: its events, its state folded from them beside the State
 * Surface, or a shadow re-execution of its repeatable steps. Every replay is recorded on the execution.
 */
@RestController
public class ReplayController {

    private static final String CURRENT_POLICY = "current";

    private final ExecutionReplayer replayer;

    ReplayController(ExecutionReplayer replayer) {
        this.replayer = replayer;
    }

    @PostMapping("/execution/{execution_id}/replay")
    @PreAuthorize("hasRole('OPERATOR')")
    public ReplayReport replay(RuntimePrincipal caller, @PathVariable("execution_id") UUID executionId,
                               @Valid @RequestBody ReplayExecutionRequest request) {
        ReplayMode mode = ReplayMode.fromWireName(request.mode()).orElseThrow(() -> invalid("mode",
                "unknown mode '" + request.mode() + "'; expected one of " + Arrays.stream(ReplayMode.values())
                        .map(ReplayMode::wireName).toList()));
        if (request.policy() != null && !CURRENT_POLICY.equals(request.policy())) {
            throw invalid("policy", "unknown value '" + request.policy() + "'; expected \"current\"");
        }
        boolean rerunModel = Boolean.TRUE.equals(request.rerunModel());
        if (rerunModel && mode != ReplayMode.FULL) {
            throw invalid("rerun_model", "rerun_model applies to mode full only");
        }
        Long asOfIndex = null;
        Instant asOfInstant = null;
        if (request.asOf() != null) {
            if (mode != ReplayMode.STATE_ONLY) {
                throw invalid("as_of", "as_of applies to mode state_only only");
            }
            if (request.asOf().matches("\\d{1,9}")) {
                asOfIndex = Long.parseLong(request.asOf());
            } else {
                asOfInstant = instant(request.asOf());
            }
        }
        ReplayRequest replay = new ReplayRequest(new ExecutionId(executionId), RuntimeCommands.tenantOf(caller),
                new UserId(caller.userId()), mode, asOfIndex, asOfInstant, request.policy() != null, rerunModel);
        return replayer.replay(replay).orElseThrow(() -> new ProblemException(ProblemCode.EXECUTION_NOT_FOUND,
                "execution " + executionId + " not found"));
    }

    private static Instant instant(String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException notInstant) {
            throw invalid("as_of", "must be an event index or an ISO-8601 instant");
        }
    }
}
