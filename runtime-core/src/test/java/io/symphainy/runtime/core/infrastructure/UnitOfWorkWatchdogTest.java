package io.symphainy.runtime.core.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.config.WatchdogProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnitOfWorkWatchdogTest {

    private final UnitOfWorkWatchdog watchdog = new UnitOfWorkWatchdog(
            new WatchdogProperties(Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofMillis(10)));

    @AfterEach
    void stop() {
        watchdog.destroy();
    }

    @Test
    void interruptsAUnitOfWorkPastItsTimeLimitAndFailsIt() {
        long started = System.nanoTime();

        ResultMessage<?> result = intercepted(message -> {
            Thread.sleep(10_000);
            return "finished";
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class)
                .hasMessageContaining("test component");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(watchdog.watching()).isZero();
    }

    @Test
    void failsAUnitOfWorkWhoseHandlerSwallowedTheInterrupt() {
        ResultMessage<?> result = intercepted(message -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException swallowed) {
                return "pretended to finish";
            }
            return "finished";
        });

        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class);
    }

    @Test
    void letsAUnitOfWorkWithinItsLimitFinishAndForgetsIt() {
        ResultMessage<?> result = intercepted(message -> {
            Thread.sleep(100);
            return "finished";
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo("finished");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(watchdog.watching()).isZero();
    }

    @Test
    void watchesANestedUnitOfWorkOnceThroughItsRoot() {
        AtomicInteger watchedInside = new AtomicInteger();

        ResultMessage<?> result = intercepted(outer -> {
            UnitOfWork<Message<?>> nested = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("inner"));
            return nested.executeWithResult(() -> chain(nested, inner -> {
                watchedInside.set(watchdog.watching());
                return "inner finished";
            }).proceed()).getPayload();
        });

        assertThat(result.getPayload()).isEqualTo("inner finished");
        assertThat(watchedInside).hasValue(1);
    }

    private ResultMessage<?> intercepted(MessageHandler<Message<?>> handler) {
        UnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("x"));
        return unitOfWork.executeWithResult(() -> chain(unitOfWork, handler).proceed());
    }

    private DefaultInterceptorChain<Message<?>> chain(UnitOfWork<Message<?>> unitOfWork,
                                                      MessageHandler<Message<?>> handler) {
        return new DefaultInterceptorChain<>(unitOfWork, List.of(watchdog.interceptor("test component")), handler);
    }
}
