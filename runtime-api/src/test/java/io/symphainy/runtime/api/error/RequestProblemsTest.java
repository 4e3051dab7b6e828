package io.symphainy.runtime.api.error;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.symphainy.runtime.api.security.ApiSliceTestSupport;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Problems for parameters, paths, methods, media types, domain exceptions and unexpected failures. */
class RequestProblemsTest extends ApiSliceTestSupport {

    @Test
    void queryParameterProblemsAreInvalidRequest() throws Exception {
        expectProblem(mvc.perform(withAdminKey(get("/test/things"))), 400, "INVALID_REQUEST")
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
        expectProblem(mvc.perform(withAdminKey(get("/test/things").param("limit", "ten"))), 400, "INVALID_REQUEST")
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a number"));
        expectProblem(mvc.perform(withAdminKey(get("/test/things").param("limit", "0"))), 400, "INVALID_REQUEST")
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void malformedIdInPathIsNotFoundButOtherPathValuesAreInvalid() throws Exception {
        expectProblem(mvc.perform(withAdminKey(get("/test/things/not-a-uuid"))), 404, "NOT_FOUND");
        expectProblem(mvc.perform(withAdminKey(get("/test/pages/first"))), 400, "INVALID_REQUEST")
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        expectProblem(mvc.perform(withAdminKey(get("/no/such/thing"))), 404, "NOT_FOUND")
                .andExpect(jsonPath("$.detail").value(not(containsString("static"))));
    }

    @Test
    void protocolErrorsCarryTheirCodes() throws Exception {
        expectProblem(mvc.perform(withAdminKey(delete("/test/whoami"))), 405, "METHOD_NOT_ALLOWED")
                .andExpect(header().string(HttpHeaders.ALLOW, containsString("GET")));
        expectProblem(mvc.perform(withAdminKey(get("/test/whoami")).accept(MediaType.APPLICATION_XML)),
                406, "NOT_ACCEPTABLE");
        expectProblem(mvc.perform(withAdminKey(post("/test/submissions")).contentType(MediaType.TEXT_PLAIN)
                .content("hello")), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void problemExceptionsKeepTheirCodeStatusAndProperties() throws Exception {
        expectProblem(mvc.perform(withAdminKey(get("/test/closed"))), 409, "SESSION_CLOSED")
                .andExpect(jsonPath("$.type").value("urn:symphainy:problem:session-closed"))
                .andExpect(jsonPath("$.title").value("Session closed"))
                .andExpect(jsonPath("$.detail").value("Session s-1 is closed."))
                .andExpect(jsonPath("$.session_id").value("s-1"))
                .andExpect(jsonPath("$.instance").value("/test/closed"));
    }

    @Test
    void unexpectedFailuresAreInternalErrorWithoutDetailsOfTheCause() throws Exception {
        expectProblem(mvc.perform(withAdminKey(get("/test/boom"))), 500, "INTERNAL_ERROR")
                .andExpect(content().string(not(containsString("hunter2"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void containerErrorDispatchesAreProblemsToo() throws Exception {
        expectProblem(mvc.perform(get("/error").with(request -> {
            request.setDispatcherType(DispatcherType.ERROR);
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/failed/path");
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("hunter2"));
            return request;
        })), 500, "INTERNAL_ERROR")
                .andExpect(jsonPath("$.instance").value("/failed/path"))
                .andExpect(content().string(not(containsString("hunter2"))));
    }
}
