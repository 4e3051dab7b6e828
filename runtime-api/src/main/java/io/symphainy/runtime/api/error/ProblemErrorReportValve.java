package io.symphainy.runtime.api.error;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Answers what Tomcat refuses before the application sees it (a path it cannot decode or normalise, a malformed
 * request line, broken body framing, a transfer coding it does not implement) with a problem carrying the code of
 * its status, where Tomcat's own report valve would write an HTML page. Answers the application wrote are left
 * alone.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final ProblemResponseWriter problems;

    public ProblemErrorReportValve(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
            // Tomcat's answer to a transfer coding it does not know; RFC 9112 allows a 400, and nothing failed here.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            status = HttpStatus.BAD_REQUEST.value();
        }
        HttpStatusCode httpStatus = HttpStatusCode.valueOf(status);
        ProblemCode code = ProblemCode.forStatus(httpStatus);
        ProblemDetail problem = Problems.of(code, httpStatus, code.defaultDetail(), Map.of());
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problems.json(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException connectionGone) {
            // Like Tomcat's own valve: the client went away or the response cannot take a body; nothing to add.
        }
    }
}
