package io.symphainy.runtime.core.infrastructure;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Persistent, cluster-safe deadlines on db-scheduler's table, as Axon's auto-configuration would build them, behind
 * a manager that tolerates cancelling a deadline while it fires; a deadline whose handling failed fires again within
 * seconds ({@link DeadlineRetries}).
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    @Bean
    public DbSchedulerDeadlineManager dbSchedulerDeadlineManager(
            Scheduler scheduler,
            org.axonframework.config.Configuration configuration,
            @Qualifier("eventSerializer") Serializer serializer,
            TransactionManager transactionManager,
            DeadlineManagerSpanFactory spanFactory) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    @Bean
    @Primary
    public DeadlineManager deadlineManager(DbSchedulerDeadlineManager dbSchedulerDeadlineManager,
                                           Scheduler scheduler) {
        return new RaceTolerantDeadlineManager(dbSchedulerDeadlineManager, scheduler);
    }

    /** Axon's deadline task, tried again soon after a failure; replaces the one Axon's auto-configuration registers. */
    @Bean
    @Qualifier("deadlineDetailsTask")
    public Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(
            ObjectProvider<DbSchedulerDeadlineManager> deadlineManager) {
        return DeadlineRetries.around(DbSchedulerDeadlineManager.binaryTask(deadlineManager::getObject));
    }
}
