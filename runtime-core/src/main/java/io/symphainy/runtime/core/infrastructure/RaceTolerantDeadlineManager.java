package io.symphainy.runtime.core.infrastructure;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The persistent deadline manager, except that cancelling a deadline which is firing at that very moment, or has
 * already fired, is not an error.
 *
 * <p>An attempt's timeout deadline can fire while the attempt's outcome is being recorded; the coordinator then
 * cancels a deadline that is executing. The deadline's own command is ignored by the saga as stale, so nothing is
 * lost by letting it finish, whereas failing the cancelling transaction would stall the coordinator.
 */
public class RaceTolerantDeadlineManager implements DeadlineManager {

    private final DbSchedulerDeadlineManager delegate;
    private final Scheduler scheduler;

    public RaceTolerantDeadlineManager(DbSchedulerDeadlineManager delegate, Scheduler scheduler) {
        this.delegate = delegate;
        this.scheduler = scheduler;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        return delegate.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        Runnable cancel = () -> {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
            } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException alreadyFiring) {
                // The deadline fired or is firing; its command finds its attempt finished and changes nothing.
            }
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> cancel.run());
        } else {
            cancel.run();
        }
    }

    @Override
    public void cancelAll(String deadlineName) {
        delegate.cancelAll(deadlineName);
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        delegate.cancelAllWithinScope(deadlineName, scope);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super DeadlineMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super DeadlineMessage<?>> handlerInterceptor) {
        return delegate.registerHandlerInterceptor(handlerInterceptor);
    }
}
