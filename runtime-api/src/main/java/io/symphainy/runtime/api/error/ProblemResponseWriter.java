package io.symphainy.runtime.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Writes problem bodies straight to the servlet response, for code that runs outside Spring MVC (servlet filters,
 * the security entry point and access-denied handler) and so cannot return a {@code ResponseEntity}.
 */
public class ProblemResponseWriter {

    private final ObjectMapper objectMapper;

    /**
     * @param objectMapper the application's mapper, so that problems look the same as those written by Spring MVC;
     *                     the problem mix-in is added to a copy in case the mapper was not built by Spring Boot
     */
    public ProblemResponseWriter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper.copy().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    }

    /** The problem's JSON body, as every problem of the runtime is written. */
    public String json(ProblemDetail problem) throws IOException {
        return objectMapper.writeValueAsString(problem);
    }

    /** Writes the problem unless the response is already committed, in which case nothing more can be sent. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Problems.withInstance(problem, request);
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        Problems.headersFor(problem, new HttpHeaders()).forEach(
                (name, values) -> values.forEach(value -> response.setHeader(name, value)));
        objectMapper.writeValue(response.getOutputStream(), problem);
        response.flushBuffer();
    }
}
