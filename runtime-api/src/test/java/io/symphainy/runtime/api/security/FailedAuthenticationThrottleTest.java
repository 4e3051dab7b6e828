package io.symphainy.runtime.api.security;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Refused credentials from one address throttle that address only: its credentials, good or bad, get 429 with
 * {@code Retry-After} until the window ends, while other addresses and credential-less requests are served.
 */
@TestPropertySource(properties = {
        "runtime.security.failed-authentication.max-failures=" + FailedAuthenticationThrottleTest.MAX_FAILURES,
        "runtime.security.failed-authentication.window=1h"})
class FailedAuthenticationThrottleTest extends ApiSliceTestSupport {

    static final int MAX_FAILURES = 3;

    private static final String KEY = ApiKeyAuthenticationFilter.HEADER;

    @Test
    void addressThatPresentedTooManyRefusedKeysIsThrottledEvenWithAGoodKey() throws Exception {
        String guesser = "10.20.0.1";
        for (int attempt = 0; attempt < MAX_FAILURES; attempt++) {
            expectProblem(mvc.perform(from(guesser, get("/test/whoami").header(KEY, "guess-" + attempt))), 401,
                    "UNAUTHENTICATED");
        }

        expectProblem(mvc.perform(from(guesser, get("/test/whoami").header(KEY, SUBMITTER_A))), 429,
                "TOO_MANY_FAILED_AUTHENTICATIONS")
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "3600"))
                .andExpect(jsonPath("$.retry_after_seconds", allOf(greaterThan(3500), lessThanOrEqualTo(3600))));
        expectProblem(mvc.perform(from(guesser, get("/test/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer x"))),
                429, "TOO_MANY_FAILED_AUTHENTICATIONS");
    }

    @Test
    void otherAddressesAndRequestsWithoutCredentialsAreServed() throws Exception {
        String guesser = "10.20.0.2";
        for (int attempt = 0; attempt <= MAX_FAILURES; attempt++) {
            mvc.perform(from(guesser, get("/test/whoami").header(KEY, "guess-" + attempt)));
        }

        mvc.perform(from("10.20.0.3", get("/test/whoami").header(KEY, SUBMITTER_A))).andExpect(status().isOk());
        mvc.perform(from(guesser, get("/health"))).andExpect(status().isOk());
        expectProblem(mvc.perform(from(guesser, get("/test/whoami"))), 401, "UNAUTHENTICATED");
    }

    @Test
    void goodKeysDoNotCountAgainstTheirAddress() throws Exception {
        String client = "10.20.0.4";
        for (int request = 0; request < MAX_FAILURES * 3; request++) {
            mvc.perform(from(client, get("/test/whoami").header(KEY, SUBMITTER_A))).andExpect(status().isOk());
        }
        expectProblem(mvc.perform(from(client, get("/test/whoami").header(KEY, "one-typo"))), 401,
                "UNAUTHENTICATED");
        mvc.perform(from(client, get("/test/whoami").header(KEY, SUBMITTER_A))).andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(servletRequest -> {
            servletRequest.setRemoteAddr(address);
            return servletRequest;
        });
    }
}
