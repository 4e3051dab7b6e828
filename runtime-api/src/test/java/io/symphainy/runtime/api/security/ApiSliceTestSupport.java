package io.symphainy.runtime.api.security;

import io.symphainy.runtime.api.error.ApiExceptionHandler;
import io.symphainy.runtime.api.error.ErrorHandlingConfiguration;
import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemErrorController;
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
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web slice with the real security and error handling in front of test-only endpoints, so these tests do not
 * depend on the production controllers or on a database. The nested configuration and controller are
 * {@code @TestComponent}s so that the component scan of other tests' application contexts leaves them out.
 *
 * <p>Quick-start mode is off, because it would also start the embedded database; the development keys are
 * served from a keys file instead, which exercises the production path.
 */
@WebMvcTest(properties = ApiKeyRegistryLoader.QUICK_START_PROPERTY + "=false")
@ContextConfiguration(classes = ApiSliceTestSupport.SliceConfiguration.class)
public abstract class ApiSliceTestSupport {

    public static final String SUBMITTER_A = "dev-submitter-a";
    public static final String OPERATOR_A = "dev-operator-a";
    public static final String ADMIN_A = "dev-admin-a";
    public static final String SUBMITTER_B = "dev-submitter-b";

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void apiKeysFile(DynamicPropertyRegistry registry) throws IOException {
        registerDevKeysFile(registry);
    }

    /** Points {@code runtime.api-keys-file} at a copy of the bundled development keys. */
    public static void registerDevKeysFile(DynamicPropertyRegistry registry) throws IOException {
        Path file = Files.createTempFile("api-keys-", ".yaml");
        file.toFile().deleteOnExit();
        try (InputStream devKeys = new ClassPathResource(ApiKeyRegistryLoader.DEV_KEYS_RESOURCE).getInputStream()) {
            Files.copy(devKeys, file, StandardCopyOption.REPLACE_EXISTING);
        }
        registry.add("runtime.api-keys-file", file::toString);
    }

    /** Everything the application registers for security and errors, plus the test endpoints. */
    @Configuration(proxyBeanMethods = false)
    @TestComponent
    @Import({SecurityConfiguration.class, PrincipalArgumentConfiguration.class, ErrorHandlingConfiguration.class,
            ApiExceptionHandler.class, ProblemErrorController.class, TestEndpoints.class})
    public static class SliceConfiguration {
    }

    /** A request body exercising typed, nested and validated fields; names arrive in snake_case. */
    public record Submission(String tenantId, @NotBlank String title, @NotNull @Positive Integer count,
                             @Size(max = 5) String displayName, UUID reference, @Valid List<Item> items) {
    }

    public record Item(@NotNull BigDecimal unitPrice) {
    }

    /** Endpoints shaped like the runtime's, each exercising one rule. */
    @RestController
    @TestComponent
    public static class TestEndpoints {

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
}
