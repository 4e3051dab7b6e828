package io.symphainy.runtime.api.security;

import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * With observations recorded (as the actuator records HTTP requests), a request passes through the security filters
 * and the method authorization without an observation wrapped around each: that wrapping cost every request CPU and
 * fed no published meter.
 */
@Import(SecurityObservationTest.RecordingObservations.class)
class SecurityObservationTest extends ApiSliceTestSupport {

    @Test
    void securityWrapsNoObservationAroundARequest() throws Exception {
        mvc.perform(get("/test/observing-frames").header(ApiKeyAuthenticationFilter.HEADER, OPERATOR_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", empty()));
    }

    /** A registry that records observations, so that Spring Security would decorate its filters if allowed to. */
    @TestConfiguration(proxyBeanMethods = false)
    static class RecordingObservations {

        @Bean
        ObservationRegistry observationRegistry() {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(context -> true);
            return registry;
        }
    }
}
