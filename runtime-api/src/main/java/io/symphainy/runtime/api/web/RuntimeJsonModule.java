package io.symphainy.runtime.api.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntentId;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * How runtime types look in HTTP bodies: typed ids as their raw value, statuses in lowercase as the contract says.
 */
@Component
public class RuntimeJsonModule extends SimpleModule {

    public RuntimeJsonModule() {
        super("runtime-http");
        for (Class<?> id : new Class<?>[] {TenantId.class, UserId.class, SessionId.class, ExecutionId.class,
                IntentId.class, SagaId.class}) {
            addSerializer(id, ToStringSerializer.instance);
        }
        addSerializer(ExecutionStatus.class, new JsonSerializer<>() {
            @Override
            public void serialize(ExecutionStatus status, JsonGenerator json, SerializerProvider provider)
                    throws IOException {
                json.writeString(status.wireName());
            }
        });
    }
}
