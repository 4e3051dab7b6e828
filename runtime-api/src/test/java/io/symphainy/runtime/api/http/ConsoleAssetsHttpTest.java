package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The console's page and assets are public, hold no data and come from the runtime itself; {@code GET /whoami}
 * tells the console who a key belongs to.
 */
class ConsoleAssetsHttpTest extends HttpTestSupport {

    @Test
    void servesTheConsolePageAndItsModulesWithoutCredentials() {
        for (String path : new String[] {"/", "/index.html"}) {
            Response page = browserGet(path);
            assertStatus(page, 200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("Symphainy console").contains("/console/app.js");
        }
        Response script = browserGet("/console/app.js");
        assertStatus(script, 200);
        assertThat(script.contentType()).contains("javascript");
        Response style = browserGet("/console/console.css");
        assertStatus(style, 200);
        assertThat(style.contentType()).startsWith("text/css");
    }

    @Test
    void theConsoleFetchesNothingFromElsewhere() {
        String page = browserGet("/").body();
        assertThat(page).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
    }

    @Test
    void theConsoleRunsOnlyItsOwnCodeAndCannotBeFramed() {
        for (String path : new String[] {"/", "/console/app.js"}) {
            Response response = browserGet(path);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(path).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                    "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }

    @Test
    void onlyTheConsoleIsPublic() {
        assertProblem(get("/executions", null), 401, "UNAUTHENTICATED");
        assertProblem(get("/console-not-public", null), 401, "UNAUTHENTICATED");
        assertProblem(send("POST", "/", null, HttpRequest.BodyPublishers.noBody(), null), 401, "UNAUTHENTICATED");
    }

    /** A GET as a browser sends it: no key, and HTML first in Accept. */
    private Response browserGet(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body(), JSON.missingNode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void whoAmITellsTheTenantUserAndRolesOfTheKey() {
        Response me = get("/whoami", OPERATOR_A);
        assertStatus(me, 200);
        assertThat(me.text("tenant_id")).isEqualTo(TENANT_A);
        assertThat(me.text("user_id")).isEqualTo("olivia");
        assertThat(me.json().path("roles").toString()).isEqualTo("[\"operator\",\"auditor\"]");
        assertThat(get("/whoami", SUBMITTER_B).text("tenant_id")).isEqualTo(TENANT_B);
        assertProblem(get("/whoami", null), 401, "UNAUTHENTICATED");
    }
}
