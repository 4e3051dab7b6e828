package io.symphainy.runtime.api.security;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.symphainy.runtime.api.error.ApiExceptionHandler;
import io.symphainy.runtime.api.error.ErrorHandlingConfiguration;
import io.symphainy.runtime.api.error.ProblemErrorController;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A web slice with the real security and error handling in front of test-only endpoints, so these tests do not
 * depend on the production controllers or on a database. The configuration is a {@code @TestComponent} so that
 * the component scan of other tests' application contexts leaves it out.
 *
 * <p>Neither the embedded database nor quick-start mode is used: the development keys are served from a keys file,
 * which exercises the production path.
 */
@WebMvcTest(properties = {ApiSliceTestSupport.NO_EMBEDDED_DATABASE,
        ApiKeyRegistryLoader.QUICK_START_PROPERTY + "=false"})
@ContextConfiguration(classes = ApiSliceTestSupport.SliceConfiguration.class)
public abstract class ApiSliceTestSupport {

    /** Keeps the application's environment post-processor from starting an embedded PostgreSQL for web slices. */
    public static final String NO_EMBEDDED_DATABASE = "runtime.embedded-database.auto-start=false";

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

    /** Asserts the shape every error shares: status, problem+json, stable code and the type derived from it. */
    public static ResultActions expectProblem(ResultActions actions, int status, String code) throws Exception {
        return actions.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.type").value(
                        "urn:symphainy:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
    }

    /** Sends the request with a key holding every role, for tests that are not about authorization. */
    public static MockHttpServletRequestBuilder withAdminKey(MockHttpServletRequestBuilder request) {
        return request.header(ApiKeyAuthenticationFilter.HEADER, ADMIN_A);
    }
}
