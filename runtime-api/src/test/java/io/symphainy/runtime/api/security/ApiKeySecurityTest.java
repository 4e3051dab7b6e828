package io.symphainy.runtime.api.security;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class ApiKeySecurityTest extends ApiSliceTestSupport {

    private static final String KEY = ApiKeyAuthenticationFilter.HEADER;

    @Test
    void requestWithoutKeyIsRefusedWithUnauthenticatedProblemAndChallenge() throws Exception {
        expectProblem(mvc.perform(get("/test/whoami")), 401, "UNAUTHENTICATED")
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"X-API-Key\""))
                .andExpect(jsonPath("$.title").value("Unauthenticated"))
                .andExpect(jsonPath("$.type").value("urn:symphainy:problem:unauthenticated"))
                .andExpect(jsonPath("$.instance").value("/test/whoami"));
    }

    @Test
    void requestWithUnknownKeyIsRefusedWithUnauthenticatedProblem() throws Exception {
        expectProblem(mvc.perform(get("/test/whoami").header(KEY, "not-a-key")), 401, "UNAUTHENTICATED")
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString(KEY)))
                .andExpect(jsonPath("$.detail").value(containsString("not recognized")));
    }

    @Test
    void unknownKeyIsRefusedEvenOnPublicEndpoints() throws Exception {
        expectProblem(mvc.perform(get("/health").header(KEY, "not-a-key")), 401, "UNAUTHENTICATED");
    }

    @Test
    void healthNeedsNoKey() throws Exception {
        mvc.perform(get("/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void controllersReceiveThePrincipalOfTheKey() throws Exception {
        mvc.perform(get("/test/whoami").header(KEY, OPERATOR_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenant_id").value("tenant-a"))
                .andExpect(jsonPath("$.user_id").value("olivia"))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("operator", "auditor")));
    }

    @Test
    void missingRoleIsForbiddenProblem() throws Exception {
        expectProblem(mvc.perform(post("/test/submissions").header(KEY, OPERATOR_A)
                .contentType(MediaType.APPLICATION_JSON).content(submission("tenant-a"))), 403, "FORBIDDEN")
                .andExpect(jsonPath("$.type").value("urn:symphainy:problem:forbidden"))
                .andExpect(jsonPath("$.instance").value("/test/submissions"));
    }

    @Test
    void adminRoleIsRequiredWhereDeclared() throws Exception {
        expectProblem(mvc.perform(get("/test/admin").header(KEY, SUBMITTER_A)), 403, "FORBIDDEN");
        mvc.perform(get("/test/admin").header(KEY, ADMIN_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user_id").value("ada"));
    }

    @Test
    void submitterOfTheSameTenantIsAcceptedWithoutCsrfTokenOrSession() throws Exception {
        mvc.perform(post("/test/submissions").header(KEY, SUBMITTER_A)
                        .contentType(MediaType.APPLICATION_JSON).content(submission("tenant-a")))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
    }

    @Test
    void bodyWithoutTenantIsScopedToTheCredential() throws Exception {
        mvc.perform(post("/test/submissions").header(KEY, SUBMITTER_B)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"t\",\"count\":1}"))
                .andExpect(status().isCreated());
    }

    @Test
    void bodyTenantOfAnotherTenantIsTenantMismatch() throws Exception {
        expectProblem(mvc.perform(post("/test/submissions").header(KEY, SUBMITTER_B)
                .contentType(MediaType.APPLICATION_JSON).content(submission("tenant-a"))), 403, "TENANT_MISMATCH")
                .andExpect(jsonPath("$.type").value("urn:symphainy:problem:tenant-mismatch"));
    }

    @Test
    void queryTenantOfAnotherTenantIsTenantMismatch() throws Exception {
        expectProblem(mvc.perform(get("/test/things").header(KEY, OPERATOR_A)
                .param("tenant_id", "tenant-b").param("limit", "1")), 403, "TENANT_MISMATCH");
        mvc.perform(get("/test/things").header(KEY, OPERATOR_A).param("tenant_id", "tenant-a").param("limit", "1"))
                .andExpect(status().isOk());
    }

    private static String submission(String tenantId) {
        return "{\"tenant_id\":\"" + tenantId + "\",\"title\":\"t\",\"count\":1}";
    }
}
