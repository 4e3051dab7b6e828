package io.symphainy.runtime.api.security;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints shaped like the runtime's, each exercising one security or error rule. As a
 * {@code @TestComponent} it stays out of the component scan of other tests' application contexts.
 */
@RestController
@TestComponent
public class TestEndpoints {

    /** A request body exercising typed, nested and validated fields; names arrive in snake_case. */
    public record Submission(String tenantId, @NotBlank String title, @NotNull @Positive Integer count,
                             @Size(max = 5) String displayName, UUID reference, @Valid List<Item> items) {
    }

    public record Item(@NotNull BigDecimal unitPrice) {
    }

    /** Counts body-taking invocations, to prove that refused requests never reach a controller. */
    public static final AtomicInteger BODY_CALLS = new AtomicInteger();

    private final Validator validator;

    public TestEndpoints(Validator validator) {
        this.validator = validator;
    }

    @GetMapping("/health")
    public Map<String, String> health() {
        return Map.of("status", "UP");
    }

    @GetMapping("/test/whoami")
    public RuntimePrincipal whoami(RuntimePrincipal principal) {
        return principal;
    }

    /** Spring Security's classes on the request's call stack that wrap it in a (Micrometer) observation. */
    @PreAuthorize("hasRole('OPERATOR')")
    @GetMapping("/test/observing-frames")
    public List<String> observingFrames() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> name.startsWith("org.springframework.security.") && name.contains("Observation"))
                .distinct().toList());
    }

    @PreAuthorize("hasRole('SUBMITTER')")
    @PostMapping("/test/submissions")
    @ResponseStatus(HttpStatus.CREATED)
    public Submission submit(RuntimePrincipal principal, @Valid @RequestBody Submission submission) {
        BODY_CALLS.incrementAndGet();
        TenantGuard.requireSameTenant(principal, submission.tenantId());
        return submission;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/test/admin")
    public Map<String, String> admin(RuntimePrincipal principal) {
        return Map.of("user_id", principal.userId());
    }

    @GetMapping("/test/things")
    public Map<String, Object> things(RuntimePrincipal principal,
                                      @RequestParam(name = "tenant_id", required = false) String tenantId,
                                      @RequestParam("limit") @Min(1) int limit) {
        TenantGuard.requireSameTenant(principal, tenantId);
        return Map.of("tenant_id", principal.tenantId(), "limit", limit);
    }

    @GetMapping("/test/things/{thing_id}")
    public Map<String, Object> thing(@PathVariable("thing_id") UUID thingId) {
        return Map.of("thing_id", thingId);
    }

    @GetMapping("/test/pages/{page}")
    public Map<String, Object> page(@PathVariable("page") int page) {
        return Map.of("page", page);
    }

    @GetMapping("/test/boom")
    public void boom() {
        throw new IllegalStateException("connection to db failed, password=hunter2");
    }

    @GetMapping("/test/closed")
    public void closed() {
        throw new ProblemException(ProblemCode.SESSION_CLOSED, "Session s-1 is closed.",
                Map.of("session_id", "s-1"));
    }

    @PostMapping("/test/echo")
    public Map<String, Object> echo(@RequestBody Map<String, Object> body) {
        BODY_CALLS.incrementAndGet();
        return body;
    }

    /** Reads the body itself and reports how it arrived, to prove that chunked bodies are counted. */
    @PostMapping("/test/raw")
    public Map<String, Object> raw(HttpServletRequest request) throws IOException {
        return Map.of("bytes", request.getInputStream().readAllBytes().length,
                "declared_length", request.getContentLengthLong(),
                "transfer_encoding", String.valueOf(request.getHeader("Transfer-Encoding")));
    }

    @PostMapping("/test/checked")
    public void checked(@RequestBody Submission submission) {
        var violations = validator.validate(submission);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
