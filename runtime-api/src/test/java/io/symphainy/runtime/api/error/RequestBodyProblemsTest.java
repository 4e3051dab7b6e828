package io.symphainy.runtime.api.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.symphainy.runtime.api.security.ApiSliceTestSupport;
import io.symphainy.runtime.api.security.TestEndpoints;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Problems for request bodies: broken JSON, wrong types, failed validation and oversized bodies. */
class RequestBodyProblemsTest extends ApiSliceTestSupport {

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
    void numberOutOfRangeIsInvalidRequest() throws Exception {
        expectProblem(mvc.perform(postJson("/test/submissions", "{\"title\":\"t\",\"count\":99999999999}")),
                400, "INVALID_REQUEST")
                .andExpect(jsonPath("$.errors[0].field").value("count"));
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
    void declaredOversizedBodyIsRefusedBeforeAnyController() throws Exception {
        int before = TestEndpoints.BODY_CALLS.get();
        byte[] body = new byte[(int) HttpLimitsProperties.DEFAULT_MAX_BODY.toBytes() + 1];
        expectProblem(mvc.perform(withAdminKey(post("/test/echo")).contentType(MediaType.APPLICATION_JSON)
                .content(body)), 413, "PAYLOAD_TOO_LARGE")
                .andExpect(jsonPath("$.max_body_bytes").value(HttpLimitsProperties.DEFAULT_MAX_BODY.toBytes()));
        assertThat(TestEndpoints.BODY_CALLS.get()).isEqualTo(before);
    }

    private static MockHttpServletRequestBuilder postJson(String path, String json) {
        return withAdminKey(post(path)).contentType(MediaType.APPLICATION_JSON).content(json);
    }
}
