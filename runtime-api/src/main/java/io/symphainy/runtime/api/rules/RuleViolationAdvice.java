package io.symphainy.runtime.api.rules;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.Problems;
import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.config.IntakeProperties;
import io.symphainy.runtime.core.quota.TenantQuotaExceededException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps commands the runtime refused by a named rule to problem responses with the rule's stable code; a busy
 * intake's answer says in {@code Retry-After} when to try again, and so does a tenant's reached quota, which also
 * names the limit it reached.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RuleViolationAdvice {

    private final IntakeProperties intake;

    RuleViolationAdvice(IntakeProperties intake) {
        this.intake = intake;
    }

    @ExceptionHandler(RuleViolationException.class)
    public ResponseEntity<Object> refused(RuleViolationException refusal, HttpServletRequest request) {
        ProblemCode code = ProblemCode.valueOf(refusal.code().name());
        HttpHeaders headers = new HttpHeaders();
        if (refusal.code() == RuleViolationCode.RUNTIME_BUSY) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, intake.retryAfter().toSeconds())));
        }
        return Problems.response(Problems.withInstance(Problems.of(code, refusal.getMessage()), request), headers);
    }

    @ExceptionHandler(TenantQuotaExceededException.class)
    public ResponseEntity<Object> overQuota(TenantQuotaExceededException refusal, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        long seconds = (refusal.retryAfter().toMillis() + 999) / 1000;
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds)));
        return Problems.response(Problems.withInstance(Problems.of(ProblemCode.TENANT_QUOTA_EXCEEDED,
                refusal.getMessage(), Map.of("limit", refusal.limit().wireName())), request), headers);
    }
}
