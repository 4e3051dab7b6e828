package io.symphainy.runtime.core.webhook;

import io.symphainy.runtime.core.common.JsonColumns;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.webhook.messages.WebhookEventType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON bodies receivers get: {@code event}, {@code event_id}, {@code occurred_at}, {@code tenant_id},
 * {@code execution_id} and the event's {@code data}, in that order and in snake_case.
 */
final class WebhookBodies {

    private WebhookBodies() {
    }

    static String body(WebhookEventType type, String eventId, Instant occurredAt, TenantId tenantId,
                       ExecutionId executionId, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", type.wireName());
        body.put("event_id", eventId);
        body.put("occurred_at", occurredAt.toString());
        body.put("tenant_id", tenantId.value());
        body.put("execution_id", executionId.toString());
        body.put("data", data);
        return JsonColumns.write(body);
    }

    /** The data of a failure: which step failed and why; null members are left out. */
    static Map<String, Object> failure(String failedStep, String errorCode, String errorMessage) {
        Map<String, Object> data = new LinkedHashMap<>();
        putIfPresent(data, "failed_step", failedStep);
        putIfPresent(data, "error_code", errorCode);
        putIfPresent(data, "error_message", errorMessage);
        return data;
    }

    private static void putIfPresent(Map<String, Object> data, String key, Object value) {
        if (value != null) {
            data.put(key, value);
        }
    }
}
