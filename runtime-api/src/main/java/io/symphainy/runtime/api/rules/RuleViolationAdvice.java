package io.symphainy.runtime.api.rules;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.Problems;
import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.config.IntakeProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps commands the runtime refused by a named rule to problem responses with the rule's stable code; a busy
 * intake's answer says in {@code Retry-After} when to try again.
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
}
