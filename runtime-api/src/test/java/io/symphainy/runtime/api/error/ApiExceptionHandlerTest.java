package io.symphainy.runtime.api.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.symphainy.runtime.api.security.ApiSliceTestSupport;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ApiExceptionHandlerTest extends ApiSliceTestSupport {

    @Test
    void brokenJsonIsMalformedJson() throws Exception {
        expectProblem(mvc.perform(postJson("/test/submissions", "{\"title\": ")), 400, "MALFORMED_JSON")
                .andExpect(jsonPath("$.title").value("Malformed JSON"));
        expectProblem(mvc.perform(postJson("/test/submissions", "")), 400, "MALFORMED_JSON");
    }

    @Test
    void wrongTypeIsInvalidRequestNamingTheFieldAsSent() throws Exception {
        expectProblem(mvc.perform(postJson("/test/submissions", "{\"title\":\"t\",\"count\":\"many\"}")),
                400, "INVALID_REQUEST")
                .andExpect(jsonPath("$.errors[0].field").value("count"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a number"))
                .andExpect(jsonPath("$.detail").value(containsString("count")));
    }

    @Test
    void wrongTypeInsideListNamesTheFullPath() throws Exception {
        String body = "{\"title\":\"t\",\"count\":1,\"items\":[{\"unit_price\":1},{\"unit_price\":\"x\"}]}";
        expectProblem(mvc.perform(postJson("/test/submissions", body)), 400, "INVALID_REQUEST")
                .andExpect(jsonPath("$.errors[0].field").value("items[1].unit_price"));
        expectProblem(mvc.perform(postJson("/test/submissions", "{\"title\":\"t\",\"reference\":\"nope\"}")),
                400, "INVALID_REQUEST")
                .andExpect(jsonPath("$.errors[0].field").value("reference"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a UUID"));
    }

    @Test
    void beanValidationFailuresListFieldsInSnakeCase() throws Exception {
        String body = "{\"title\":\" \",\"count\":1,\"display_name\":\"far too long\",\"items\":[{}]}";
        expectProblem(mvc.perform(postJson("/test/submissions", body)), 400, "INVALID_REQUEST")
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[?(@.field == 'title')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'display_name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'items[0].unit_price')]").exists());
        expectProblem(mvc.perform(postJson("/test/submissions", "{\"title\":\"t\"}")), 400, "INVALID_REQUEST")
                .andExpect(jsonPath("$.errors[0].field").value("count"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be null"));
    }

    @Test
    void constraintViolationsAreInvalidRequest() throws Exception {
        expectProblem(mvc.perform(postJson("/test/checked", "{\"title\":\"t\",\"count\":1,\"items\":[{}]}")),
                400, "INVALID_REQUEST")
                .andExpect(jsonPath("$.errors[0].field").value("items[0].unit_price"));
    }

    @Test
    void queryParameterProblemsAreInvalidRequest() throws Exception {
        expectProblem(mvc.perform(withKey(get("/test/things"))), 400, "INVALID_REQUEST")
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
        expectProblem(mvc.perform(withKey(get("/test/things").param("limit", "ten"))), 400, "INVALID_REQUEST")
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a number"));
        expectProblem(mvc.perform(withKey(get("/test/things").param("limit", "0"))), 400, "INVALID_REQUEST")
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void malformedIdInPathIsNotFoundButOtherPathValuesAreInvalid() throws Exception {
        expectProblem(mvc.perform(withKey(get("/test/things/not-a-uuid"))), 404, "NOT_FOUND");
        expectProblem(mvc.perform(withKey(get("/test/pages/first"))), 400, "INVALID_REQUEST")
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        expectProblem(mvc.perform(withKey(get("/no/such/thing"))), 404, "NOT_FOUND")
                .andExpect(jsonPath("$.detail").value(not(containsString("static"))));
    }

    @Test
    void protocolErrorsCarryTheirCodes() throws Exception {
        expectProblem(mvc.perform(withKey(delete("/test/whoami"))), 405, "METHOD_NOT_ALLOWED")
                .andExpect(header().string(HttpHeaders.ALLOW, containsString("GET")));
        expectProblem(mvc.perform(withKey(get("/test/whoami")).accept(MediaType.APPLICATION_XML)),
                406, "NOT_ACCEPTABLE");
        expectProblem(mvc.perform(withKey(post("/test/submissions")).contentType(MediaType.TEXT_PLAIN)
                .content("hello")), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void problemExceptionsKeepTheirCodeStatusAndProperties() throws Exception {
        expectProblem(mvc.perform(withKey(get("/test/closed"))), 409, "SESSION_CLOSED")
                .andExpect(jsonPath("$.type").value("urn:symphainy:problem:session-closed"))
                .andExpect(jsonPath("$.title").value("Session closed"))
                .andExpect(jsonPath("$.detail").value("Session s-1 is closed."))
                .andExpect(jsonPath("$.session_id").value("s-1"))
                .andExpect(jsonPath("$.instance").value("/test/closed"));
    }

    @Test
    void unexpectedFailuresAreInternalErrorWithoutDetailsOfTheCause() throws Exception {
        expectProblem(mvc.perform(withKey(get("/test/boom"))), 500, "INTERNAL_ERROR")
                .andExpect(content().string(not(containsString("hunter2"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void declaredOversizedBodyIsRefusedBeforeAnyController() throws Exception {
        int before = TestEndpoints.BODY_CALLS.get();
        byte[] body = new byte[(int) HttpLimitsProperties.DEFAULT_MAX_BODY.toBytes() + 1];
        expectProblem(mvc.perform(withKey(post("/test/echo")).contentType(MediaType.APPLICATION_JSON)
                .content(body)), 413, "PAYLOAD_TOO_LARGE")
                .andExpect(jsonPath("$.max_body_bytes").value(HttpLimitsProperties.DEFAULT_MAX_BODY.toBytes()));
        assertThat(TestEndpoints.BODY_CALLS.get()).isEqualTo(before);
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

    private static MockHttpServletRequestBuilder postJson(String path, String json) {
        return withKey(post(path)).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private static MockHttpServletRequestBuilder withKey(MockHttpServletRequestBuilder request) {
        return request.header("X-API-Key", ADMIN_A);
    }

    private static ResultActions expectProblem(ResultActions actions, int status, String code) throws Exception {
        return actions.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.type").value(
                        "urn:symphainy:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
    }
}
