package io.symphainy.runtime.core.infrastructure;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deadline whose handling failed (the database went away while it fired, the node was stopping) is tried again
 * soon: after {@link #FIRST_RETRY}, doubling with each failure in a row up to {@link #LONGEST_RETRY}. db-scheduler's
 * default for one-time tasks waits five minutes, so a retry or a signal timeout that fired during a short database
 * outage held its execution for that long. Both the retry and the removal of a handled deadline are written through
 * {@link DeadlineBookkeeping}, so a database away at that moment does not leave the deadline picked and stalled.
 */
final class DeadlineRetries<T> implements FailureHandler<T> {

    /** The wait before the first retry of a failed deadline. */
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    /** The longest wait between two retries. */
    static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(DeadlineRetries.class);

    /** Axon's deadline task with this failure handling instead of db-scheduler's default. */
    static Task<DbSchedulerBinaryDeadlineDetails> around(Task<DbSchedulerBinaryDeadlineDetails> axonTask) {
        return new OneTimeTask<>(axonTask.getName(), DbSchedulerBinaryDeadlineDetails.class, new DeadlineRetries<>()) {
            @Override
            public CompletionHandler<DbSchedulerBinaryDeadlineDetails> execute(
                    TaskInstance<DbSchedulerBinaryDeadlineDetails> instance, ExecutionContext context) {
                executeOnce(instance, context);
                return (complete, operations) -> DeadlineBookkeeping.write("Removing the handled deadline", instance,
                        operations::remove);
            }

            @Override
            public void executeOnce(TaskInstance<DbSchedulerBinaryDeadlineDetails> instance, ExecutionContext context) {
                axonTask.execute(instance, context);
            }
        };
    }

    /** The wait after the given number of failures in a row (the first failure counts as 0). */
    static Duration delayAfter(int consecutiveFailures) {
        long millis = FIRST_RETRY.toMillis() << Math.min(consecutiveFailures, 16);
        return Duration.ofMillis(Math.min(millis, LONGEST_RETRY.toMillis()));
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        Duration delay = delayAfter(complete.getExecution().consecutiveFailures);
        log.warn("Deadline {} failed; it fires again in {}", complete.getExecution().taskInstance, delay,
                complete.getCause().orElse(null));
        DeadlineBookkeeping.write("Rescheduling the deadline", complete.getExecution().taskInstance,
                () -> operations.reschedule(complete, complete.getTimeDone().plus(delay)));
    }
}
