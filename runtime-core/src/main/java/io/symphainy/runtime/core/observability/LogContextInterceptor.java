package io.symphainy.runtime.core.observability;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Puts the tenant, user, session and execution of the message being handled (commands, events in projections and
 * sagas, queries) into the log context for the time of the handler.
 */
class LogContextInterceptor implements MessageHandlerInterceptor<Message<?>> {

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try (LogContext ignored = LogContext.of(unitOfWork.getMessage().getMetaData())) {
            return interceptorChain.proceed();
        }
    }
}
