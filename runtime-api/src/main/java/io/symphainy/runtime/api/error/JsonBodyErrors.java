package io.symphainy.runtime.api.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Tells apart the reasons a JSON body could not be read: too large, not JSON at all, or JSON whose fields have the
 * wrong types. Field paths are taken from Jackson, which records the names exactly as the client sent them.
 */
final class JsonBodyErrors {

    private JsonBodyErrors() {
    }

    static ProblemDetail toProblem(HttpMessageNotReadableException exception) {
        RequestBodyTooLargeException tooLarge = findCause(exception, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return RequestBodyLimitFilter.tooLarge(tooLarge.maxBodyBytes());
        }
        // Syntax errors come first: Jackson wraps those inside arrays and objects in a mapping exception too.
        JsonParseException syntax = findCause(exception, JsonParseException.class);
        if (syntax != null) {
            return Problems.of(ProblemCode.MALFORMED_JSON, syntax.getLocation() == null
                    ? ProblemCode.MALFORMED_JSON.defaultDetail()
                    : "The request body is not valid JSON (line " + syntax.getLocation().getLineNr() + ", column "
                            + syntax.getLocation().getColumnNr() + ").");
        }
        JsonMappingException mapping = findCause(exception, JsonMappingException.class);
        if (mapping != null) {
            return wrongValue(mapping);
        }
        return Problems.of(ProblemCode.MALFORMED_JSON);
    }

    private static ProblemDetail wrongValue(JsonMappingException mapping) {
        String field = fieldPath(mapping.getPath());
        String message = reason(mapping);
        if (field == null) {
            return Problems.invalidRequest("The request body " + message + ".", List.of(new FieldViolation(null,
                    message)));
        }
        return Problems.invalidRequest("Field '" + field + "' " + message + ".",
                List.of(new FieldViolation(field, message)));
    }

    private static String reason(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a recognized field";
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            return "must be " + ExpectedTypes.describe(mismatch.getTargetType());
        }
        return "has an invalid value";
    }

    /** Renders Jackson's reference chain as {@code items[0].unit_price}, or null for the body itself. */
    static String fieldPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    static <T extends Throwable> T findCause(Throwable throwable, Class<T> type) {
        for (Throwable current = throwable; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                return null;
            }
        }
        return null;
    }
}
