package io.symphainy.runtime.api.rules;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.Problems;
import io.symphainy.runtime.core.common.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps commands the runtime refused by a named rule to problem responses with the rule's stable code.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RuleViolationAdvice {

    @ExceptionHandler(RuleViolationException.class)
    public ResponseEntity<Object> refused(RuleViolationException refusal, HttpServletRequest request) {
        ProblemCode code = ProblemCode.valueOf(refusal.code().name());
        return Problems.response(Problems.withInstance(Problems.of(code, refusal.getMessage()), request));
    }
}
