package io.symphainy.runtime.api.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** State Surface reads say which of their projections is being rebuilt. */
class ProjectionRebuildingHeaderFilterTest {

    private static String header(Set<String> replaying, String method, String path) throws Exception {
        Projections projections = new Projections(null, null, null, null) {
            @Override
            public boolean isReplaying(String name) {
                return replaying.contains(name);
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ProjectionRebuildingHeaderFilter(projections)
                .doFilter(new MockHttpServletRequest(method, path), response, new MockFilterChain());
        return response.getHeader(ProjectionRebuildingHeaderFilter.HEADER);
    }

    @Test
    void executionReadsNameTheExecutionStateProjectionWhileItReplays() throws Exception {
        Set<String> replaying = Set.of("execution-state");
        assertThat(header(replaying, "GET", "/execution/e1/status")).isEqualTo("execution-state");
        assertThat(header(replaying, "GET", "/executions")).isEqualTo("execution-state");
        assertThat(header(replaying, "GET", "/runtime/state/e1")).isEqualTo("execution-state");
        assertThat(header(replaying, "GET", "/session/s1")).isNull();
        assertThat(header(replaying, "POST", "/execution/e1/cancel")).isNull();
    }

    @Test
    void sessionReadsNameTheSessionStateProjectionWhileItReplays() throws Exception {
        Set<String> replaying = Set.of("session-state");
        assertThat(header(replaying, "GET", "/session/s1")).isEqualTo("session-state");
        assertThat(header(replaying, "GET", "/sessions")).isEqualTo("session-state");
        assertThat(header(replaying, "GET", "/session/s1/timeline")).isNull();
        assertThat(header(replaying, "PATCH", "/session/s1")).isNull();
        assertThat(header(replaying, "GET", "/execution/e1/status")).isNull();
    }

    @Test
    void nothingIsMarkedWhenNoProjectionReplays() throws Exception {
        assertThat(header(Set.of(), "GET", "/execution/e1/status")).isNull();
        assertThat(header(Set.of(), "GET", "/session/s1")).isNull();
    }
}
