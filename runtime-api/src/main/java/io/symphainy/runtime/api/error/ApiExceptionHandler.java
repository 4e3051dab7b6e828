package io.symphainy.runtime.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception that leaves a controller into an {@code application/problem+json} response carrying a
 * stable {@link ProblemCode}. Extending {@link ResponseEntityExceptionHandler} covers all of Spring MVC's own
 * exceptions and makes Spring Boot's default problem handler back off.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ValidationErrors validationErrors;
    private final DatabaseProblems databaseProblems;

    public ApiExceptionHandler(ObjectMapper objectMapper, Environment environment) {
        this.validationErrors = new ValidationErrors(new FieldNames(objectMapper));
        this.databaseProblems = DatabaseProblems.of(environment);
    }

    @ExceptionHandler(ProblemException.class)
    public ResponseEntity<Object> handleProblem(ProblemException ex, HttpServletRequest request) {
        if (ex.code().status().is5xxServerError()) {
            LOG.error("Request {} failed with {}", request.getRequestURI(), ex.code(), ex);
        }
        return respond(Problems.of(ex), request);
    }

    /** Covers {@code @PreAuthorize} denials, which surface from the controller method rather than the filters. */
    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, HttpServletRequest request) {
        return respond(Problems.of(ProblemCode.FORBIDDEN), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    public ResponseEntity<Object> handleAuthentication(AuthenticationException ex, HttpServletRequest request) {
        return respond(Problems.of(ProblemCode.UNAUTHENTICATED), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex,
                                                            HttpServletRequest request) {
        return respond(Problems.invalidRequest(ProblemCode.INVALID_REQUEST.defaultDetail(),
                validationErrors.of(ex.getConstraintViolations())), request);
    }

    /** A controller that reads the body stream itself sees the limit as this exception. */
    @ExceptionHandler(RequestBodyTooLargeException.class)
    public ResponseEntity<Object> handleTooLarge(RequestBodyTooLargeException ex, HttpServletRequest request) {
        return respond(RequestBodyLimitFilter.tooLarge(ex.maxBodyBytes()), request);
    }

    /**
     * A multipart body the container cannot parse (no boundary, a boundary the body does not use, a body cut short)
     * is the client's error; one too large keeps its 413 through the more specific handler of the superclass.
     */
    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<Object> handleBrokenMultipart(MultipartException ex, HttpServletRequest request) {
        return respond(Problems.of(ProblemCode.INVALID_REQUEST, "The multipart body cannot be parsed.", Map.of()),
                request);
    }

    /** A database that is unreachable or cancelled a slow statement is a 503 to retry, whatever wrapped it. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
        Optional<ResponseEntity<Object>> databaseFailure = databaseProblems.answer(ex, request);
        if (databaseFailure.isPresent()) {
            return databaseFailure.get();
        }
        LOG.error("Unhandled failure of {} {}", request.getMethod(), request.getRequestURI(), ex);
        return respond(Problems.of(ProblemCode.INTERNAL_ERROR), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, JsonBodyErrors.toProblem(ex), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.invalidRequest(ProblemCode.INVALID_REQUEST.defaultDetail(),
                validationErrors.of(ex.getBindingResult()));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.invalidRequest(ProblemCode.INVALID_REQUEST.defaultDetail(),
                validationErrors.of(ex));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, FrameworkProblems.missingParameter(ex), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, FrameworkProblems.typeMismatch(ex), headers, status, request);
    }

    /** The single exit of every handler: maps what has no code yet by status and fixes the media type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail && hasCode(detail) ? detail
                : FrameworkProblems.byStatus(ex, statusCode);
        if (request instanceof ServletWebRequest servletRequest) {
            Problems.withInstance(problem, servletRequest.getRequest());
        }
        return super.handleExceptionInternal(ex, problem, Problems.headersFor(problem, headers),
                HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static boolean hasCode(ProblemDetail problem) {
        return problem.getProperties() != null && problem.getProperties().containsKey(Problems.CODE_PROPERTY);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpServletRequest request) {
        return Problems.response(Problems.withInstance(problem, request));
    }
}
