package io.symphainy.runtime.api.replay;

import static io.symphainy.runtime.api.web.QueryParameters.invalid;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.replay.messages.ReplayMode;
import io.symphainy.runtime.core.state.messages.FindExecutionIdsQuery;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators replay or resume, in one request, every execution of their tenant that a filter matches: bounded in
 * size, paced by a rate limit, answered synchronously with one outcome per execution. Each action is the single
 * endpoint's action, recorded and audited the same way; a dry run only counts and lists.
 */
@RestController
@EnableConfigurationProperties(BatchProperties.class)
public class ReplayBatchController {

    private final QueryGateway queries;
    private final BatchActions actions;
    private final BatchProperties properties;

    ReplayBatchController(QueryGateway queries, BatchActions actions, BatchProperties properties) {
        this.queries = queries;
        this.actions = actions;
        this.properties = properties;
    }

    @PostMapping("/replay/batch")
    @PreAuthorize("hasRole('OPERATOR')")
    public ReplayBatchResponse batch(RuntimePrincipal caller, @Valid @RequestBody ReplayBatchRequest request) {
        boolean resume = request.action().equals("resume");
        ReplayMode mode = resume ? null : mode(request);
        if (resume && (request.mode() != null || request.policy() != null)) {
            throw invalid("mode", "mode and policy apply to action replay only");
        }
        if (!resume && request.policy() != null && !request.policy().equals("current")) {
            throw invalid("policy", "unknown value '" + request.policy() + "'; expected \"current\"");
        }
        int limit = Math.min(request.limit() == null ? properties.maxExecutions() : request.limit(),
                properties.maxExecutions());
        int rate = Math.min(request.ratePerSecond() == null ? properties.maxRatePerSecond()
                : request.ratePerSecond(), properties.maxRatePerSecond());
        ReplayBatchRequest.Filter filter = request.filter() == null
                ? new ReplayBatchRequest.Filter(null, null, null, null, null) : request.filter();
        List<ExecutionId> matched = queries.query(new FindExecutionIdsQuery(RuntimeCommands.tenantOf(caller),
                filter.capability(), status(filter.status()), filter.from(), filter.to(), filter.failedStep(),
                limit + 1), ResponseTypes.multipleInstancesOf(ExecutionId.class)).join();
        List<ExecutionId> selected = matched.subList(0, Math.min(limit, matched.size()));
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        List<ReplayBatchResponse.Outcome> outcomes = dryRun
                ? selected.stream().map(id -> new ReplayBatchResponse.Outcome(id.toString(), "listed", null, null,
                        null)).toList()
                : actions.run(caller, selected, rate, resume, mode, request.policy() != null);
        return new ReplayBatchResponse(request.action(), dryRun, limit, rate, matched.size(),
                matched.size() > limit, outcomes);
    }

    private static ReplayMode mode(ReplayBatchRequest request) {
        if (request.mode() == null) {
            throw invalid("mode", "action replay needs a mode");
        }
        return ReplayMode.fromWireName(request.mode()).orElseThrow(() -> invalid("mode", "unknown mode '"
                + request.mode() + "'; expected one of " + Arrays.stream(ReplayMode.values())
                .map(ReplayMode::wireName).toList()));
    }

    private static String status(String status) {
        if (status == null) {
            return null;
        }
        boolean known = Arrays.stream(ExecutionStatus.values()).anyMatch(s -> s.wireName().equals(status));
        if (!known) {
            throw invalid("filter.status", "unknown status '" + status + "'");
        }
        return status.toLowerCase(Locale.ROOT);
    }
}
